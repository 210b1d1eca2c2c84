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
//! use opportunity_matcher::list::load_text;
//! use opportunity_matcher::oml::{open_compact, to_compact};
//! let list = load_text("id,name,region\nA,动力电池项目,成都\nB,白酒包材项目,贵阳\n", "a.csv").unwrap();
//! let (_meta, store, _facets, _index) = open_compact(Box::new(to_compact(&list))).unwrap();
//! assert_eq!(store.len(), 2);
//! assert_eq!(store.get(1).unwrap().name, "白酒包材项目");
//! assert_eq!(store.position("B"), Some(1));
//! ```

use super::Project;
use crate::hash::FxMap;
use std::borrow::Cow;

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
    cooperation: FxMap<String, usize>,
    stage: FxMap<String, usize>,
    sectors: FxMap<String, (usize, u64)>,
    places: FxMap<crate::gazetteer::RegionId, (usize, u64)>,
}

impl FacetCounter {
    fn count(map: &mut FxMap<String, usize>, value: &str) {
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
        let sorted = |map: FxMap<String, usize>| {
            let mut v: Vec<(String, usize)> = map.into_iter().collect();
            crate::sort::sort_by(&mut v, |a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            v
        };
        let mut sectors: Vec<(String, usize, u64)> = self.sectors.into_iter().map(|(k, (n, y))| (k, n, y)).collect();
        crate::sort::sort_by(&mut sectors, |a, b| a.0.cmp(&b.0));
        let mut places: Vec<_> = self.places.into_iter().map(|(k, (n, y))| (k, n, y)).collect();
        crate::sort::sort_by_key(&mut places, |p| p.0);
        Facets { cooperation: sorted(self.cooperation), stage: sorted(self.stage), sectors, places }
    }

    /// Counts a decoded project.
    pub(crate) fn add(&mut self, p: &Project) {
        p.cooperation.iter().for_each(|x| self.cooperation(x));
        p.stage.iter().for_each(|x| self.stage(x));
        self.project(&p.sector, p.region, p.investment.as_ref().map_or(0, |a| a.min));
    }

    /// The facets of decoded projects.
    pub(crate) fn of<P: std::borrow::Borrow<Project>>(projects: impl IntoIterator<Item = P>) -> Facets {
        let mut c = FacetCounter::default();
        projects.into_iter().for_each(|p| c.add(p.borrow()));
        c.finish()
    }
}

/// The projects of a loaded list, by position.
pub enum ProjectStore {
    /// Decoded in memory (lists loaded from JSON, CSV or a spreadsheet).
    Owned(Vec<Project>),
    /// Kept elsewhere and decoded when asked for: a compact list's records
    /// ([`crate::oml::open_compact`]).
    Records(Box<dyn ProjectRecords>),
}

/// Projects kept outside the `Vec<Project>` of a list (a compact list's record bytes), decoded one
/// at a time. A record that cannot be decoded (bytes changed after loading) is `None` and skipped.
pub trait ProjectRecords: ThreadSafe {
    /// Number of projects.
    fn len(&self) -> usize;
    /// True when there is no project.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The project at position `i`.
    fn get(&self, i: usize) -> Option<Project>;
    /// The position of the project with this id.
    fn position(&self, id: &str) -> Option<usize>;
    /// Decodes the projects from `first` on, as many as one read serves (about a megabyte), into
    /// `out`; returns the position after the last one read (`len()` at the end).
    fn block(&self, first: usize, out: &mut Vec<Project>) -> usize;
    /// `(struct bytes, text bytes)` held in the Rust heap (see [`ProjectStore::heap_bytes`]).
    fn heap_bytes(&self) -> (usize, usize);
}

impl std::fmt::Debug for ProjectStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ProjectStore::Owned(v) => write!(f, "ProjectStore::Owned({} projects)", v.len()),
            ProjectStore::Records(r) => write!(f, "ProjectStore::Records({} projects)", r.len()),
        }
    }
}

impl ProjectStore {
    /// Number of projects.
    pub fn len(&self) -> usize {
        match self {
            ProjectStore::Owned(v) => v.len(),
            ProjectStore::Records(r) => r.len(),
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
            ProjectStore::Records(r) => r.get(i).map(Cow::Owned),
        }
    }

    /// Every project in list order (for a compact list decoded one at a time, the bytes read
    /// about a megabyte at a time).
    pub fn iter(&self) -> Projects<'_> {
        Projects { store: self, next: 0, block: Vec::new().into_iter() }
    }

    /// The position of the project with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        match self {
            ProjectStore::Owned(v) => v.iter().position(|p| p.id == id),
            ProjectStore::Records(r) => r.position(id),
        }
    }

    /// All projects decoded (for re-indexing and for writing the list out).
    pub fn to_vec(&self) -> Vec<Project> {
        match self {
            ProjectStore::Owned(v) => v.clone(),
            ProjectStore::Records(_) => self.iter().map(Cow::into_owned).collect(),
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
            ProjectStore::Records(r) => r.heap_bytes(),
        }
    }
}

/// The iterator of [`ProjectStore::iter`].
pub struct Projects<'a> {
    store: &'a ProjectStore,
    /// The next position to read (a list in memory) or to decode from (records).
    next: usize,
    /// Records decoded by the last [`ProjectRecords::block`], not yet returned.
    block: std::vec::IntoIter<Project>,
}

impl<'a> Iterator for Projects<'a> {
    type Item = Cow<'a, Project>;

    fn next(&mut self) -> Option<Cow<'a, Project>> {
        let records = match self.store {
            ProjectStore::Owned(v) => {
                self.next += 1;
                return v.get(self.next - 1).map(Cow::Borrowed);
            }
            ProjectStore::Records(r) => r,
        };
        loop {
            if let Some(p) = self.block.next() {
                return Some(Cow::Owned(p));
            }
            if self.next >= records.len() {
                return None;
            }
            let mut block = Vec::new();
            self.next = records.block(self.next, &mut block);
            self.block = block.into_iter();
        }
    }
}
