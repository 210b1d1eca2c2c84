//! The score parts. Per query, [`QueryTables`] turns what was understood into look-up tables (a score
//! per taxonomy node, per region, bigram hit counts per project); per project, each part is then a
//! few look-ups. Each part also says *why* ([`IndustryWhy`], [`RegionWhy`], [`BudgetWhy`]) so that
//! reasons are worded from the same facts that made the score.

use super::index::{places, MatchIndex, BLOCK, NONE};
use super::query::Understood;
use super::weights::{industry as ind, region as reg, BUDGET_UNKNOWN};
use crate::gazetteer::{Gazetteer, RegionId};
use crate::money::{Amount, Bound};
use crate::taxonomy::{NodeId, NodeKind, Relation, Taxonomy};

/// How a project's taxonomy node fits a query term's node, with direction (which [`Relation`]
/// alone does not have).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Fit {
    Same,
    Inside,
    ChainLink,
    SameChain,
    Broader,
    /// Broader by more than one level (the project is tagged only with a grandparent or above).
    Ancestor,
    Sibling,
    SameSector,
    None,
}

impl Fit {
    fn of(t: &Taxonomy, query: NodeId, project: NodeId) -> Fit {
        match t.relation(query, project) {
            Relation::Same => Fit::Same,
            Relation::ChainLink => Fit::ChainLink,
            Relation::ParentChild if t.ancestors(project).contains(&query) => Fit::Inside,
            Relation::ParentChild if t.node(project).kind == NodeKind::Sector => Fit::SameSector,
            Relation::ParentChild if t.node(query).parent == Some(project) => Fit::Broader,
            Relation::ParentChild => Fit::Ancestor,
            Relation::SameChain => Fit::SameChain,
            Relation::Sibling => Fit::Sibling,
            Relation::SameSector => Fit::SameSector,
            Relation::Unrelated => Fit::None,
        }
    }

    /// A close fit: the node itself, inside it, or on its chain. Broader, sibling and same-sector
    /// fits are weak: they count for umbrella words never, and for a project only through the
    /// sector it declares (so a card's sector and its reason agree).
    fn is_strong(self) -> bool {
        matches!(self, Fit::Same | Fit::Inside | Fit::ChainLink | Fit::SameChain)
    }

    /// The part for this fit; inside a member of an umbrella word (`新能源` → 光伏 → 海上风电 …) is
    /// fully inside the word.
    fn value(self, in_concept: bool) -> f32 {
        match self {
            Fit::Inside if in_concept => ind::SAME,
            Fit::Same => ind::SAME,
            Fit::Inside => ind::INSIDE,
            Fit::ChainLink => ind::CHAIN_LINK,
            Fit::SameChain => ind::SAME_CHAIN,
            Fit::Broader => ind::BROADER,
            Fit::Ancestor => ind::ANCESTOR,
            Fit::Sibling => ind::SIBLING,
            Fit::SameSector => ind::SAME_SECTOR,
            Fit::None => 0.0,
        }
    }
}

/// Why the industry part has its value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum IndustryWhy {
    /// How the project's node `node` fits query term `term`.
    Taxonomy { term: usize, node: NodeId, fit: Fit },
    /// Bigrams of text term `term` (`Understood::text_terms`) occur in the name, sector or tags.
    NameText { term: usize },
    /// Bigrams of text term `term` occur in the description only.
    DescriptionText { term: usize },
    /// Nothing links them.
    None,
}

/// Why the region part has its value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum RegionWhy {
    /// Inside place `RegionId` typed.
    Inside(RegionId),
    /// Inside economic zone typed.
    InsideZone(usize),
    /// Same city as the county typed.
    SameCity(RegionId),
    /// Same province as a place typed.
    SameProvince(RegionId),
    /// Shares economic zone with a place typed.
    SameEconZone(usize),
    /// Elsewhere.
    Elsewhere,
}

/// Why the budget part has its value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum BudgetWhy {
    /// The amount is not published.
    Unknown,
    /// Within the budget and not far below it.
    Fits,
    /// Within the budget but much smaller.
    FarBelow,
    /// Above the budget.
    Above,
}

