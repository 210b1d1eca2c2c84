//! Where a loaded list's projects live: decoded in memory (lists read from JSON or CSV), or left in
//! the bytes of a compact list and decoded one by one when shown.
//!
//! Ranking never reads a project: it reads the match index (`rank::index`). Only the projects a
//! page shows (the top 20, a detail view, the shortlist) are decoded, so a compact list of 100,000
//! projects costs its index and a table of record offsets, not 100,000 `Project` structs and a
//! million strings. In the browser the record bytes stay in a JavaScript `Uint8Array`
//! (`src/wasm.rs`), outside the wasm heap.
//!
//! ```
//! use opportunity_matcher::list::{load_text, open_compact, to_compact};
//! let list = load_text("id,name,region\nA,动力电池项目,成都\nB,白酒包材项目,贵阳\n", "a.csv").unwrap();
//! let (_meta, store, _facets, _index) = open_compact(Box::new(to_compact(&list))).unwrap();
//! assert_eq!(store.len(), 2);
//! assert_eq!(store.get(1).unwrap().name, "白酒包材项目");
//! assert_eq!(store.position("B"), Some(1));
//! ```

use super::compact::{decode_id, decode_project, id_hash};
use super::Project;
use crate::rank::IntHasher;
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// Bytes that can be read at any offset: the compact list a [`ProjectStore`] decodes projects
/// from. Implemented for `Vec<u8>` (native) and, in the browser, for a JavaScript `Uint8Array`.
///
/// ```
/// use opportunity_matcher::list::ByteSource;
/// let bytes: Vec<u8> = b"OMLIST".to_vec();
/// let mut out = [0u8; 3];
/// assert!(bytes.read_at(2, &mut out));
/// assert_eq!(&out, b"LIS");
/// assert!(!bytes.read_at(5, &mut out)); // past the end: false, nothing read
/// ```
pub trait ByteSource: ThreadSafe {
    /// Length in bytes.
    fn len(&self) -> usize;
    /// True when there are no bytes.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Copies `at..at + out.len()` into `out`; false (and `out` unspecified) when out of range.
    fn read_at(&self, at: usize, out: &mut [u8]) -> bool;
    /// Bytes this source holds in the Rust heap (0 for bytes held by JavaScript).
    fn heap_bytes(&self) -> usize;
    /// The source narrowed to `start..end`, offsets then relative to `start` (drops the rest).
    fn narrow(self: Box<Self>, start: usize, end: usize) -> Box<dyn ByteSource>;
}

/// `Send + Sync` natively, so a [`Matcher`](crate::rank::Matcher) can be shared between threads;
/// nothing in the browser, where the bytes are a JavaScript object and there is one thread.
#[cfg(not(target_arch = "wasm32"))]
pub trait ThreadSafe: Send + Sync {}
#[cfg(not(target_arch = "wasm32"))]
impl<T: Send + Sync + ?Sized> ThreadSafe for T {}
/// Nothing in the browser (one thread, JavaScript-held bytes); `Send + Sync` natively.
#[cfg(target_arch = "wasm32")]
pub trait ThreadSafe {}
#[cfg(target_arch = "wasm32")]
impl<T: ?Sized> ThreadSafe for T {}

impl ByteSource for Vec<u8> {
    fn len(&self) -> usize {
        self.as_slice().len()
    }
    fn read_at(&self, at: usize, out: &mut [u8]) -> bool {
        match at.checked_add(out.len()).and_then(|end| self.get(at..end)) {
            Some(bytes) => {
                out.copy_from_slice(bytes);
                true
            }
            None => false,
        }
    }
    fn heap_bytes(&self) -> usize {
        self.capacity()
    }
    fn narrow(self: Box<Self>, start: usize, end: usize) -> Box<dyn ByteSource> {
        // Kept whole with a window (moving 50 MB to drop the header would cost more than it saves).
        let end = end.min(self.len());
        Box::new(Window { bytes: *self, start: start.min(end), end })
    }
}

/// Bytes `start..end` of a vector.
struct Window {
    bytes: Vec<u8>,
    start: usize,
    end: usize,
}

