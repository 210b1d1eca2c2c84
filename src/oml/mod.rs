//! The compact binary list form, `.oml` (`opportunity-matcher convert LIST OUT.oml`): a validated
//! list and its match index in one file, so that loading it is copying bytes into columns, not
//! parsing JSON, validating rows and indexing text again. This module is the format's one home:
//!
//! | file | what |
//! |---|---|
//! | `mod.rs` | the layout, the header, writing a list, reading it whole or leaving it in its bytes |
//! | `codec.rs` | the one reader and writer of fields (varints, strings, amounts, little-endian columns) |
//! | `records.rs` | project records and list settings, checked like a row of a text list |
//! | `index.rs` | the index section (a [`MatchIndex`] as columns) |
//! | `source.rs` | bytes read at an offset ([`ByteSource`]), chunked scanning, records kept in their bytes |
//!
//! Layout (little-endian): the magic `OMLIST` `\0` and a version byte; the fingerprint of the
//! reference data the index was built with (gazetteer, taxonomy, folding table, index version,
//! see [`data_fingerprint`]); the list's settings; the projects, field by field (strings as a
//! varint length and UTF-8 bytes, optional values with a presence tag, places as GB/T 2260 codes);
//! then the index. A file written by a build with other reference data still loads: its places are
//! resolved again by code and its index is rebuilt. Bad bytes are a [`LoadError::Compact`], never a
//! panic.
//!
//! The format sits above both `list` (whose [`Project`](crate::list::Project) it stores, and whose
//! [`ProjectStore`] it fills with [`ProjectRecords`](crate::list::ProjectRecords)) and `rank`
//! (whose index it stores); `list` only calls [`read_list`] when [`crate::list::load_bytes`] is
//! handed `.oml` bytes.
//!
//! ```
//! use opportunity_matcher::list::{load_bytes, load_text};
//! use opportunity_matcher::oml::to_compact;
//! let list = load_text("项目名称,项目地点,总投资\n动力电池项目,成都市双流区,30亿元\n", "a.csv").unwrap();
//! let bytes = to_compact(&list);
//! assert!(bytes.starts_with(b"OMLIST"));
//! assert_eq!(load_bytes(&bytes, "a.oml").unwrap().projects, list.projects);
//! ```

mod codec;
mod index;
mod records;
mod source;

pub use source::{ByteSource, Chunks, RecordSink};

use crate::gazetteer::Gazetteer;
use crate::hash::Fnv;
use crate::list::{
    Encoding, FacetCounter, Facets, Format, ListMeta, LoadError, OpportunityList, ProjectStore, ReadingChoices, TableRows, Vocabulary,
};
use crate::rank::{IndexBuilder, MatchIndex, Matcher};
use crate::taxonomy::Taxonomy;
use codec::{Reader, Writer};
use records::{cooperation_modes, decode_id, id_hash, is_single_mode, read_meta, read_project};
use source::{CompactRecords, RecordsWriter, Stream};

const MAGIC: &[u8; 7] = b"OMLIST\0";
const VERSION: u8 = 1;
/// Bump when `MatchIndex` (its columns, bigram cutting, classification) changes meaning, so that
/// files written before are re-indexed instead of trusted.
const INDEX_VERSION: u64 = 2;

/// True when `bytes` start like a compact list.
pub fn is_compact(bytes: &[u8]) -> bool {
    bytes.len() >= 8 && &bytes[..7] == MAGIC
}

/// A hash of everything a stored index depends on besides the list: region ids and their
/// ancestors and zones, taxonomy nodes and their terms, the Traditional→Simplified table, and
/// [`INDEX_VERSION`]. Computed once per process (about a millisecond).
pub fn data_fingerprint() -> u64 {
    static FP: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    *FP.get_or_init(|| {
        let mut h = Fnv::default();
        h.u64(INDEX_VERSION);
        let g = Gazetteer::global();
        h.u64(g.len() as u64);
        for (id, r) in g.regions() {
            h.u64(r.code as u64);
            h.u64(r.parent.map_or(u64::MAX, |p| p.0 as u64));
            h.u64(g.econ_zone_mask(id));
        }
        let t = Taxonomy::global();
        h.u64(t.len() as u64);
        for id in t.ids() {
            let n = t.node(id);
            h.bytes(n.key.as_bytes());
            h.u64(n.parent.map_or(u64::MAX, |p| p.0 as u64));
            for c in &n.chains {
                h.u64(c.0 as u64);
            }
            for s in [&n.name, &n.name_hant, &n.name_en].into_iter().chain(n.synonyms.iter()) {
                h.bytes(s.as_bytes());
            }
        }
        for c in (0x2E80u32..=0x9FFF).chain(0xF900..=0xFAFF).filter_map(char::from_u32) {
            h.u64(crate::fold::t2s_char(c) as u64);
        }
        std::hash::Hasher::finish(&h)
    })
}