/// Per-query look-up tables: everything a project's parts depend on is turned into a table over
/// the list's distinct values (node sets, gazetteer regions, amounts, filter texts), so that scoring
/// a project is a handful of loads. Each table entry is computed by the same code, in the same
/// order, as a direct computation would be, so scores are bit-for-bit the same.
pub(crate) struct QueryTables {
    /// Best taxonomy-based industry part per distinct node set of the list, and why.
    set_industry: Vec<(f32, IndustryWhy)>,
    /// Bigram hit counts per query term per slot (strong, weak text). Everything per project in
    /// these tables is per slot (`MatchIndex::perm`); the methods taking a list position `i`
    /// convert.
    strong_hits: Vec<Vec<u8>>,
    weak_hits: Vec<Vec<u8>>,
    term_gram_counts: Vec<usize>,
    /// Best text-based industry part per project (0 where no term bigram occurs), for scoring;
    /// empty when no industry was typed.
    text_best: Vec<f32>,
    /// How well each project's own text matches the industry typed, counting partial matches
    /// of known words too: breaks ties between equal scores (`top`).
    text_tie: Vec<f32>,
    /// Per text term: true when the word was understood (only the whole word counts then).
    term_known: Vec<bool>,
    /// The slots with a text hit for some industry term (a slot may repeat).
    touched: Vec<u32>,
    /// Best taxonomy-based industry part per node set, without the why, for scoring.
    set_value: Vec<f32>,
    /// Region part per gazetteer region (a project's place), and why; the part alone for scoring.
    region_score: Vec<(f32, RegionWhy)>,
    region_value: Vec<f32>,
    /// Budget part per distinct amount of the list (empty without a budget).
    budget_score: Vec<f32>,
    keyword_hits: Vec<u8>,
    /// Filters: per distinct node set (sector), folded text (cooperation, stage) and amount
    /// (investment range); empty when the filter is not set.
    set_passes: Vec<bool>,
    cooperation_passes: Vec<bool>,
    stage_passes: Vec<bool>,
    investment_passes: Vec<bool>,
    /// Per gazetteer region: false inside a place the investor left out (`成都以外`).
    region_passes: Vec<bool>,
}

/// The text parts of one text term for a project with `hs` of its `total` bigrams in the name,
/// sector or tags and `hw` in the description. A word understood as an industry counts only when
/// all of it is there (`新能源` is not half found in 能源化工); an unknown word counts by its share.
#[inline]
fn text_parts(known: bool, hs: u8, hw: u8, total: usize) -> (f32, f32) {
    let share = |h: u8| {
        if known && (h as usize) < total {
            0.0
        } else {
            h as f32 / total as f32
        }
    };
    (share(hs) * ind::TEXT_STRONG, share(hw) * ind::TEXT_WEAK)
}

fn count_hits(postings: &super::index::Postings, grams: &[crate::fold::Gram], n: usize) -> Vec<u8> {
    count_hits_touched(postings, grams, n, &mut Vec::new())
}

/// Bigram hits per project, and the projects with at least one hit (appended to `touched`).
fn count_hits_touched(postings: &super::index::Postings, grams: &[crate::fold::Gram], n: usize, touched: &mut Vec<u32>) -> Vec<u8> {
    let mut hits = vec![0u8; n];
    for g in grams {
        postings.for_each(*g, |p| {
            // `get_mut`: postings read from a compact file are not trusted to stay below `n`.
            if let Some(h) = hits.get_mut(p as usize) {
                if *h == 0 {
                    touched.push(p);
                }
                *h = h.saturating_add(1);
            }
        });
    }
    hits
}

