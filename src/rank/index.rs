//! Per-list precomputation, done once when a list loads, so that a query is one pass over plain
//! columns with table look-ups.
//!
//! Every per-project column is a small integer: the project's region id (its province, city,
//! county and economic zones are looked up per query in a table over the gazetteer), an id into
//! the list's distinct taxonomy-node sets, ids into the list's distinct amounts (the budget part is
//! computed once per distinct amount per query), ids into the distinct folded cooperation and stage
//! texts, the priority and the position in id order. Text is kept as bigram postings: for each
//! bigram, the projects containing it, ascending, delta-encoded as LEB128 varints in one byte array
//! (about 1.3 bytes a posting instead of 4, no allocation per bigram).
//!
//! Columns and postings are in *slot* order: projects sorted by province, then sector
//! ([`MatchIndex::perm`]), so that a block of [`BLOCK`] slots covers few places and industries and a
//! query can skip the blocks whose best possible score is below its top *k* (`score.rs`).
//!
//! [`MatchIndex::write_to`] and [`MatchIndex::read_from`] move the whole index in and out of the
//! compact list form (`src/list/compact.rs`), so a compact list is queryable without re-indexing.

use crate::fold::{fold, fold_grams_into, Gram};
use crate::gazetteer::Gazetteer;
use crate::hash::FxMap;
use crate::list::Project;
use crate::taxonomy::{NodeId, Taxonomy};

/// Posting lists in one block: for each bigram (`keys`, sorted), the projects whose text contains
/// it, ascending, as varint gaps in `bytes[offsets[k]..offsets[k + 1]]`.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Postings {
    pub(crate) keys: Vec<Gram>,
    pub(crate) offsets: Vec<u32>,
    pub(crate) bytes: Vec<u8>,
}

/// Postings gathered in the list's order, where its projects lie in memory (a national list is
/// read front to back instead of jumping between provinces): each list holds list positions as
/// varint gaps (as compact as the finished postings), and is turned into slots, sorted and written
/// again at the end.
#[derive(Default)]
struct PostingsBuilder {
    /// Per bigram: last list position added + 1 (0: none yet), and its gaps so far.
    lists: FxMap<Gram, (u32, Vec<u8>)>,
}