/// The list and its index in the compact form (read back by [`load_compact`],
/// [`crate::list::load_bytes`] and [`Matcher::from_compact`](crate::rank::Matcher::from_compact)).
/// Rejected rows and warnings are not kept: the compact form is a clean list, like the normalised
/// JSON.
pub fn to_compact(list: &OpportunityList) -> Vec<u8> {
    to_compact_with(list, &MatchIndex::build(&list.projects))
}

/// [`to_compact`] with an index already built for `list`.
pub fn to_compact_with(list: &OpportunityList, index: &MatchIndex) -> Vec<u8> {
    let g = Gazetteer::global();
    let mut w = Writer(Vec::with_capacity(64 + list.projects.len() * 400));
    w.0.extend_from_slice(MAGIC);
    w.0.push(VERSION);
    w.0.extend_from_slice(&data_fingerprint().to_le_bytes());
    records::write_meta(&mut w, &list.meta);
    w.varint(list.projects.len() as u64);
    for p in &list.projects {
        records::write_project(&mut w, p, g);
    }
    index::write_index(index, &mut w);
    w.0
}

fn bad(what: &str) -> LoadError {
    LoadError::Compact { message: format!("the compact list is damaged or truncated ({what})") }
}

/// Checks the magic and version; the rest of the header is read by the caller.
fn check_header(head: &[u8]) -> Result<(), LoadError> {
    if !is_compact(head) {
        return Err(bad("no OMLIST header"));
    }
    if head[7] != VERSION {
        return Err(LoadError::Compact {
            message: format!("compact list version {} is not supported (this build reads {VERSION})", head[7]),
        });
    }
    Ok(())
}

/// The list settings and projects of a compact list read into memory, and the bytes after them
/// (the index section) with whether it was written with this build's reference data.
fn read_records(bytes: &[u8]) -> Result<(OpportunityList, Reader<'_>, bool), LoadError> {
    check_header(bytes)?;
    let mut r = Reader(&bytes[8..]);
    let fingerprint = r.take(8).ok_or_else(|| bad("header"))?;
    let same_data = fingerprint == data_fingerprint().to_le_bytes();
    let meta = read_meta(&mut r).ok_or_else(|| bad("list settings"))?;
    let count = r.len().ok_or_else(|| bad("project count"))?;
    let g = Gazetteer::global();
    let mut projects = Vec::with_capacity(count.min(bytes.len() / 16));
    let mut ids = crate::hash::FxSet::with_capacity_and_hasher(count.min(bytes.len() / 16), Default::default());
    for i in 0..count {
        let p = read_project(&mut r, g).filter(|p| ids.insert(p.id)).ok_or_else(|| bad(&format!("project {}", i + 1)))?;
        projects.push(p.to_project());
    }
    let list = OpportunityList {
        meta,
        projects,
        rejected: Vec::new(),
        warnings: Vec::new(),
        format: Format::Compact,
        encoding: Encoding::Utf8,
        reading: None,
    };
    Ok((list, r, same_data))
}

/// Reads the list of a compact file into memory, leaving its index aside (what
/// [`crate::list::load_bytes`] returns for `.oml` bytes).
pub fn read_list(bytes: &[u8]) -> Result<OpportunityList, LoadError> {
    read_records(bytes).map(|(list, _, _)| list)
}

/// Reads a compact list into memory: the list, and its index when it was built with this build's
/// reference data (else `None`: index the projects again). For the command line and tools; a
/// [`Matcher`](crate::rank::Matcher) keeps the projects in the bytes instead ([`open_compact`]).
pub fn load_compact(bytes: &[u8]) -> Result<(OpportunityList, Option<MatchIndex>), LoadError> {
    let (list, mut r, same_data) = read_records(bytes)?;
    let index = if same_data { index::read_index(&mut r, list.projects.len()) } else { None };
    Ok((list, index))
}