impl QueryTables {
    pub(crate) fn build(u: &Understood, ix: &MatchIndex) -> QueryTables {
        let t = Taxonomy::global();
        let g = Gazetteer::global();
        let n = ix.len();

        // Industry by taxonomy: best score per node (over all fits, and over the close ones), then
        // per distinct node set of the list.
        let mut set_industry = Vec::new();
        if u.has_industry() {
            let mut node_all = vec![(0.0f32, 0u16, Fit::None); t.len()];
            let mut node_close = node_all.clone();
            for (term_index, term) in u.industry.iter().enumerate() {
                let Some(q) = term.node else { continue };
                let factor = if term.near_miss {
                    ind::NEAR_MISS_FACTOR
                } else if term.partial.is_some() {
                    ind::PARTIAL_FACTOR
                } else {
                    1.0
                };
                let in_concept = term.concept_id.is_some();
                for id in 0..t.len() {
                    let fit = Fit::of(t, q, NodeId(id as u16));
                    // An umbrella word is its members and what lies inside or on their chains.
                    if in_concept && !fit.is_strong() {
                        continue;
                    }
                    let s = fit.value(in_concept) * factor;
                    if s > node_all[id].0 {
                        node_all[id] = (s, term_index as u16, fit);
                    }
                    if fit.is_strong() && s > node_close[id].0 {
                        node_close[id] = (s, term_index as u16, fit);
                    }
                }
            }
            set_industry = (0..ix.set_count())
                .map(|s| {
                    let set = ix.set(s);
                    // The sector the project declares leads its set: weak fits only through nodes
                    // of that sector, so a card's sector and its reason agree.
                    let declared = set.first().copied().filter(|&d| t.node(d).kind == NodeKind::Sector);
                    let allowed = |n: NodeId| declared.is_none_or(|d| t.sector_of(n) == d);
                    let mut best = (0.0f32, IndustryWhy::None);
                    for &node in set {
                        let table = if allowed(node) { &node_all } else { &node_close };
                        let (score, term, fit) = table[node.0 as usize];
                        if score > best.0 {
                            best = (score, IndustryWhy::Taxonomy { term: term as usize, node, fit });
                        }
                    }
                    best
                })
                .collect();
        }
        let mut strong_hits = Vec::new();
        let mut weak_hits = Vec::new();
        let mut term_gram_counts = Vec::new();
        let mut term_known = Vec::new();
        let mut touched: Vec<Vec<u32>> = Vec::new();
        for text in &u.text_terms {
            let grams = crate::fold::gram_set(&text.folded);
            let mut t = Vec::new();
            strong_hits.push(count_hits_touched(&ix.strong, &grams, n, &mut t));
            weak_hits.push(count_hits_touched(&ix.weak, &grams, n, &mut t));
            term_gram_counts.push(grams.len());
            term_known.push(text.known);
            touched.push(t);
        }
        // The text parts of a project, in the order `industry` tries them; their maximum is what
        // `industry` ends with whenever it beats the taxonomy part (a max of floats is exact).
        let mut text_best = Vec::new();
        let mut text_tie = Vec::new();
        if term_gram_counts.iter().any(|t| *t > 0) {
            text_best = vec![0.0f32; n];
            text_tie = vec![0.0f32; n];
            for (term, total) in term_gram_counts.iter().enumerate() {
                if *total == 0 {
                    continue;
                }
                let (strong, weak) = (&strong_hits[term], &weak_hits[term]);
                for &i in &touched[term] {
                    let i = i as usize;
                    let (hs, hw) = (strong[i], weak[i]);
                    let (s, w) = text_parts(term_known[term], hs, hw, *total);
                    let best = &mut text_best[i];
                    if s > *best {
                        *best = s;
                    }
                    if w > *best {
                        *best = w;
                    }
                    let (s, w) = text_parts(false, hs, hw, *total);
                    let tie = &mut text_tie[i];
                    *tie = tie.max(s + w);
                }
            }
        }
        let set_value = set_industry.iter().map(|(s, _)| *s).collect();
        let touched = if text_best.is_empty() { Vec::new() } else { touched.concat() };

        let mut region_score = Vec::new();
        if u.has_region() {
            let mut by_place = vec![(0.0f32, RegionWhy::Elsewhere); g.len()];
            let mut raise = |id: RegionId, s: f32, why: RegionWhy| {
                let slot = &mut by_place[id.0 as usize];
                if s > slot.0 {
                    *slot = (s, why);
                }
            };
            let mut zones_of_places = 0u64;
            for r in &u.region {
                raise(r.id, reg::INSIDE, RegionWhy::Inside(r.id));
                if let Some(city) = g.city_of(r.id) {
                    if city != r.id {
                        raise(city, reg::SAME_CITY, RegionWhy::SameCity(city));
                    }
                }
                let province = g.province_of(r.id);
                if province != r.id {
                    raise(province, reg::SAME_PROVINCE, RegionWhy::SameProvince(province));
                }
                // Only kin zones (城市群, 经济圈) make neighbours fit partly; a broad area (西南) does not.
                zones_of_places |= g.econ_zone_mask(r.id) & g.kin_zones();
            }
            let zones_typed = u.zone_ids.iter().filter(|z| **z < 64).fold(0u64, |m, z| m | (1 << z));
            // A project's region part depends on its place only: its county, city and province
            // are looked up, then its economic zones.
            region_score = places()
                .iter()
                .map(|&(levels, mask)| {
                    let mut best = (reg::ELSEWHERE, RegionWhy::Elsewhere);
                    for id in levels {
                        if id != NONE {
                            let slot = by_place[id as usize];
                            if slot.0 > best.0 {
                                best = slot;
                            }
                        }
                    }
                    if mask & zones_typed != 0 && reg::INSIDE > best.0 {
                        best = (reg::INSIDE, RegionWhy::InsideZone((mask & zones_typed).trailing_zeros() as usize));
                    } else if mask & zones_of_places != 0 && reg::SAME_ECON_ZONE > best.0 {
                        best = (reg::SAME_ECON_ZONE, RegionWhy::SameEconZone((mask & zones_of_places).trailing_zeros() as usize));
                    }
                    best
                })
                .collect();
        }

        let region_value = region_score.iter().map(|(s, _)| *s).collect();
        let budget_score = match &u.budget {
            Some(b) => ix.amounts.iter().map(|a| fit_and_why(&b.amount, *a).0).collect(),
            None => Vec::new(),
        };

        let keyword_hits = if u.keyword_grams.is_empty() {
            Vec::new()
        } else {
            let mut hits = count_hits(&ix.strong, &u.keyword_grams, n);
            let weak = count_hits(&ix.weak, &u.keyword_grams, n);
            for (h, w) in hits.iter_mut().zip(weak) {
                *h = (*h).max(w);
            }
            hits
        };

        // The sector filter, and industries left out (`不要房地产`): a project of a node within one
        // left out is not ranked.
        let left_out = &u.excluded_industry_nodes;
        let set_passes = if u.sector_node.is_none() && left_out.is_empty() {
            Vec::new()
        } else {
            (0..ix.set_count())
                .map(|s| {
                    let set = ix.set(s);
                    let in_sector = u.sector_node.is_none_or(|sector| set.iter().any(|n| *n == sector || t.sector_of(*n) == sector));
                    let ruled_out = set.iter().any(|n| left_out.iter().any(|x| n == x || t.ancestors(*n).contains(x)));
                    in_sector && !ruled_out
                })
                .collect()
        };
        let text_passes = |filter: &Option<String>| match filter {
            Some(c) => ix.texts.iter().map(|t| t.contains(c.as_str())).collect(),
            None => Vec::new(),
        };
        let region_passes = if u.excluded.is_empty() && u.excluded_zone_ids.is_empty() {
            Vec::new()
        } else {
            let zones_out = u.excluded_zone_ids.iter().filter(|z| **z < 64).fold(0u64, |m, z| m | (1 << z));
            (0..g.len() as u32)
                .map(|id| {
                    let place = RegionId(id);
                    !u.excluded.iter().any(|x| x.id == place || g.is_within(place, x.id)) && g.econ_zone_mask(place) & zones_out == 0
                })
                .collect()
        };
        let investment_passes = match &u.investment_range {
            Some(range) => ix.amounts.iter().map(|&(min, max)| !(max == 0 || max < range.min || min > range.max)).collect(),
            None => Vec::new(),
        };

        QueryTables {
            set_industry,
            strong_hits,
            weak_hits,
            term_gram_counts,
            text_best,
            text_tie,
            term_known,
            touched,
            set_value,
            region_score,
            region_value,
            budget_score,
            keyword_hits,
            set_passes,
            cooperation_passes: text_passes(&u.cooperation),
            stage_passes: text_passes(&u.stage),
            investment_passes,
            region_passes,
        }
    }

