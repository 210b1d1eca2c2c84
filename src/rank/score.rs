//! The score parts. Per query, [`QueryTables`] turns what was understood into look-up tables (a score
//! per taxonomy node, per region, bigram hit counts per project); per project, each part is then a
//! few look-ups. Each part also says *why* ([`IndustryWhy`], [`RegionWhy`], [`BudgetWhy`]) so that
//! reasons are worded from the same facts that made the score.

use super::index::{MatchIndex, NONE};
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
            Relation::ParentChild => Fit::Broader,
            Relation::SameChain => Fit::SameChain,
            Relation::Sibling => Fit::Sibling,
            Relation::SameSector => Fit::SameSector,
            Relation::Unrelated => Fit::None,
        }
    }

    fn score(self) -> f32 {
        match self {
            Fit::Same => ind::SAME,
            Fit::Inside => ind::INSIDE,
            Fit::ChainLink => ind::CHAIN_LINK,
            Fit::SameChain => ind::SAME_CHAIN,
            Fit::Broader => ind::BROADER,
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
    /// The term's bigrams occur in the name, sector or tags.
    NameText { term: usize },
    /// The term's bigrams occur in the description only.
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

/// Per-query look-up tables.
pub(crate) struct QueryTables {
    /// Best industry score per taxonomy node, and which query term gave it.
    node_score: Vec<(f32, u16, Fit)>,
    /// Bigram hit counts per query term per project (strong, weak text).
    strong_hits: Vec<Vec<u8>>,
    weak_hits: Vec<Vec<u8>>,
    term_gram_counts: Vec<usize>,
    /// Best region score per region id (the project's province, city and county are looked up).
    region_score: Vec<(f32, RegionWhy)>,
    /// Economic zones typed (score INSIDE) and those of places typed (SAME_ECON_ZONE).
    zones_typed: u32,
    zones_of_places: u32,
    keyword_hits: Vec<u8>,
}

fn count_hits(postings: &super::index::Postings, grams: &[crate::fold::Gram], n: usize) -> Vec<u8> {
    let mut hits = vec![0u8; n];
    for g in grams {
        for &p in postings.get(*g) {
            let h = &mut hits[p as usize];
            *h = h.saturating_add(1);
        }
    }
    hits
}

impl QueryTables {
    pub(crate) fn build(u: &Understood, ix: &MatchIndex) -> QueryTables {
        let t = Taxonomy::global();
        let g = Gazetteer::global();
        let n = ix.len();

        let mut node_score = vec![(0.0f32, 0u16, Fit::None); t.len()];
        for (term_index, term) in u.industry.iter().enumerate() {
            let Some(q) = term.node else { continue };
            let factor = if term.near_miss { ind::NEAR_MISS_FACTOR } else { 1.0 };
            for (id, slot) in node_score.iter_mut().enumerate() {
                let fit = Fit::of(t, q, NodeId(id as u16));
                let s = fit.score() * factor;
                if s > slot.0 {
                    *slot = (s, term_index as u16, fit);
                }
            }
        }
        let mut strong_hits = Vec::new();
        let mut weak_hits = Vec::new();
        let mut term_gram_counts = Vec::new();
        for text in &u.industry_text {
            let grams = crate::fold::gram_set(text);
            strong_hits.push(count_hits(&ix.strong, &grams, n));
            weak_hits.push(count_hits(&ix.weak, &grams, n));
            term_gram_counts.push(grams.len());
        }

        let mut region_score = vec![(0.0f32, RegionWhy::Elsewhere); g.len()];
        let mut raise = |id: RegionId, s: f32, why: RegionWhy| {
            let slot = &mut region_score[id.0 as usize];
            if s > slot.0 {
                *slot = (s, why);
            }
        };
        let mut zones_of_places = 0u32;
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
            zones_of_places |= g.econ_zone_mask(r.id);
        }
        let zones_typed = u.zone_ids.iter().filter(|z| **z < 32).fold(0u32, |m, z| m | (1 << z));

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

        QueryTables { node_score, strong_hits, weak_hits, term_gram_counts, region_score, zones_typed, zones_of_places, keyword_hits }
    }

    /// Industry part of project `i` and why.
    pub(crate) fn industry(&self, ix: &MatchIndex, i: usize) -> (f32, IndustryWhy) {
        let mut best = (0.0f32, IndustryWhy::None);
        for &node in ix.nodes_of(i) {
            let (s, term, fit) = self.node_score[node.0 as usize];
            if s > best.0 {
                best = (s, IndustryWhy::Taxonomy { term: term as usize, node, fit });
            }
        }
        for (term, total) in self.term_gram_counts.iter().enumerate() {
            if *total == 0 {
                continue;
            }
            let strong = self.strong_hits[term][i] as f32 / *total as f32 * ind::TEXT_STRONG;
            if strong > best.0 {
                best = (strong, IndustryWhy::NameText { term });
            }
            let weak = self.weak_hits[term][i] as f32 / *total as f32 * ind::TEXT_WEAK;
            if weak > best.0 {
                best = (weak, IndustryWhy::DescriptionText { term });
            }
        }
        best
    }

    /// Region part of project `i` and why.
    pub(crate) fn region(&self, ix: &MatchIndex, i: usize) -> (f32, RegionWhy) {
        let mut best = (reg::ELSEWHERE, RegionWhy::Elsewhere);
        for id in [ix.county[i], ix.city[i], ix.province[i]] {
            if id != NONE {
                let slot = self.region_score[id as usize];
                if slot.0 > best.0 {
                    best = slot;
                }
            }
        }
        let mask = ix.zone_mask[i];
        if mask & self.zones_typed != 0 && reg::INSIDE > best.0 {
            best = (reg::INSIDE, RegionWhy::InsideZone((mask & self.zones_typed).trailing_zeros() as usize));
        } else if mask & self.zones_of_places != 0 && reg::SAME_ECON_ZONE > best.0 {
            best = (reg::SAME_ECON_ZONE, RegionWhy::SameEconZone((mask & self.zones_of_places).trailing_zeros() as usize));
        }
        best
    }

    /// Share of keyword bigrams found in project `i`.
    pub(crate) fn keywords(&self, u: &Understood, i: usize) -> f32 {
        match self.keyword_hits.get(i) {
            Some(h) if !u.keyword_grams.is_empty() => (*h as f32 / u.keyword_grams.len() as f32).min(1.0),
            _ => 0.0,
        }
    }
}

/// How well an amount sought fits a budget, on a log scale, in [0, 1].
///
/// Between half the budget and the budget is a full fit. Smaller amounts lose 0.3 per factor of
/// ten below half the budget (a 1亿 project for a 30亿 budget still fits 0.53); larger amounts lose
/// fast: 1.5× the budget fits 0.75, 2× 0.57, 5× or more 0. A range budget fits fully anywhere inside
/// it; `at least` budgets fit fully above their floor until ten times it. Project amounts that are
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
        Bound::AtLeast => (budget.min.max(1), budget.min.saturating_mul(10).max(1)),
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
        let slack = if budget.bound == Bound::AtLeast { 0.5 } else { 0.0 };
        (((1.0 - over + slack).clamp(0.0, 1.0)) as f32, BudgetWhy::Above)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
        assert_eq!(budget_fit(&budget("5000万以内"), (30_000_000, 30_000_000)), 1.0);
        // A project range overlapping the budget fits.
        assert_eq!(budget_fit(&budget("30亿"), (500_000_000, 10_000_000_000)), 1.0);
    }

    #[test]
    fn unknown_amount_is_neutral() {
        assert_eq!(fit_and_why(&budget("30亿"), (0, 0)), (BUDGET_UNKNOWN, BudgetWhy::Unknown));
    }
}