/// Opens a compact list without decoding its projects: checks every record (so a damaged file is
/// refused now, not when a project is shown), notes where each one starts and hashes its id, then
/// keeps only the records' bytes in `source` (narrowed) and reads the index. The projects are
/// decoded one by one when asked for ([`ProjectStore::get`]).
pub fn open_compact(source: Box<dyn ByteSource>) -> Result<(ListMeta, ProjectStore, Facets, Option<MatchIndex>), LoadError> {
    let mut head = [0u8; 16];
    if source.size() < 16 || !source.read_at(0, &mut head) {
        return Err(bad("no OMLIST header"));
    }
    check_header(&head)?;
    let same_data = head[8..16] == data_fingerprint().to_le_bytes();
    let g = Gazetteer::global();
    let mut s = Stream { src: &*source, buf: Vec::new(), filled: 0, at: 16, pos: 0 };
    let meta = s.parse(read_meta).ok_or_else(|| bad("list settings"))?;
    let count = s.parse(|r| usize::try_from(r.varint()?).ok()).ok_or_else(|| bad("project count"))?;
    // A record takes more than 16 bytes: a larger count is damage, not a reason to reserve memory.
    if count > source.size() / 16 {
        return Err(bad("project count"));
    }
    let start = s.offset();
    let mut facets = FacetCounter::default();
    let mut offsets: Vec<u32> = Vec::with_capacity(count + 1);
    let mut ids = source::IdTable::with_capacity(count);
    for i in 0..count {
        let at = u32::try_from(s.offset() - start).map_err(|_| bad("projects over 4 GiB"))?;
        offsets.push(at);
        let hash = s
            .parse(|r| {
                read_project(r, g).map(|p| {
                    // Counted once per project: `parse` only retries when reading failed.
                    // The same normalised texts the projects decode to, so that the filters
                    // offered and the figures match what is shown.
                    // The loop borrows: a file written by `convert` holds them normalised already.
                    fn as_written(b: &[u8]) -> Option<&str> {
                        std::str::from_utf8(b).ok().filter(|t| is_single_mode(t))
                    }
                    if p.cooperation.iter().all(|c| as_written(c).is_some()) {
                        p.cooperation.iter().filter_map(as_written).for_each(|c| facets.cooperation(c));
                    } else {
                        cooperation_modes(p.cooperation).iter().for_each(|c| facets.cooperation(c));
                    }
                    if let Some(stage) = p.stage {
                        let stage = String::from_utf8_lossy(stage);
                        if !stage.trim().is_empty() {
                            facets.stage(stage.trim());
                        }
                    }
                    facets.project(String::from_utf8_lossy(p.sector).trim(), p.region, p.investment.map_or(0, |a| a.min));
                    id_hash(p.id)
                })
            })
            .ok_or_else(|| bad(&format!("project {}", i + 1)))?;
        let here = s.offset() - start;
        if ids.candidates(hash).next().is_some() {
            // The same hash as an earlier id: compare the ids themselves (the same id twice is a
            // damaged file; two ids with one hash are fine).
            let read_id = |a: usize, b: usize| {
                let mut bytes = vec![0; b - a];
                source.read_at(start + a, &mut bytes).then(|| decode_id(&bytes)).flatten()
            };
            let mine = read_id(offsets[i] as usize, here);
            if ids.candidates(hash).any(|j| read_id(offsets[j as usize] as usize, offsets[j as usize + 1] as usize) == mine) {
                return Err(bad(&format!("project {}: the same id as an earlier one", i + 1)));
            }
        }
        ids.insert(hash, i as u32);
    }
    let end = s.offset();
    offsets.push(u32::try_from(end - start).map_err(|_| bad("projects over 4 GiB"))?);
    let rest = s.rest();
    let index = if same_data { index::read_index(&mut Reader(&rest), count) } else { None };
    drop(rest);
    let records = source.narrow(start, end);
    Ok((meta, ProjectStore::Records(Box::new(CompactRecords { records, offsets, ids })), facets.finish(), index))
}
impl Matcher {
    /// A matcher from the compact list form (`convert LIST OUT.oml`, [`to_compact`]),
    /// reusing the index stored in it when it was built with the same reference data, else
    /// indexing the projects again. Ranks exactly like [`Matcher::new`] on the list the file was
    /// written from. The projects stay in the bytes and are decoded when shown.
    ///
    /// ```
    /// use opportunity_matcher::{list::load_text, oml::to_compact, rank::{Matcher, Query}};
    /// let list = load_text("name,sector,region\n动力电池项目,装备制造,成都\n", "x.csv").unwrap();
    /// let m = Matcher::from_compact(&to_compact(&list)).unwrap();
    /// let q = Query { industry: Some("動力電池".into()), ..Query::default() };
    /// assert_eq!(m.rank(&q), Matcher::new(list).rank(&q));
    /// ```
    pub fn from_compact(bytes: &[u8]) -> Result<Matcher, LoadError> {
        Matcher::from_compact_source(Box::new(bytes.to_vec()))
    }