    /// True when the project in slot `i` passes the sector, cooperation, stage and investment
    /// filters.
    #[inline]
    fn passes_filters(&self, ix: &MatchIndex, i: usize) -> bool {
        (self.set_passes.is_empty() || self.set_passes[ix.node_set[i] as usize])
            && (self.cooperation_passes.is_empty() || self.cooperation_passes[ix.cooperation[i] as usize])
            && (self.stage_passes.is_empty() || self.stage_passes[ix.stage[i] as usize])
            && (self.investment_passes.is_empty() || self.investment_passes[ix.investment[i] as usize])
            && (self.region_passes.is_empty() || self.region_passes[ix.region[i] as usize])
    }

    fn has_filters(&self) -> bool {
        !(self.set_passes.is_empty()
            && self.cooperation_passes.is_empty()
            && self.stage_passes.is_empty()
            && self.investment_passes.is_empty()
            && self.region_passes.is_empty())
    }

    /// Industry part of the project at list position `i`, and why.
    pub(crate) fn industry(&self, ix: &MatchIndex, i: usize) -> (f32, IndustryWhy) {
        let i = ix.slot[i] as usize;
        let mut best = self.set_industry.get(ix.node_set[i] as usize).copied().unwrap_or((0.0, IndustryWhy::None));
        for (term, total) in self.term_gram_counts.iter().enumerate() {
            // No hit gives a text part of 0, which never beats `best` (parts are never negative).
            let (hs, hw) = (self.strong_hits[term][i], self.weak_hits[term][i]);
            if *total == 0 || (hs | hw) == 0 {
                continue;
            }
            let (strong, weak) = text_parts(self.term_known[term], hs, hw, *total);
            if strong > best.0 {
                best = (strong, IndustryWhy::NameText { term });
            }
            if weak > best.0 {
                best = (weak, IndustryWhy::DescriptionText { term });
            }
        }
        best
    }

    /// Region part of the project at list position `i`, and why.
    pub(crate) fn region(&self, ix: &MatchIndex, i: usize) -> (f32, RegionWhy) {
        let i = ix.slot[i] as usize;
        self.region_score.get(ix.region[i] as usize).copied().unwrap_or((reg::ELSEWHERE, RegionWhy::Elsewhere))
    }

    /// Share of keyword bigrams found in the project at list position `i`.
    pub(crate) fn keywords(&self, u: &Understood, ix: &MatchIndex, i: usize) -> f32 {
        match self.keyword_hits.get(ix.slot[i] as usize) {
            Some(h) if !u.keyword_grams.is_empty() => (*h as f32 / u.keyword_grams.len() as f32).min(1.0),
            _ => 0.0,
        }
    }