impl ByteSource for Window {
    fn len(&self) -> usize {
        self.end - self.start
    }
    fn read_at(&self, at: usize, out: &mut [u8]) -> bool {
        match at.checked_add(out.len()).filter(|end| *end <= self.len()) {
            Some(end) => {
                out.copy_from_slice(&self.bytes[self.start + at..self.start + end]);
                true
            }
            None => false,
        }
    }
    fn heap_bytes(&self) -> usize {
        self.bytes.capacity()
    }
    fn narrow(self: Box<Self>, start: usize, end: usize) -> Box<dyn ByteSource> {
        let end = end.min(self.len());
        let start = start.min(end);
        Box::new(Window { start: self.start + start, end: self.start + end, bytes: self.bytes })
    }
}

type IntBuild = BuildHasherDefault<IntHasher>;

/// What a page shows about a whole list: the cooperation modes and stages it uses, with how many
/// projects give each, most used first (ties by text), for the filters; and projects and published
/// investment per sector text and per place, for the headline figures
/// ([`ListStats`](crate::present::ListStats)). Counted while a list loads, so a page never reads
/// every project of a large list for them.
///
/// ```
/// use opportunity_matcher::{list::load_text, rank::Matcher};
/// let m = Matcher::new(load_text("name,region,cooperation,stage\nA,成都,独资、合资,在谈\nB,重庆,合资,\n", "a.csv").unwrap());
/// assert_eq!(m.facets().cooperation, vec![("合资".to_string(), 2), ("独资".to_string(), 1)]);
/// assert_eq!(m.facets().stage, vec![("在谈".to_string(), 1)]);
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Facets {
    /// Cooperation modes as written (trimmed), with their number of projects.
    pub cooperation: Vec<(String, usize)>,
    /// Stages as written (trimmed), with their number of projects.
    pub stage: Vec<(String, usize)>,
    /// Per sector as written: projects and the sum of their published total investment (yuan,
    /// the lower bound of a range), by text.
    pub sectors: Vec<(String, usize, u64)>,
    /// Per resolved place: projects and the sum of their published total investment, by id.
    pub places: Vec<(crate::gazetteer::RegionId, usize, u64)>,
}

/// Counts [`Facets`] one project at a time.
#[derive(Default)]
pub(crate) struct FacetCounter {
    cooperation: HashMap<String, usize, StrBuild>,
    stage: HashMap<String, usize, StrBuild>,
    sectors: HashMap<String, (usize, u64), StrBuild>,
    places: HashMap<crate::gazetteer::RegionId, (usize, u64), IntBuild>,
}

/// The short texts counted by [`FacetCounter`] are hashed with FNV-1a.
type StrBuild = BuildHasherDefault<super::compact::Fnv>;

impl FacetCounter {
    fn count(map: &mut HashMap<String, usize, StrBuild>, value: &str) {
        let value = value.trim();
        if value.is_empty() {
            return;
        }
        match map.get_mut(value) {
            Some(n) => *n += 1,
            None => {
                map.insert(value.to_string(), 1);
            }
        }
    }

    pub(crate) fn cooperation(&mut self, value: &str) {
        FacetCounter::count(&mut self.cooperation, value);
    }

    pub(crate) fn stage(&mut self, value: &str) {
        FacetCounter::count(&mut self.stage, value);
    }

    /// A project's sector text, place and published total investment (yuan, 0 when none).
    pub(crate) fn project(&mut self, sector: &str, place: crate::gazetteer::RegionId, yuan: u64) {
        let add = |e: &mut (usize, u64)| {
            e.0 += 1;
            e.1 = e.1.saturating_add(yuan);
        };
        match self.sectors.get_mut(sector) {
            Some(e) => add(e),
            None => {
                self.sectors.insert(sector.to_string(), (1, yuan));
            }
        }
        add(self.places.entry(place).or_default());
    }