    /// [`Matcher::from_compact`] over bytes held elsewhere (in the browser: a JavaScript
    /// `Uint8Array`, so the records never enter the wasm heap); see [`open_compact`].
    pub fn from_compact_source(source: Box<dyn ByteSource>) -> Result<Matcher, LoadError> {
        let (meta, projects, facets, index) = open_compact(source)?;
        let index = index.unwrap_or_else(|| MatchIndex::build(&projects.to_vec()));
        Ok(Matcher::from_store(meta, projects, facets, index))
    }

    /// A matcher over a list's file in any form [`crate::list::load_bytes`] reads, whose projects
    /// are validated, indexed and stored as compact records one at a time as the table is read
    /// ([`Matcher::from_table`]); a compact file is opened in place ([`Matcher::from_compact_source`]).
    /// Ranks, shows and reports exactly like `Matcher::new(load_owned_bytes_with(…))`, without
    /// ever holding every project decoded: a national list from JSON costs its records and its
    /// index, not 100,000 structs of strings.
    ///
    /// ```
    /// use opportunity_matcher::{list::{load_text, ReadingChoices}, rank::{Matcher, Query}};
    /// let text = "项目名称,项目地点,总投资\n动力电池项目,成都市双流区,30亿元\n白酒包材项目,贵阳,5000万元\n";
    /// let m = Matcher::open_owned_bytes(text.as_bytes().to_vec(), "a.csv", &ReadingChoices::default()).unwrap();
    /// let q = Query { industry: Some("电池".into()), ..Query::default() };
    /// assert_eq!(m.rank(&q), Matcher::new(load_text(text, "a.csv").unwrap()).rank(&q));
    /// assert_eq!(m.project(1).unwrap().name, "白酒包材项目");
    /// ```
    pub fn open_owned_bytes(bytes: Vec<u8>, file_name: &str, choices: &ReadingChoices) -> Result<Matcher, LoadError> {
        if is_compact(&bytes) {
            return Matcher::from_compact_source(Box::new(bytes));
        }
        Matcher::from_table(crate::list::table_bytes(std::borrow::Cow::Owned(bytes), file_name, Vocabulary::List, choices)?)
    }

    /// A matcher over a table read by the table reader: each row validated, indexed
    /// ([`IndexBuilder`]), counted for the facets and written as a compact record as soon as it is
    /// read, then given up, so that rows and projects are never all held at once.
    ///
    /// ```
    /// use opportunity_matcher::{list::{read_text_table, Vocabulary}, rank::Matcher};
    /// let table = read_text_table("项目名称,项目地点,总投资\n动力电池项目,成都,5亿元\n,贵阳,3亿元\n", "a.csv", Vocabulary::List).unwrap();
    /// let m = Matcher::from_table(table).unwrap();
    /// assert_eq!(m.len(), 1);
    /// assert_eq!(m.rejected().len(), 1); // the row without a name, with its row number and reason
    /// assert_eq!(m.project(0).unwrap().region_text, "成都");
    /// ```
    pub fn from_table(table: TableRows) -> Result<Matcher, LoadError> {
        Matcher::from_table_into(table, Box::new(Chunks::default()))
    }