    /// For every block of slots, an upper bound of each part of its projects: industry, budget,
    /// region, keywords. A light pass (one table look-up per part given, no scoring) over the
    /// columns, which are ordered by province and sector so that these maxima are tight.
    fn block_bounds(&self, u: &Understood, ix: &MatchIndex) -> Vec<[f32; 4]> {
        let blocks = ix.block_priority.len();
        let mut bounds = vec![[0.0f32, 0.0, 0.0, 1.0]; blocks];
        // The maximum over a block's distinct values is the maximum over its projects.
        let part_max = |bounds: &mut Vec<[f32; 4]>, part: usize, distinct: &super::index::Distinct, table: &[f32]| {
            for (b, bound) in bounds.iter_mut().enumerate() {
                // Parts are never NaN: a plain comparison is a valid (and cheaper) maximum.
                let mut m = 0.0f32;
                for x in distinct.block(b) {
                    let v = table.get(*x as usize).copied().unwrap_or(0.0);
                    m = if v > m { v } else { m };
                }
                bound[part] = m;
            }
        };
        if u.has_industry() {
            part_max(&mut bounds, 0, &ix.block_sets, &self.set_value);
            for &slot in &self.touched {
                let slot = slot as usize;
                if let (Some(t), Some(bound)) = (self.text_best.get(slot), bounds.get_mut(slot / BLOCK)) {
                    bound[0] = bound[0].max(*t);
                }
            }
        }
        if u.budget.is_some() {
            // Amounts are spread over every block, so a per-block maximum is about the overall one:
            // not worth a pass.
            let m = self.budget_score.iter().fold(0.0f32, |m, v| if *v > m { *v } else { m });
            for bound in &mut bounds {
                bound[1] = m;
            }
        }
        if u.has_region() {
            part_max(&mut bounds, 2, &ix.block_regions, &self.region_value);
        }
        bounds
    }

    /// Scores every project that passes the filters in one pass and keeps the best `u.top` in a
    /// bounded heap: `(score, project)`, best first (ties by id), and how many passed the filters.
    ///
    /// The arithmetic is that of a direct computation, in the same order (`num` summed part by
    /// part, divided by the sum of the weights given, blended with the priority), so scores are
    /// the same to the bit; only the look-ups differ.
    pub(crate) fn top(&self, u: &Understood, ix: &MatchIndex) -> (Vec<(f32, usize)>, usize) {
        let w = &u.weights;
        let k = u.top.max(1);
        let scorer = Scorer::new(self, u, ix);
        let Scorer { has_industry, has_budget, has_region, has_keywords, .. } = scorer;
        let filters = self.has_filters();
        let score_of = |num: f32, priority: u8| scorer.blend(num, priority);
        let mut heap = TopK::new(k);
        let mut floor = f32::NEG_INFINITY;
        let mut matched = 0usize;
        let n = ix.len();
        let (priority, id_rank, perm) = (&ix.priority[..n], &ix.id_rank[..n], &ix.perm[..n]);
        let scan = |range: std::ops::Range<usize>, heap: &mut TopK, floor: &mut f32, matched: &mut usize| {
            for i in range {
                if filters && !self.passes_filters(ix, i) {
                    continue;
                }
                *matched += 1;
                let score = scorer.score(i);
                // Most projects score below the worst kept one: one comparison.
                if score < *floor {
                    continue;
                }
                if let Some(worst) = heap.offer((score, scorer.tie(i), priority[i], id_rank[i], perm[i])) {
                    *floor = worst;
                }
            }
        };
        if filters || ix.block_priority.len() < 4 {
            scan(0..n, &mut heap, &mut floor, &mut matched);
        } else {
            // Blocks by their best possible score, best first: once a block cannot reach the
            // worst of the top k, no later one can. Every part of the bound is at least the part
            // of every project of the block, and the score is computed from the parts by the same
            // monotone float operations, so the bound holds to the bit and skipping never changes
            // the result. Without filters every project passes them.
            let bounds = self.block_bounds(u, ix);
            // One integer key per block, best bound first and ties by block: sorting plain
            // integers is one small instantiation, and the fastest sort there is here.
            let mut order: Vec<u64> = bounds
                .iter()
                .enumerate()
                .map(|(b, parts)| {
                    let mut num = 0.0f32;
                    for (given, weight, part) in [
                        (has_industry, w.industry, parts[0]),
                        (has_budget, w.budget, parts[1]),
                        (has_region, w.region, parts[2]),
                        (has_keywords, w.keywords, parts[3]),
                    ] {
                        if given {
                            num += weight * part;
                        }
                    }
                    ((!ordered_bits(score_of(num, ix.block_priority[b])) as u64) << 32) | b as u64
                })
                .collect();
            order.sort_unstable();
            for key in order {
                let bound = from_ordered_bits(!((key >> 32) as u32));
                if bound < floor {
                    break;
                }
                let b = (key & 0xffff_ffff) as usize;
                scan(b * BLOCK..((b + 1) * BLOCK).min(n), &mut heap, &mut floor, &mut matched);
            }
            matched = n;
        }
        (heap.into_sorted(), matched)
    }
}