fn push_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Calls `f` with each number that gaps written by [`push_varint`] from 0 add up to, minus one (a
/// project, since each gap is `project + 1 - previous`). Wrapping arithmetic and a bounded shift:
/// damaged bytes give wrong numbers (skipped by the caller when out of range), never a panic.
#[inline]
fn for_each_gap_sum(bytes: &[u8], mut f: impl FnMut(u32)) {
    let (mut sum, mut v, mut shift) = (0u32, 0u32, 0u32);
    for &b in bytes {
        v |= ((b & 0x7f) as u32).wrapping_shl(shift);
        if b & 0x80 == 0 {
            sum = sum.wrapping_add(v);
            f(sum.wrapping_sub(1));
            (v, shift) = (0, 0);
        } else {
            shift = (shift + 7).min(31);
        }
    }
}

impl PostingsBuilder {
    /// Adds the project at list `position` (ascending across calls) to the lists of its `grams` (a
    /// gram given twice is added once).
    fn add(&mut self, position: u32, grams: &[Gram]) {
        for g in grams {
            let (next, bytes) = self.lists.entry(*g).or_default();
            if *next != position + 1 {
                push_varint(bytes, position + 1 - *next);
                *next = position + 1;
            }
        }
    }

    /// The postings by slot; `slot_of[position]` is where the project at a list position is stored.
    fn finish(mut self, slot_of: &[u32]) -> Postings {
        // The grams in order (a plain `u64` sort, already in the bundle: a list has hundreds of
        // thousands of distinct grams), each list then taken from the map.
        let mut grams: Vec<Gram> = self.lists.keys().copied().collect();
        grams.sort_unstable();
        let total: usize = self.lists.values().map(|(_, b)| b.len()).sum();
        let mut p = Postings {
            keys: Vec::with_capacity(grams.len()),
            offsets: Vec::with_capacity(grams.len() + 1),
            // Gaps between slots are about as long as gaps between positions.
            bytes: Vec::with_capacity(total + total / 8),
        };
        let mut slots = Vec::new();
        for g in grams {
            let Some((_, positions)) = self.lists.remove(&g) else { continue };
            slots.clear();
            for_each_gap_sum(&positions, |position| slots.push(slot_of[position as usize]));
            drop(positions);
            slots.sort_unstable();
            p.keys.push(g);
            p.offsets.push(p.bytes.len() as u32);
            let mut next = 0;
            for &slot in &slots {
                push_varint(&mut p.bytes, slot + 1 - next);
                next = slot + 1;
            }
        }
        p.offsets.push(p.bytes.len() as u32);
        p.bytes.shrink_to_fit();
        p
    }
}

impl Postings {
    /// Calls `f` with every project containing `gram`, ascending.
    #[inline]
    pub(crate) fn for_each(&self, gram: Gram, f: impl FnMut(u32)) {
        let Ok(k) = self.keys.binary_search(&gram) else { return };
        for_each_gap_sum(&self.bytes[self.offsets[k] as usize..self.offsets[k + 1] as usize], f);
    }

    /// The projects containing `gram`, ascending (tests and tools; queries use `for_each`).
    #[cfg(test)]
    pub(crate) fn get(&self, gram: Gram) -> Vec<u32> {
        let mut out = Vec::new();
        self.for_each(gram, |p| out.push(p));
        out
    }

    fn heap_bytes(&self) -> usize {
        self.keys.capacity() * 8 + self.offsets.capacity() * 4 + self.bytes.capacity()
    }
}

/// Column-oriented facts about every project of a list, built once by [`MatchIndex::build`].
#[derive(Debug, Default, Clone, PartialEq)]
pub struct MatchIndex {
    /// The project's resolved place (a gazetteer id).
    pub(crate) region: Vec<u32>,
    /// Id of the project's set of taxonomy nodes: the set is
    /// `set_nodes[set_start[s]..set_start[s + 1]]`: the sector node of the sector the project
    /// declares first (when its sector text names one), then the nodes of its sector, tags and name,
    /// sorted.
    pub(crate) node_set: Vec<u32>,
    pub(crate) set_start: Vec<u32>,
    pub(crate) set_nodes: Vec<NodeId>,
    /// Distinct amounts of the list, `(min, max)`; entry 0 is `(0, 0)`, "not published".
    pub(crate) amounts: Vec<(u64, u64)>,
    /// Amount compared with the budget (`seeking`, else `investment`): an id into `amounts`.
    pub(crate) sought: Vec<u32>,
    /// Total investment for the investment filter: an id into `amounts`.
    pub(crate) investment: Vec<u32>,
    pub(crate) priority: Vec<u8>,
    /// Bigrams of name, English name, sector and tags.
    pub(crate) strong: Postings,
    /// Bigrams of descriptions and benefits.
    pub(crate) weak: Postings,
    /// Folded cooperation modes and stage, for the filters: ids into `texts`.
    pub(crate) cooperation: Vec<u32>,
    pub(crate) stage: Vec<u32>,
    pub(crate) texts: Vec<String>,
    /// Position of each project's id in id order, to break ties deterministically.
    pub(crate) id_rank: Vec<u32>,
    /// The order of the columns above and of the postings ("slots"): projects sorted by province,
    /// then sector, so that a block of [`BLOCK`] slots covers few places and industries and a query
    /// can skip whole blocks whose best possible score cannot reach its top *k*. `perm[slot]` is
    /// the project's position in the list, `slot[i]` the inverse.
    pub(crate) perm: Vec<u32>,
    pub(crate) slot: Vec<u32>,
    /// Per block of [`BLOCK`] slots: the highest priority (the other parts of a block's bound are
    /// per query, `score::QueryTables::block_bounds`).
    pub(crate) block_priority: Vec<u8>,
    /// Per block: the distinct node sets and the distinct regions of its projects, so that a
    /// query's block bounds read a few values per block instead of 256 (blocks are sorted by
    /// province and sector, so they have few).
    pub(crate) block_sets: Distinct,
    pub(crate) block_regions: Distinct,
}

/// Distinct values per block: block `b`'s are `values[start[b]..start[b + 1]]`.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Distinct {
    values: Vec<u32>,
    start: Vec<u32>,
}