    /// [`Matcher::from_table`] with the records written to `sink` (in the browser, a JavaScript
    /// array outside the wasm heap).
    ///
    /// ```
    /// use opportunity_matcher::{list::{read_text_table, Vocabulary}, oml::Chunks, rank::Matcher};
    /// let table = read_text_table("name,region\nA,成都\n", "a.csv", Vocabulary::List).unwrap();
    /// let m = Matcher::from_table_into(table, Box::new(Chunks::default())).unwrap();
    /// assert_eq!(m.project(0).unwrap().name, "A");
    /// ```
    pub fn from_table_into(table: TableRows, sink: Box<dyn RecordSink>) -> Result<Matcher, LoadError> {
        let (meta, rows, reading, mut warnings, format, encoding) = table.into_rows();
        let g = Gazetteer::global();
        let mut index = IndexBuilder::with_capacity(rows.len());
        let mut facets = FacetCounter::default();
        let mut records = RecordsWriter::new(sink, rows.len());
        let mut failed = Ok(());
        let (meta, rejected) = crate::list::validate::validate_rows(meta, rows, &mut warnings, |p| {
            if failed.is_ok() {
                index.push(&p);
                facets.add(&p);
                failed = records.push(&p, g);
            }
        });
        failed?;
        let store = ProjectStore::Records(Box::new(records.finish()?));
        Ok(Matcher::from_store(meta, store, facets.finish(), index.finish()).with_report(
            rejected,
            warnings,
            format,
            encoding,
            Some(reading),
        ))
    }

    /// A matcher over a list file's bytes where they are kept ([`crate::list::read_table_at`]),
    /// its records written to `sink`: the table's rows (a JSON list's packed rows, a sheet's cells)
    /// are built, validated, indexed and stored one at a time, never all built at once. A compact list has no table:
    /// open it with [`Matcher::from_compact_source`].
    ///
    /// ```
    /// use opportunity_matcher::{oml::Chunks, rank::Matcher};
    /// let json = r#"{"projects":[{"项目名称":"动力电池项目","地点":"成都","总投资（亿元）":5}]}"#;
    /// let m = Matcher::from_source_into(&json.as_bytes(), "list.json", Box::new(Chunks::default())).unwrap();
    /// assert_eq!(m.project(0).unwrap().investment.unwrap().min, 500_000_000);
    /// ```
    pub fn from_source_into(source: &dyn crate::list::ReadAt, file_name: &str, sink: Box<dyn RecordSink>) -> Result<Matcher, LoadError> {
        let table = crate::list::read_table_at_packed(source, file_name, crate::list::Vocabulary::List, &Default::default())?;
        Matcher::from_table_into(table, sink)
    }