    pub(crate) fn finish(self) -> Facets {
        let sorted = |map: HashMap<String, usize, StrBuild>| {
            let mut v: Vec<(String, usize)> = map.into_iter().collect();
            crate::fold::sort_by(&mut v, |a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            v
        };
        let mut sectors: Vec<(String, usize, u64)> = self.sectors.into_iter().map(|(k, (n, y))| (k, n, y)).collect();
        crate::fold::sort_by(&mut sectors, |a, b| a.0.cmp(&b.0));
        let mut places: Vec<_> = self.places.into_iter().map(|(k, (n, y))| (k, n, y)).collect();
        crate::fold::sort_by_key(&mut places, |p| p.0);
        Facets { cooperation: sorted(self.cooperation), stage: sorted(self.stage), sectors, places }
    }

    /// The facets of decoded projects.
    pub(crate) fn of<P: std::borrow::Borrow<Project>>(projects: impl IntoIterator<Item = P>) -> Facets {
        let mut c = FacetCounter::default();
        for p in projects {
            let p = p.borrow();
            p.cooperation.iter().for_each(|x| c.cooperation(x));
            p.stage.iter().for_each(|x| c.stage(x));
            c.project(&p.sector, p.region, p.investment.as_ref().map_or(0, |a| a.min));
        }
        c.finish()
    }
}

/// Project positions by a hash of their id ([`id_hash`]); several ids with one hash are kept
/// apart in `more`, and a look-up confirms the id itself.
#[derive(Default)]
pub(crate) struct IdTable {
    first: HashMap<u64, u32, IntBuild>,
    more: Vec<(u64, u32)>,
}

impl IdTable {
    pub(crate) fn with_capacity(n: usize) -> IdTable {
        IdTable { first: HashMap::with_capacity_and_hasher(n, IntBuild::default()), more: Vec::new() }
    }

    /// Positions of the ids with this hash.
    pub(crate) fn candidates(&self, hash: u64) -> impl Iterator<Item = u32> + '_ {
        self.first.get(&hash).copied().into_iter().chain(self.more.iter().filter(move |e| e.0 == hash).map(|e| e.1))
    }

    pub(crate) fn insert(&mut self, hash: u64, position: u32) {
        match self.first.entry(hash) {
            std::collections::hash_map::Entry::Occupied(_) => self.more.push((hash, position)),
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(position);
            }
        }
    }

    fn heap_bytes(&self) -> usize {
        // hashbrown: a bucket of (u64, u32) padded to 16 bytes and one control byte per bucket.
        self.first.capacity() * 17 + self.more.capacity() * 16
    }
}

/// The projects of a loaded list, by position.
pub enum ProjectStore {
    /// Decoded in memory (lists loaded from JSON or CSV).
    Owned(Vec<Project>),
    /// Left in a compact list's record bytes: `offsets[i]..offsets[i + 1]` is project `i`.
    Compact(CompactProjects),
}

/// The record bytes of a compact list and where each project starts (see [`ProjectStore`]).
pub struct CompactProjects {
    records: Box<dyn ByteSource>,
    offsets: Vec<u32>,
    ids: IdTable,
}

impl std::fmt::Debug for ProjectStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ProjectStore::Owned(v) => write!(f, "ProjectStore::Owned({} projects)", v.len()),
            ProjectStore::Compact(c) => write!(f, "ProjectStore::Compact({} projects)", c.offsets.len() - 1),
        }
    }
}

impl ProjectStore {
    pub(crate) fn compact(records: Box<dyn ByteSource>, offsets: Vec<u32>, ids: IdTable) -> ProjectStore {
        ProjectStore::Compact(CompactProjects { records, offsets, ids })
    }

    /// Number of projects.
    pub fn len(&self) -> usize {
        match self {
            ProjectStore::Owned(v) => v.len(),
            ProjectStore::Compact(c) => c.offsets.len().saturating_sub(1),
        }
    }