impl Distinct {
    /// The distinct values of `column` (each below `limit`; others are left out) per block.
    fn of(column: &[u32], limit: usize) -> Distinct {
        // The last block that saw each value: one pass, no sorting.
        let mut seen = vec![u32::MAX; limit];
        let mut d = Distinct { values: Vec::new(), start: vec![0] };
        for (b, chunk) in column.chunks(BLOCK).enumerate() {
            for &v in chunk {
                if let Some(s) = seen.get_mut(v as usize) {
                    if *s != b as u32 {
                        *s = b as u32;
                        d.values.push(v);
                    }
                }
            }
            d.start.push(d.values.len() as u32);
        }
        d
    }

    /// The distinct values of block `b`.
    #[inline]
    pub(crate) fn block(&self, b: usize) -> &[u32] {
        match (self.start.get(b), self.start.get(b + 1)) {
            (Some(&from), Some(&to)) => self.values.get(from as usize..to as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    fn heap_bytes(&self) -> usize {
        (self.values.capacity() + self.start.capacity()) * 4
    }
}

/// Slots per block for skipping (see [`MatchIndex::perm`]).
pub(crate) const BLOCK: usize = 256;

/// For every gazetteer region: its county, city and province (`NONE` where there is no such
/// level) and its economic-zone bits, computed once per process.
pub(crate) fn places() -> &'static [([u32; 3], u64)] {
    static PLACES: std::sync::OnceLock<Vec<([u32; 3], u64)>> = std::sync::OnceLock::new();
    PLACES.get_or_init(|| {
        let g = Gazetteer::global();
        (0..g.len() as u32)
            .map(|id| {
                let place = crate::gazetteer::RegionId(id);
                let level = |r: Option<crate::gazetteer::RegionId>| r.map_or(NONE, |r| r.0);
                ([level(g.county_of(place)), level(g.city_of(place)), g.province_of(place).0], g.econ_zone_mask(place))
            })
            .collect()
    })
}

/// A project's name, sector, tags and English name, folded: the text of the strong postings (and
/// of what a reason says was found in them).
pub(crate) fn strong_text(p: &Project) -> String {
    fold_fields(strong_fields(p))
}

/// Fields folded and joined by spaces (the text whose keys [`fold_grams_into`] cuts directly).
fn fold_fields<'a>(fields: impl Iterator<Item = &'a str>) -> String {
    let mut text = String::new();
    for field in fields {
        crate::fold::fold_into(&mut text, field);
    }
    text
}

/// The fields [`strong_text`] folds, in order.
fn strong_fields(p: &Project) -> impl Iterator<Item = &str> {
    std::iter::once(p.name.as_str())
        .chain(std::iter::once(p.sector.as_str()))
        .chain(p.tags.iter().map(String::as_str))
        .chain(p.name_en.as_deref())
}

/// A project's descriptions and benefits, folded: the text of the weak postings.
pub(crate) fn weak_text(p: &Project) -> String {
    fold_fields(weak_fields(p))
}

/// The fields [`weak_text`] folds, in order.
fn weak_fields(p: &Project) -> impl Iterator<Item = &str> {
    [&p.description, &p.description_en, &p.benefits].into_iter().flatten().map(String::as_str)
}

/// The first sixteen bytes of an id as a big-endian number (zeros after a shorter id): ids whose
/// heads differ compare as their heads do.
fn id_head(id: &str) -> u128 {
    let mut head = [0u8; 16];
    let n = id.len().min(16);
    head[..n].copy_from_slice(&id.as_bytes()[..n]);
    u128::from_be_bytes(head)
}

/// No such level (a province has no city).
pub(crate) const NONE: u32 = u32::MAX;

/// Interns values, giving each distinct one a dense id in order of first appearance.
struct Interner<K> {
    ids: FxMap<K, u32>,
}

impl<K> Default for Interner<K> {
    fn default() -> Self {
        Interner { ids: FxMap::default() }
    }
}

impl<K: std::hash::Hash + Eq + Clone> Interner<K> {
    fn id(&mut self, key: &K, mut push: impl FnMut(&K)) -> u32 {
        if let Some(id) = self.ids.get(key) {
            return *id;
        }
        let id = self.ids.len() as u32;
        self.ids.insert(key.clone(), id);
        push(key);
        id
    }
}

/// Builds a [`MatchIndex`] one project at a time, in list order, so that a list can be indexed
/// while it is read and each project given up once it is stored ([`MatchIndex::build`] is this
/// over a slice). Keeps per project only its columns, the head of its id and its id's bytes; the
/// texts are folded into postings as they come.
///
/// ```
/// use opportunity_matcher::{list::load_text, rank::{IndexBuilder, MatchIndex}};
/// let list = load_text("name,sector,region\n动力电池项目,装备制造,成都\n白酒包材,食品饮料,贵阳\n", "x.csv").unwrap();
/// let mut b = IndexBuilder::default();
/// list.projects.iter().for_each(|p| b.push(p));
/// assert_eq!(b.finish(), MatchIndex::build(&list.projects));
/// ```
pub struct IndexBuilder {
    ix: MatchIndex,
    /// Sector and tag texts repeat across a list: each distinct text is classified once.
    classified: FxMap<String, Vec<NodeId>>,
    sets: Interner<Vec<NodeId>>,
    amounts: Interner<(u64, u64)>,
    texts: Interner<String>,
    /// Cooperation and stage as written → their folded text's id (each distinct text folded once).
    text_ids: FxMap<String, u32>,
    /// The ids, one after the other (`id_end[i]` is where project `i`'s ends), and their heads.
    ids: String,
    id_end: Vec<u32>,
    id_head: Vec<u128>,
    strong: PostingsBuilder,
    weak: PostingsBuilder,
    /// Scratch buffers reused across projects.
    raw: String,
    nodes: Vec<NodeId>,
    grams: Vec<Gram>,
}

impl Default for IndexBuilder {
    fn default() -> Self {
        IndexBuilder::with_capacity(0)
    }
}

impl IndexBuilder {
    /// A builder with room for `n` projects.
    pub fn with_capacity(n: usize) -> IndexBuilder {
        let mut amounts = Interner::default();
        amounts.id(&(0, 0), |_| {});
        IndexBuilder {
            ix: MatchIndex {
                region: Vec::with_capacity(n),
                node_set: Vec::with_capacity(n),
                sought: Vec::with_capacity(n),
                investment: Vec::with_capacity(n),
                priority: Vec::with_capacity(n),
                cooperation: Vec::with_capacity(n),
                stage: Vec::with_capacity(n),
                set_start: vec![0],
                amounts: vec![(0, 0)],
                ..MatchIndex::default()
            },
            classified: FxMap::default(),
            sets: Interner::default(),
            amounts,
            texts: Interner::default(),
            text_ids: FxMap::default(),
            ids: String::new(),
            id_end: Vec::with_capacity(n),
            id_head: Vec::with_capacity(n),
            strong: PostingsBuilder::default(),
            weak: PostingsBuilder::default(),
            raw: String::new(),
            nodes: Vec::new(),
            grams: Vec::new(),
        }
    }