    /// The list in the compact form, with this matcher's index (no re-indexing).
    pub fn to_compact(&self) -> Vec<u8> {
        to_compact_with(&self.to_list(), self.index())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::list::load_bytes;
    use crate::money::{Amount, Bound, Currency};
    use source::CHUNK;

    fn sample() -> OpportunityList {
        let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/www/data/opportunity-list.json")).unwrap();
        load_bytes(&bytes, "list.json").unwrap()
    }

    #[test]
    fn the_bundled_list_round_trips_with_its_index() {
        let list = sample();
        let bytes = to_compact(&list);
        let (back, index) = load_compact(&bytes).unwrap();
        assert_eq!(back.projects, list.projects);
        assert_eq!(back.meta.title, list.meta.title);
        assert_eq!(back.meta.fx.rate(Currency::Usd), list.meta.fx.rate(Currency::Usd));
        assert_eq!(back.format, Format::Compact);
        assert_eq!(index, Some(MatchIndex::build(&list.projects)));
    }

    #[test]
    fn other_reference_data_means_reindexing_not_trusting() {
        let mut bytes = to_compact(&sample());
        bytes[8] ^= 0xff; // fingerprint
        let (back, index) = load_compact(&bytes).unwrap();
        assert!(index.is_none());
        assert_eq!(back.projects.len(), sample().projects.len());
    }

    #[test]
    fn a_matcher_over_the_bytes_ranks_shows_and_finds_like_the_decoded_list() {
        use crate::present::ListStats;
        use crate::rank::{Matcher, Query};
        let list = sample();
        let decoded = Matcher::new(list.clone());
        let bytes = to_compact(&list);
        let kept = Matcher::from_compact(&bytes).unwrap();
        assert!(matches!(kept.projects(), ProjectStore::Records(_)));
        assert_eq!(kept.len(), list.projects.len());
        for (i, p) in list.projects.iter().enumerate() {
            assert_eq!(kept.project(i).as_deref(), Some(p));
            assert_eq!(kept.position(&p.id), Some(i), "{}", p.id);
        }
        assert_eq!(kept.position("no such id"), None);
        assert!(kept.project(list.projects.len()).is_none());
        let q = |industry: &str, budget: &str, region: &str| Query {
            industry: Some(industry.into()),
            budget: Some(budget.into()),
            region: Some(region.into()),
            today: Some("2026-11-23".into()),
            ..Query::default()
        };
        for query in
            [q("動力電池", "30亿", "成都"), q("白酒", "", "川"), q("logistics", "up to 200 million USD", "Chongqing"), q("", "1-5亿", "")]
        {
            assert_eq!(kept.rank(&query), decoded.rank(&query));
        }
        for lang in [crate::Lang::ZhHans, crate::Lang::En] {
            assert_eq!(ListStats::new(kept.projects().iter(), lang), ListStats::new(&list.projects, lang));
            assert_eq!(ListStats::from_facets(kept.facets(), lang), ListStats::new(&list.projects, lang));
        }
        assert_eq!(kept.projects().iter().map(|p| p.into_owned()).collect::<Vec<_>>(), list.projects);
        assert_eq!(kept.facets(), decoded.facets());
        assert!(!kept.facets().cooperation.is_empty());
        assert_eq!(kept.facets().places.iter().map(|p| p.1).sum::<usize>(), list.projects.len());
        // The records are kept, not decoded: no `Project` structs and strings, a table of offsets
        // and ids, and (natively) the bytes themselves.
        let (structs, text, _) = kept.heap_breakdown();
        let (decoded_structs, _, _) = decoded.heap_breakdown();
        assert!(structs < decoded_structs / 4, "{structs} / {decoded_structs}");
        assert_eq!(text, bytes.len());
    }

    #[test]
    fn a_record_longer_than_the_read_chunk_loads_whole() {
        let mut list = sample();
        list.projects[3].description = Some("长".repeat(CHUNK)); // 3 MiB of UTF-8
        let kept = crate::rank::Matcher::from_compact(&to_compact(&list)).unwrap();
        assert_eq!(kept.project(3).unwrap().description.as_ref().map(|d| d.len()), Some(3 * CHUNK));
        assert_eq!(kept.project(4).as_deref(), Some(&list.projects[4]));
        assert_eq!(kept.projects().iter().map(|p| p.into_owned()).collect::<Vec<_>>(), list.projects);
    }

    #[test]
    fn an_amount_beyond_what_a_list_can_say_is_a_damaged_file() {
        // Found by fuzzing: 2684354562亿 loaded from bytes, but its normalised JSON did not reload.
        let mut list = sample();
        let huge = Amount { min: 0, max: 268_435_456_200_000_000, bound: Bound::UpTo, currency: Currency::Cny };
        list.projects[15].investment = Some(huge);
        let bytes = to_compact(&list);
        assert!(load_compact(&bytes).unwrap_err().message(crate::Lang::En).contains("project 16"));
        assert!(crate::rank::Matcher::from_compact(&bytes).is_err());
        // An open amount ("5亿以上") has no upper figure, and loads (found by fuzzing the check above).
        let mut list = sample();
        let open = crate::money::parse_money("5亿以上", &crate::money::Fx::default()).unwrap().unwrap();
        assert_eq!((open.bound, open.max), (Bound::AtLeast, u64::MAX));
        list.projects[15].investment = Some(open);
        let bytes = to_compact(&list);
        assert_eq!(load_compact(&bytes).unwrap().0.projects[15].investment, Some(open));
        assert!(crate::rank::Matcher::from_compact(&bytes).is_ok());
    }

    #[test]
    fn an_amount_whose_figures_do_not_fit_its_bound_is_a_damaged_file() {
        // Found by fuzzing: an "exact" amount with two different figures loaded, and its JSON
        // reloaded as another amount.
        for (min, max, bound) in [(1, 2, Bound::Exact), (5, 9, Bound::UpTo), (5, 9, Bound::AtLeast), (9, 5, Bound::Range)] {
            let mut list = sample();
            list.projects[3].seeking = Some(Amount { min, max, bound, currency: Currency::Cny });
            let bytes = to_compact(&list);
            assert!(load_compact(&bytes).unwrap_err().message(crate::Lang::En).contains("project 4"), "{bound:?}");
            assert!(crate::rank::Matcher::from_compact(&bytes).is_err(), "{bound:?}");
        }
    }

    #[test]
    fn texts_load_normalised_like_a_csv_or_json_cell() {
        // Found by fuzzing (issue 10): an id with a leading space survived here, and `convert` to
        // JSON then trimmed it into another id.
        let mut list = sample();
        let p = &mut list.projects[2];
        p.id = format!(" {} ", p.id);
        p.name = format!("{}\u{3000}", p.name);
        p.tags = vec![" 电池 ".into(), "  ".into()];
        p.cooperation = vec!["PPP 合资".into()];
        p.stage = Some(" ".into());
        p.description = Some("\n简介 ".into());
        let bytes = to_compact(&list);
        let loaded = load_compact(&bytes).unwrap().0;
        let p = &loaded.projects[2];
        assert_eq!(p.id, sample().projects[2].id);
        assert_eq!(p.name, sample().projects[2].name);
        assert_eq!(p.tags, ["电池"]);
        assert_eq!(p.cooperation, ["PPP", "合资"]);
        assert_eq!((p.stage.as_deref(), p.description.as_deref()), (None, Some("简介")));
        let m = crate::rank::Matcher::from_compact(&bytes).unwrap();
        assert_eq!(m.to_list().projects, loaded.projects, "the record-by-record reader agrees");
        assert_eq!(m.position(&p.id), Some(2), "found by the trimmed id");
        assert!(m.facets().cooperation.iter().any(|(c, _)| c == "PPP"));
        // A blank id cannot be normalised into anything a list would say: damage.
        let mut list = sample();
        list.projects[2].id = " ".into();
        assert!(load_compact(&to_compact(&list)).is_err());
    }

    #[test]
    fn numbers_load_by_the_rules_of_the_text_readers() {
        // Found by fuzzing: a negative land area loaded from bytes but not from the JSON of it.
        let mut list = sample();
        let p = &mut list.projects[1];
        (p.land_mu, p.payback_years, p.irr_pct, p.jobs) = (Some(-0.5), Some(f64::NAN), Some(-3.0), Some(2_000_000_000));
        let loaded = load_compact(&to_compact(&list)).unwrap().0;
        let p = &loaded.projects[1];
        assert_eq!((p.land_mu, p.payback_years, p.irr_pct, p.jobs), (None, None, Some(-3.0), None));
    }

    #[test]
    fn the_same_id_twice_is_a_damaged_file() {
        let mut list = sample();
        list.projects[7].id = list.projects[2].id.clone();
        let bytes = to_compact(&list);
        let message = crate::rank::Matcher::from_compact(&bytes).unwrap_err().message(crate::Lang::En);
        assert!(message.contains("project 8: the same id"), "{message}");
        assert!(load_compact(&bytes).is_err());
    }

    #[test]
    fn ids_sharing_a_hash_are_told_apart() {
        let mut t = source::IdTable::with_capacity(4);
        t.insert(42, 0);
        t.insert(42, 5);
        t.insert(7, 1);
        assert_eq!(t.candidates(42).collect::<Vec<_>>(), vec![0, 5]);
        assert_eq!(t.candidates(7).collect::<Vec<_>>(), vec![1]);
        assert_eq!(t.candidates(8).count(), 0);
    }

    #[test]
    fn damaged_bytes_are_an_error_never_a_panic() {
        let bytes = to_compact(&sample());
        for cut in [8, 9, 16, 40, bytes.len() / 3, bytes.len() / 2] {
            assert!(matches!(load_compact(&bytes[..cut]), Err(LoadError::Compact { .. })), "cut {cut}");
        }
        // Flipped bytes anywhere: an error or a list, never a panic; a bad index is rebuilt.
        let mut x = 0x2545_f491u32;
        for _ in 0..300 {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            let mut b = bytes.clone();
            let at = 16 + (x as usize % (b.len() - 16));
            b[at] = b[at].wrapping_add((x >> 24) as u8 | 1);
            let _ = load_compact(&b);
            if let Ok(m) = crate::rank::Matcher::from_compact(&b) {
                // Whatever loaded ranks and shows without panicking.
                let r = m.rank(&crate::rank::Query { industry: Some("电池".into()), ..Default::default() });
                for x in r.results {
                    let _ = m.project(x.index);
                }
            }
        }
        let mut v = bytes.clone();
        v[7] = 99;
        assert!(load_compact(&v).unwrap_err().message(crate::Lang::En).contains("version 99"));
    }
}