impl QueryTables {
    /// Every project that passes the filters with its score, in slot order: `f(list position,
    /// score)`. The score is the one [`QueryTables::top`] ranks by, computed by the same code, so
    /// a pair scored here and ranked there is the same number to the bit. For the leads views
    /// (`crate::leads`), which need the score of every pair, not only a query's best.
    pub(crate) fn for_each_score(&self, u: &Understood, ix: &MatchIndex, mut f: impl FnMut(usize, f32)) {
        let scorer = Scorer::new(self, u, ix);
        let filters = self.has_filters();
        let n = ix.len();
        let perm = &ix.perm[..n];
        for (i, &position) in perm.iter().enumerate() {
            if filters && !self.passes_filters(ix, i) {
                continue;
            }
            f(position as usize, scorer.score(i));
        }
    }

    /// The score of the project at list position `position` (as [`QueryTables::for_each_score`]
    /// gives it), `None` when it fails a filter or is out of range.
    pub(crate) fn score_at(&self, u: &Understood, ix: &MatchIndex, position: usize) -> Option<f32> {
        let i = *ix.slot.get(position)? as usize;
        if i >= ix.len() || (self.has_filters() && !self.passes_filters(ix, i)) {
            return None;
        }
        Some(Scorer::new(self, u, ix).score(i))
    }
}

/// The score of one slot from the per-query tables: the parts given, weighted, summed part by part,
/// divided by the sum of the weights given and blended with the publisher's priority. One
/// definition for ranking ([`QueryTables::top`]) and for every-pair scoring
/// ([`QueryTables::for_each_score`]).
#[derive(Clone, Copy)]
struct Scorer<'a> {
    tables: &'a QueryTables,
    weights: &'a super::weights::Weights,
    has_industry: bool,
    has_budget: bool,
    has_region: bool,
    has_keywords: bool,
    has_text: bool,
    den: f32,
    keep: f32,
    share: f32,
    keyword_count: f32,
    /// Columns cut to exactly `n`, so that indexing them by a slot `i < n` needs no bounds check.
    node_set: &'a [u32],
    sought: &'a [u32],
    region: &'a [u32],
    priority: &'a [u8],
    text_best: &'a [f32],
    /// `QueryTables::text_tie`, empty when no text term was typed.
    text_tie: &'a [f32],
    keyword_hits: &'a [u8],
}

impl<'a> Scorer<'a> {
    fn new(tables: &'a QueryTables, u: &'a Understood, ix: &'a MatchIndex) -> Scorer<'a> {
        let w = &u.weights;
        let (has_industry, has_budget, has_region) = (u.has_industry(), u.budget.is_some(), u.has_region());
        let has_keywords = !u.keyword_grams.is_empty();
        let has_text = !tables.text_best.is_empty();
        let mut den = 0.0f32;
        for (given, weight) in [(has_industry, w.industry), (has_budget, w.budget), (has_region, w.region), (has_keywords, w.keywords)] {
            if given {
                den += weight;
            }
        }
        let n = ix.len();
        Scorer {
            tables,
            weights: w,
            has_industry,
            has_budget,
            has_region,
            has_keywords,
            has_text,
            den,
            keep: 1.0 - w.priority,
            share: w.priority,
            keyword_count: u.keyword_grams.len() as f32,
            node_set: &ix.node_set[..n],
            sought: &ix.sought[..n],
            region: &ix.region[..n],
            priority: &ix.priority[..n],
            text_best: if has_text { &tables.text_best[..n] } else { &[][..] },
            text_tie: if has_text { &tables.text_tie[..n] } else { &[][..] },
            keyword_hits: if has_keywords { &tables.keyword_hits[..n] } else { &[][..] },
        }
    }

    /// The weighted parts summed into the score, with the priority blended in.
    #[inline(always)]
    fn blend(&self, num: f32, priority: u8) -> f32 {
        let base = if self.den > 0.0 { num / self.den } else { 0.5 };
        (self.keep * base + self.share * priority as f32 / 100.0).clamp(0.0, 1.0)
    }

    /// The score of slot `i`.
    #[inline(always)]
    fn score(&self, i: usize) -> f32 {
        let (t, w) = (self.tables, self.weights);
        let mut num = 0.0f32;
        if self.has_industry {
            // The value of `QueryTables::industry(..).0`, from the per-set and per-slot maxima.
            let mut industry = t.set_value[self.node_set[i] as usize];
            if self.has_text && self.text_best[i] > industry {
                industry = self.text_best[i];
            }
            num += w.industry * industry;
        }
        if self.has_budget {
            num += w.budget * t.budget_score[self.sought[i] as usize];
        }
        if self.has_region {
            num += w.region * t.region_value[self.region[i] as usize];
        }
        if self.has_keywords {
            // `QueryTables::keywords(..)`.
            num += w.keywords * (self.keyword_hits[i] as f32 / self.keyword_count).min(1.0);
        }
        self.blend(num, self.priority[i])
    }

    /// How well slot `i`'s own text matches the industry typed: the first tie-break between equal
    /// scores (0 when no text term was typed).
    #[inline(always)]
    fn tie(&self, i: usize) -> f32 {
        if self.has_text {
            self.text_tie[i]
        } else {
            0.0
        }
    }
}

/// One candidate of [`TopK`]: `(score, text tie, priority, id_rank, project)`.
type Candidate = (f32, f32, u8, u32, u32);

/// The best `k` of a stream of candidates: higher score first; among equal scores, the project
/// whose own text matches the industry typed better, then the higher publisher priority, then the
/// lower id rank (unique, so the order is total and the same as sorting everything).
struct TopK {
    k: usize,
    /// A binary max-heap by "worse": the root is the worst kept entry.
    heap: Vec<Candidate>,
}

impl TopK {
    fn new(k: usize) -> TopK {
        TopK { k, heap: Vec::with_capacity(k) }
    }