    /// Adds the next project of the list.
    pub fn push(&mut self, p: &Project) {
        let t = Taxonomy::global();
        let ix = &mut self.ix;
        let position = ix.region.len() as u32;
        ix.region.push(p.region.0);

        let nodes = &mut self.nodes;
        nodes.clear();
        // The sector the project declares, as a sector node: weak fits (sibling, same sector)
        // count only through it, so a card's sector and its reason agree (score.rs).
        for text in std::iter::once(&p.sector).chain(p.tags.iter()) {
            match self.classified.get(text) {
                Some(found) => nodes.extend(found.iter().copied()),
                None => {
                    let found = t.classify(text);
                    nodes.extend(found.iter().copied());
                    self.classified.insert(text.clone(), found);
                }
            }
        }
        // The sector text was classified just above (once per distinct text).
        let declared = self.classified.get(&p.sector).and_then(|found| found.first().copied()).map(|n| t.sector_of(n));
        nodes.extend(t.classify_folded(&fold(&p.name)));
        crate::sort::sort(nodes);
        nodes.dedup();
        // The declared sector leads the set (see `MatchIndex::node_set`).
        if let Some(d) = declared {
            nodes.retain(|n| *n != d);
            nodes.insert(0, d);
        }
        let set_nodes = &mut ix.set_nodes;
        let set_start = &mut ix.set_start;
        ix.node_set.push(self.sets.id(nodes, |s| {
            set_nodes.extend_from_slice(s);
            set_start.push(set_nodes.len() as u32);
        }));

        let span = |a: Option<&crate::money::Amount>| a.map_or((0, 0), |a| (a.min, a.max));
        let all_amounts = &mut ix.amounts;
        ix.sought.push(self.amounts.id(&span(p.sought()), |a| all_amounts.push(*a)));
        ix.investment.push(self.amounts.id(&span(p.investment.as_ref()), |a| all_amounts.push(*a)));
        ix.priority.push(p.priority.unwrap_or(0));
        let all_texts = &mut ix.texts;
        let (texts, text_ids) = (&mut self.texts, &mut self.text_ids);
        // Cooperation and stage repeat a few words across a list: each distinct text as written
        // is folded once (`text_ids`), the folded form numbered by `texts`.
        let mut text_id = |raw: &str| match text_ids.get(raw) {
            Some(id) => *id,
            None => {
                let id = texts.id(&fold(raw), |s| all_texts.push(s.clone()));
                text_ids.insert(raw.to_string(), id);
                id
            }
        };
        let raw = &mut self.raw;
        raw.clear();
        for (k, mode) in p.cooperation.iter().enumerate() {
            if k > 0 {
                raw.push('、');
            }
            raw.push_str(mode);
        }
        ix.cooperation.push(text_id(raw));
        ix.stage.push(text_id(p.stage.as_deref().unwrap_or("")));

        self.ids.push_str(&p.id);
        self.id_end.push(self.ids.len() as u32);
        self.id_head.push(id_head(&p.id));

        // Postings by list position, the costly part (folding and cutting every text).
        let grams = &mut self.grams;
        grams.clear();
        fold_grams_into(strong_fields(p), grams);
        self.strong.add(position, grams);
        grams.clear();
        fold_grams_into(weak_fields(p), grams);
        self.weak.add(position, grams);
    }