    /// True when there is no project.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The project at position `i`: borrowed when decoded in memory, decoded from the bytes
    /// otherwise. `None` past the end (or when the bytes were changed after loading).
    pub fn get(&self, i: usize) -> Option<Cow<'_, Project>> {
        match self {
            ProjectStore::Owned(v) => v.get(i).map(Cow::Borrowed),
            ProjectStore::Compact(c) => c.record(i).and_then(|b| decode_project(&b)).map(Cow::Owned),
        }
    }

    /// Every project in list order (for a compact list decoded one at a time, the bytes read
    /// about a megabyte at a time).
    pub fn iter(&self) -> Projects<'_> {
        Projects { store: self, next: 0, block: Vec::new(), block_first: 0, block_end: 0 }
    }

    /// The position of the project with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        match self {
            ProjectStore::Owned(v) => v.iter().position(|p| p.id == id),
            ProjectStore::Compact(c) => {
                c.ids.candidates(id_hash(id)).map(|i| i as usize).find(|&i| c.record(i).and_then(|b| decode_id(&b)).as_deref() == Some(id))
            }
        }
    }

    /// All projects decoded (for re-indexing and for writing the list out).
    pub fn to_vec(&self) -> Vec<Project> {
        match self {
            ProjectStore::Owned(v) => v.clone(),
            ProjectStore::Compact(_) => self.iter().map(Cow::into_owned).collect(),
        }
    }

    /// `(struct bytes, text bytes)` held in the Rust heap: the `Project` structs and their strings
    /// when decoded, else the offset and id tables and the record bytes when Rust holds them.
    pub fn heap_bytes(&self) -> (usize, usize) {
        match self {
            ProjectStore::Owned(projects) => {
                let structs = projects.capacity() * std::mem::size_of::<Project>();
                let s = |x: &String| x.capacity();
                let o = |x: &Option<String>| x.as_ref().map_or(0, String::capacity);
                let v = |x: &Vec<String>| x.capacity() * std::mem::size_of::<String>() + x.iter().map(String::capacity).sum::<usize>();
                let text = projects
                    .iter()
                    .map(|p| {
                        s(&p.id)
                            + s(&p.name)
                            + s(&p.sector)
                            + s(&p.region_text)
                            + v(&p.tags)
                            + v(&p.cooperation)
                            + [
                                &p.name_en,
                                &p.park,
                                &p.stage,
                                &p.description,
                                &p.description_en,
                                &p.benefits,
                                &p.policies,
                                &p.contact_org,
                                &p.contact_name,
                                &p.contact_phone,
                                &p.contact_email,
                                &p.updated,
                                &p.url,
                            ]
                            .into_iter()
                            .map(o)
                            .sum::<usize>()
                    })
                    .sum();
                (structs, text)
            }
            ProjectStore::Compact(c) => (c.offsets.capacity() * 4 + c.ids.heap_bytes(), c.records.heap_bytes()),
        }
    }
}

/// The iterator of [`ProjectStore::iter`].
pub struct Projects<'a> {
    store: &'a ProjectStore,
    next: usize,
    /// Records `block_first..block_end`, read in one go.
    block: Vec<u8>,
    block_first: usize,
    block_end: usize,
}

impl<'a> Iterator for Projects<'a> {
    type Item = Cow<'a, Project>;

    fn next(&mut self) -> Option<Cow<'a, Project>> {
        let c = match self.store {
            ProjectStore::Owned(v) => {
                self.next += 1;
                return v.get(self.next - 1).map(Cow::Borrowed);
            }
            ProjectStore::Compact(c) => c,
        };
        let n = c.offsets.len().saturating_sub(1);
        while self.next < n {
            let i = self.next;
            self.next += 1;
            if i >= self.block_end {
                // The next records up to about a megabyte (at least one record).
                let start = c.offsets[i] as usize;
                let mut end = i + 1;
                while end < n && (c.offsets[end + 1] as usize) - start <= super::compact::CHUNK {
                    end += 1;
                }
                self.block.resize(c.offsets[end] as usize - start, 0);
                if !c.records.read_at(start, &mut self.block) {
                    self.block.clear();
                }
                (self.block_first, self.block_end) = (i, end);
            }
            let base = c.offsets[self.block_first] as usize;
            let range = c.offsets[i] as usize - base..c.offsets[i + 1] as usize - base;
            if let Some(p) = self.block.get(range).and_then(decode_project) {
                return Some(Cow::Owned(p));
            }
        }
        None
    }
}

impl CompactProjects {
    fn record(&self, i: usize) -> Option<Vec<u8>> {
        let (start, end) = (*self.offsets.get(i)? as usize, *self.offsets.get(i + 1)? as usize);
        let mut bytes = vec![0; end.checked_sub(start)?];
        self.records.read_at(start, &mut bytes).then_some(bytes)
    }
}