    /// The order of results: `Less` when `a` ranks before `b`.
    #[inline]
    fn order(a: &Candidate, b: &Candidate) -> std::cmp::Ordering {
        b.0.total_cmp(&a.0).then_with(|| b.1.total_cmp(&a.1)).then_with(|| b.2.cmp(&a.2)).then_with(|| a.3.cmp(&b.3))
    }

    /// True when `a` ranks after `b` (the same order as [`TopK::order`], compared lazily: scores
    /// and ties are never NaN, so plain comparisons agree with `total_cmp`).
    #[inline]
    fn worse(a: &Candidate, b: &Candidate) -> bool {
        if a.0 != b.0 {
            return a.0 < b.0;
        }
        if a.1 != b.1 {
            return a.1 < b.1;
        }
        if a.2 != b.2 {
            return a.2 < b.2;
        }
        a.3 > b.3
    }

    /// Offers an entry; once `k` are kept, returns the score of the worst kept one.
    #[inline]
    fn offer(&mut self, e: Candidate) -> Option<f32> {
        if self.heap.len() < self.k {
            self.heap.push(e);
            let mut c = self.heap.len() - 1;
            while c > 0 {
                let parent = (c - 1) / 2;
                if Self::worse(&self.heap[c], &self.heap[parent]) {
                    self.heap.swap(c, parent);
                    c = parent;
                } else {
                    break;
                }
            }
        } else if Self::worse(&self.heap[0], &e) {
            self.heap[0] = e;
            let (mut c, len) = (0, self.heap.len());
            loop {
                let (l, r) = (2 * c + 1, 2 * c + 2);
                let mut worst = c;
                if l < len && Self::worse(&self.heap[l], &self.heap[worst]) {
                    worst = l;
                }
                if r < len && Self::worse(&self.heap[r], &self.heap[worst]) {
                    worst = r;
                }
                if worst == c {
                    break;
                }
                self.heap.swap(c, worst);
                c = worst;
            }
        }
        (self.heap.len() == self.k).then(|| self.heap[0].0)
    }