    /// The index of the projects pushed.
    pub fn finish(self) -> MatchIndex {
        let IndexBuilder { mut ix, ids, id_end, id_head, strong, weak, .. } = self;
        let t = Taxonomy::global();
        let n = ix.region.len();
        ix.set_nodes.shrink_to_fit();
        ix.set_start.shrink_to_fit();
        ix.amounts.shrink_to_fit();
        // Ids in byte order: their first sixteen bytes as one number decide most comparisons.
        let id = |i: usize| &ids[if i == 0 { 0 } else { id_end[i - 1] as usize }..id_end[i] as usize];
        let mut order: Vec<u32> = (0..n as u32).collect();
        crate::sort::sort_by(&mut order, |a, b| {
            let (a, b) = (*a as usize, *b as usize);
            id_head[a].cmp(&id_head[b]).then_with(|| id(a).cmp(id(b)))
        });
        drop((id_head, id_end, ids));
        ix.id_rank = vec![0; n];
        for (rank, i) in order.into_iter().enumerate() {
            ix.id_rank[i as usize] = rank as u32;
        }

        // Slots: by province, then by the sector of the first node, then list order.
        let place = places();
        let first_sector = |i: usize| ix.set(ix.node_set[i] as usize).first().map_or(u32::MAX, |n| t.sector_of(*n).0 as u32);
        let slot_key: Vec<(u32, u32)> =
            (0..n).map(|i| (place.get(ix.region[i] as usize).map_or(NONE, |p| p.0[2]), first_sector(i))).collect();
        let mut perm: Vec<u32> = (0..n as u32).collect();
        // Stable: list order within a province and sector.
        crate::sort::sort_by_key(&mut perm, |&i| slot_key[i as usize]);
        drop(slot_key);
        for column in
            [&mut ix.region, &mut ix.node_set, &mut ix.sought, &mut ix.investment, &mut ix.cooperation, &mut ix.stage, &mut ix.id_rank]
        {
            *column = perm.iter().map(|&i| column[i as usize]).collect();
        }
        ix.priority = perm.iter().map(|&i| ix.priority[i as usize]).collect();

        let mut slot_of = vec![0u32; n];
        for (slot, &i) in perm.iter().enumerate() {
            slot_of[i as usize] = slot as u32;
        }
        ix.strong = strong.finish(&slot_of);
        ix.weak = weak.finish(&slot_of);
        ix.perm = perm;
        ix.derive();
        ix
    }
}

impl MatchIndex {
    /// Precomputes everything a query needs about `projects`.
    ///
    /// ```
    /// use opportunity_matcher::{list::load_text, rank::MatchIndex};
    /// let list = load_text("name,sector,region\n动力电池项目,装备制造,成都\n", "x.csv").unwrap();
    /// let index = MatchIndex::build(&list.projects);
    /// assert_eq!(index.len(), 1);
    /// ```
    pub fn build(projects: &[Project]) -> MatchIndex {
        let mut builder = IndexBuilder::with_capacity(projects.len());
        projects.iter().for_each(|p| builder.push(p));
        builder.finish()
    }