    fn into_sorted(mut self) -> Vec<(f32, usize)> {
        crate::sort::sort_by(&mut self.heap, Self::order);
        self.heap.into_iter().map(|(s, _, _, _, i)| (s, i as usize)).collect()
    }
}

/// The bits of `f` as an integer that sorts like [`f32::total_cmp`].
fn ordered_bits(f: f32) -> u32 {
    let u = f.to_bits();
    if u & 0x8000_0000 != 0 {
        !u
    } else {
        u | 0x8000_0000
    }
}

/// The inverse of [`ordered_bits`].
fn from_ordered_bits(u: u32) -> f32 {
    f32::from_bits(if u & 0x8000_0000 != 0 { u & 0x7fff_ffff } else { !u })
}

/// How well an amount sought fits a budget, on a log scale, in [0, 1].
///
/// Between half the budget and the budget is a full fit. Smaller amounts lose 0.3 per factor of
/// ten below half the budget (a 1亿 project for a 30亿 budget still fits 0.53); larger amounts lose
/// fast: 1.5× the budget fits 0.75, 2× 0.57, 5× or more 0. A range budget fits fully anywhere inside
/// it; `at least` budgets fit fully at and above their floor (open upwards, so a larger amount is never
/// "above" them). Project amounts that are
/// ranges use their point closest to the budget.
///
/// ```
/// use opportunity_matcher::money::{Amount, Bound, Currency};
/// use opportunity_matcher::rank::budget_fit;
/// let budget = Amount::yuan(3_000_000_000);
/// assert_eq!(budget_fit(&budget, (3_000_000_000, 3_000_000_000)), 1.0);
/// assert!(budget_fit(&budget, (10_000_000_000, 10_000_000_000)) < 0.3);
/// assert!(budget_fit(&budget, (100_000_000, 100_000_000)) > 0.5);
/// ```
pub fn budget_fit(budget: &Amount, sought: (u64, u64)) -> f32 {
    fit_and_why(budget, sought).0
}

pub(crate) fn fit_and_why(budget: &Amount, (smin, smax): (u64, u64)) -> (f32, BudgetWhy) {
    if smax == 0 {
        return (BUDGET_UNKNOWN, BudgetWhy::Unknown);
    }
    let (lo, hi) = match budget.bound {
        Bound::Exact => ((budget.max / 2).max(1), budget.max.max(1)),
        Bound::Range => (budget.min.max(1), budget.max.max(1)),
        Bound::UpTo => ((budget.max / 2).max(1), budget.max.max(1)),
        // Open upwards: a larger amount is inside the budget, never "above" it.
        Bound::AtLeast => (budget.min.max(1), u64::MAX),
    };
    // The project's point closest to the budget band.
    let s = if smax < lo {
        smax
    } else if smin > hi {
        smin
    } else {
        lo.max(smin)
    } as f64;
    let (lo, hi) = (lo as f64, hi as f64);
    if s < lo {
        let v = 1.0 - 0.3 * (lo / s.max(1.0)).log10();
        ((v.max(0.15)) as f32, BudgetWhy::FarBelow)
    } else if s <= hi {
        (1.0, BudgetWhy::Fits)
    } else {
        let over = (s / hi).log10() / 5f64.log10();
        (((1.0 - over).clamp(0.0, 1.0)) as f32, BudgetWhy::Above)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordered_bits_sort_like_total_cmp_and_round_trip() {
        let mut v = [0.5f32, -0.0, 0.0, 1.0, -1.0, 0.25, f32::MIN_POSITIVE, 0.999_999];
        for x in v {
            assert_eq!(from_ordered_bits(ordered_bits(x)).to_bits(), x.to_bits());
        }
        let mut by_bits = v;
        by_bits.sort_by_key(|x| ordered_bits(*x));
        v.sort_by(f32::total_cmp);
        assert_eq!(v.map(f32::to_bits), by_bits.map(f32::to_bits));
    }
    use crate::money::{parse_money, Fx};

    fn budget(t: &str) -> Amount {
        parse_money(t, &Fx::default()).unwrap().unwrap()
    }

    #[test]
    fn far_above_and_far_below_both_fit_worse() {
        let b = budget("30亿");
        let at = budget_fit(&b, (3_000_000_000, 3_000_000_000));
        let below = budget_fit(&b, (50_000_000, 50_000_000));
        let above = budget_fit(&b, (10_000_000_000, 10_000_000_000));
        assert_eq!(at, 1.0);
        assert!(below < at && above < at);
        assert!(budget_fit(&b, (20_000_000_000, 20_000_000_000)) < above);
        assert!(budget_fit(&b, (5_000_000, 5_000_000)) < below);
    }

    #[test]
    fn a_small_budget_does_not_fit_a_huge_project() {
        let b = budget("5000万");
        assert_eq!(budget_fit(&b, (10_000_000_000, 10_000_000_000)), 0.0);
        assert_eq!(budget_fit(&b, (40_000_000, 40_000_000)), 1.0);
    }

    #[test]
    fn ranges_and_open_bounds() {
        let b = budget("1-5亿");
        assert_eq!(budget_fit(&b, (150_000_000, 150_000_000)), 1.0);
        assert_eq!(budget_fit(&budget("5亿以上"), (2_000_000_000, 2_000_000_000)), 1.0);
        // An open "at least" budget: twenty times the floor is still inside it, never "above".
        assert_eq!(fit_and_why(&budget("上亿"), (2_000_000_000, 2_000_000_000)), (1.0, BudgetWhy::Fits));
        assert_eq!(fit_and_why(&budget("上亿"), (50_000_000, 50_000_000)).1, BudgetWhy::FarBelow);
        assert_eq!(budget_fit(&budget("5000万以内"), (30_000_000, 30_000_000)), 1.0);
        // A project range overlapping the budget fits.
        assert_eq!(budget_fit(&budget("30亿"), (500_000_000, 10_000_000_000)), 1.0);
    }

    #[test]
    fn unknown_amount_is_neutral() {
        assert_eq!(fit_and_why(&budget("30亿"), (0, 0)), (BUDGET_UNKNOWN, BudgetWhy::Unknown));
    }
}