    /// The inverse permutation and the per-block priorities, from the columns (after building,
    /// and after reading a compact file).
    fn derive(&mut self) {
        let n = self.perm.len();
        self.slot = vec![0; n];
        for (slot, &i) in self.perm.iter().enumerate() {
            self.slot[i as usize] = slot as u32;
        }
        self.block_priority = self.priority.chunks(BLOCK).map(|c| c.iter().copied().max().unwrap_or(0)).collect();
        self.block_sets = Distinct::of(&self.node_set, self.set_count());
        self.block_regions = Distinct::of(&self.region, Gazetteer::global().len());
    }

    /// Number of projects indexed.
    pub fn len(&self) -> usize {
        self.region.len()
    }

    /// True when no project is indexed.
    pub fn is_empty(&self) -> bool {
        self.region.is_empty()
    }

    /// Bytes the index holds on the heap (capacities, not counting allocator overhead).
    pub fn heap_bytes(&self) -> usize {
        let v4 = |v: &Vec<u32>| v.capacity() * 4;
        v4(&self.region)
            + v4(&self.node_set)
            + v4(&self.set_start)
            + self.set_nodes.capacity() * 2
            + self.amounts.capacity() * 16
            + v4(&self.sought)
            + v4(&self.investment)
            + self.priority.capacity()
            + self.strong.heap_bytes()
            + self.weak.heap_bytes()
            + v4(&self.cooperation)
            + v4(&self.stage)
            + self.texts.iter().map(|s| s.capacity() + std::mem::size_of::<String>()).sum::<usize>()
            + v4(&self.id_rank)
            + v4(&self.perm)
            + v4(&self.slot)
            + self.block_priority.capacity()
            + self.block_sets.heap_bytes()
            + self.block_regions.heap_bytes()
    }

    /// The nodes of distinct node set `s`.
    pub(crate) fn set(&self, s: usize) -> &[NodeId] {
        &self.set_nodes[self.set_start[s] as usize..self.set_start[s + 1] as usize]
    }

    /// Number of distinct node sets.
    pub(crate) fn set_count(&self) -> usize {
        self.set_start.len() - 1
    }

    /// Amount compared with the budget for the project at list position `i`, `(0, 0)` when not
    /// published.
    pub(crate) fn sought(&self, i: usize) -> (u64, u64) {
        self.amounts[self.sought[self.slot[i] as usize] as usize]
    }

    /// An index read from stored columns (the `.oml` index section) for `n` projects: checked so
    /// that a damaged file cannot make a query index out of bounds, then completed with what is
    /// derived from the columns. `None` when inconsistent.
    pub(crate) fn from_columns(n: usize, mut ix: MatchIndex) -> Option<MatchIndex> {
        if !ix.is_consistent(n) {
            return None;
        }
        ix.derive();
        Some(ix)
    }

    /// Every id in range, so that a damaged compact file cannot make a query index out of bounds.
    fn is_consistent(&self, n: usize) -> bool {
        let g = Gazetteer::global().len() as u32;
        let t = Taxonomy::global().len() as u16;
        let sets = self.set_start.len().saturating_sub(1) as u32;
        let below = |v: &[u32], max: u32| v.iter().all(|x| *x < max);
        let columns = [&self.region, &self.node_set, &self.sought, &self.investment, &self.cooperation, &self.stage, &self.id_rank];
        columns.iter().all(|c| c.len() == n)
            && self.priority.len() == n
            && !self.set_start.is_empty()
            && self.set_start[0] == 0
            && self.set_start.windows(2).all(|w| w[0] <= w[1])
            && self.set_start.last().map(|l| *l as usize) == Some(self.set_nodes.len())
            && self.set_nodes.iter().all(|x| x.0 < t)
            && below(&self.region, g)
            && below(&self.node_set, sets)
            && below(&self.sought, self.amounts.len() as u32)
            && below(&self.investment, self.amounts.len() as u32)
            && below(&self.cooperation, self.texts.len() as u32)
            && below(&self.stage, self.texts.len() as u32)
            && below(&self.id_rank, n as u32)
            && self.perm.len() == n
            && {
                // A permutation: every position once.
                let mut seen = vec![false; n];
                self.perm.iter().all(|&i| (i as usize) < n && !std::mem::replace(&mut seen[i as usize], true))
            }
        // Postings are not decoded here (that would cost a pass over all of them): a posting
        // beyond `n` is skipped where they are counted (`score::count_hits_touched`).
    }
}

impl Postings {
    /// Every posting decodes to a project below `n` (tests).
    #[cfg(test)]
    fn postings_below(&self, n: u32) -> bool {
        for k in 0..self.keys.len() {
            let bytes = &self.bytes[self.offsets[k] as usize..self.offsets[k + 1] as usize];
            let (mut next, mut v, mut shift) = (0u32, 0u32, 0u32);
            for &b in bytes {
                if shift > 28 {
                    return false;
                }
                v |= ((b & 0x7f) as u32) << shift;
                if b & 0x80 == 0 {
                    next = match next.checked_add(v) {
                        Some(x) if x >= 1 && x <= n && v >= 1 => x,
                        _ => return false,
                    };
                    v = 0;
                    shift = 0;
                } else {
                    shift += 7;
                }
            }
            if shift != 0 {
                return false;
            }
        }
        true
    }
}

impl super::Matcher {
    /// Where the heap goes, in bytes (string and vector capacities and struct sizes of this
    /// target, without allocator overhead): `(project structs or record offsets, project text or
    /// record bytes held in the Rust heap, index)`. For the benchmarks (BENCHMARKS.md).
    pub fn heap_breakdown(&self) -> (usize, usize, usize) {
        let (structs, text) = self.projects().heap_bytes();
        (structs, text, self.index.heap_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_round_trip_through_varint_gaps() {
        let mut b = PostingsBuilder::default();
        for p in [0u32, 1, 5, 127, 128, 300, 20_000, 2_000_000] {
            b.add(p, &[7, 9]);
        }
        b.add(3, &[8]);
        let identity: Vec<u32> = (0..=2_000_000).collect();
        let p = b.finish(&identity);
        assert_eq!(p.get(7), vec![0, 1, 5, 127, 128, 300, 20_000, 2_000_000]);
        assert_eq!(p.get(8), vec![3]);
        assert!(p.get(1).is_empty());
        assert!(p.postings_below(2_000_001));
        assert!(!p.postings_below(2_000_000));
    }

    #[test]
    fn postings_gathered_by_list_position_come_out_by_slot() {
        // Four projects stored in slots 2, 0, 3, 1; a gram given twice by one project counts once.
        let slot_of = [2u32, 0, 3, 1];
        let mut b = PostingsBuilder::default();
        b.add(0, &[5, 6, 5]);
        b.add(1, &[5]);
        b.add(3, &[6, 5]);
        let p = b.finish(&slot_of);
        assert_eq!(p.get(5), vec![0, 1, 2]);
        assert_eq!(p.get(6), vec![1, 2]);
    }
}
