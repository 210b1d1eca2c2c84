//! The compact binary list form (`opportunity-matcher convert LIST OUT.oml`): a validated list and
//! its match index in one file, so that loading it is copying bytes into columns, not parsing JSON,
//! validating rows and indexing text again.
//!
//! Layout (little-endian): the magic `OMLIST` `\0` and a version byte; the fingerprint of the
//! reference data the index was built with (gazetteer, taxonomy, folding table, index version,
//! see [`data_fingerprint`]); the list's settings; the projects, field by field (strings as a
//! varint length and UTF-8 bytes, optional values with a presence tag, places as GB/T 2260 codes);
//! then the index ([`MatchIndex::write_to`]). A file written by a build with other reference data
//! still loads: its places are resolved again by code and its index is rebuilt. Bad bytes are a
//! [`LoadError::Compact`], never a panic.
//!
//! ```
//! use opportunity_matcher::list::{load_bytes, load_text, to_compact};
//! let list = load_text("项目名称,项目地点,总投资\n动力电池项目,成都市双流区,30亿元\n", "a.csv").unwrap();
//! let bytes = to_compact(&list);
//! assert!(bytes.starts_with(b"OMLIST"));
//! assert_eq!(load_bytes(&bytes, "a.oml").unwrap().projects, list.projects);
//! ```

use super::store::{ByteSource, FacetCounter, Facets, ProjectStore};
use super::{Encoding, Format, ListMeta, LoadError, OpportunityList, Project};
use crate::gazetteer::{Gazetteer, RegionId};
use crate::money::{Amount, Bound, Currency};
use crate::rank::MatchIndex;
use crate::taxonomy::Taxonomy;

const MAGIC: &[u8; 7] = b"OMLIST\0";
const VERSION: u8 = 1;
/// Bump when `MatchIndex` (its columns, bigram cutting, classification) changes meaning, so that
/// files written before are re-indexed instead of trusted.
const INDEX_VERSION: u64 = 2;

const CURRENCIES: [Currency; 6] = [Currency::Cny, Currency::Usd, Currency::Hkd, Currency::Eur, Currency::Gbp, Currency::Jpy];

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
        h.0
    })
}

/// FNV-1a, 64 bits: the data fingerprint and id hashes here, and the text-keyed maps of
/// `store.rs` (SipHash costs more than the counting there).
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for x in bytes {
            self.0 = (self.0 ^ *x as u64).wrapping_mul(0x100_0000_01b3);
        }
    }
}

impl Fnv {
    /// `b` and an end marker, so that consecutive fields cannot run into each other.
    fn bytes(&mut self, b: &[u8]) {
        std::hash::Hasher::write(self, b);
        std::hash::Hasher::write(self, &[0xff]);
    }
    fn u64(&mut self, v: u64) {
        self.bytes(&v.to_le_bytes());
    }
}

// ---- writing ----------------------------------------------------------------------------------

struct Writer(Vec<u8>);

impl Writer {
    #[inline(always)]
    fn varint(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.0.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.0.push(v as u8);
    }
    #[inline(always)]
    fn str(&mut self, s: &str) {
        self.varint(s.len() as u64);
        self.0.extend_from_slice(s.as_bytes());
    }
    #[inline(always)]
    fn opt_str(&mut self, s: &Option<String>) {
        match s {
            None => self.varint(0),
            Some(s) => {
                self.varint(s.len() as u64 + 1);
                self.0.extend_from_slice(s.as_bytes());
            }
        }
    }
    #[inline(always)]
    fn strs(&mut self, v: &[String]) {
        self.varint(v.len() as u64);
        for s in v {
            self.str(s);
        }
    }
    #[inline(always)]
    fn opt_f64(&mut self, v: Option<f64>) {
        match v {
            None => self.0.push(0),
            Some(v) => {
                self.0.push(1);
                self.0.extend_from_slice(&v.to_le_bytes());
            }
        }
    }
    #[inline(always)]
    fn opt_amount(&mut self, a: &Option<Amount>) {
        match a {
            None => self.0.push(0),
            Some(a) => {
                let bound = match a.bound {
                    Bound::Exact => 1,
                    Bound::Range => 2,
                    Bound::UpTo => 3,
                    Bound::AtLeast => 4,
                };
                self.0.push(bound);
                self.0.push(CURRENCIES.iter().position(|c| *c == a.currency).unwrap_or(0) as u8);
                self.varint(a.min);
                self.varint(a.max);
            }
        }
    }
}

/// The list and its index in the compact form (read back by [`load_bytes`](super::load_bytes) and
/// [`Matcher::from_compact`](crate::rank::Matcher::from_compact)). Rejected rows and warnings are
/// not kept: the compact form is a clean list, like the normalised JSON.
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
    let m = &list.meta;
    for s in [&m.title, &m.publisher, &m.updated, &m.notice] {
        w.opt_str(s);
    }
    w.str(m.currency.code());
    for c in &CURRENCIES[1..] {
        w.opt_f64(Some(m.fx.rate(*c)));
    }
    w.varint(list.projects.len() as u64);
    for p in &list.projects {
        w.str(&p.id);
        w.str(&p.name);
        w.opt_str(&p.name_en);
        w.str(&p.sector);
        w.strs(&p.tags);
        w.str(&p.region_text);
        w.varint(g.region(p.region).code as u64);
        w.opt_str(&p.park);
        w.opt_amount(&p.investment);
        w.opt_amount(&p.seeking);
        w.strs(&p.cooperation);
        w.opt_str(&p.stage);
        w.opt_f64(p.land_mu);
        for s in [
            &p.description,
            &p.description_en,
            &p.benefits,
            &p.policies,
            &p.contact_org,
            &p.contact_name,
            &p.contact_phone,
            &p.contact_email,
        ] {
            w.opt_str(s);
        }
        w.0.push(p.priority.map_or(0, |v| 1 + v.min(254)));
        w.opt_f64(p.irr_pct);
        w.opt_f64(p.payback_years);
        match p.jobs {
            None => w.0.push(0),
            Some(j) => {
                w.0.push(1);
                w.varint(j);
            }
        }
        w.opt_amount(&p.annual_output);
        w.opt_str(&p.updated);
        w.opt_str(&p.url);
        w.varint(p.row as u64);
    }
    index.write_to(&mut w.0);
    w.0
}

// ---- reading ----------------------------------------------------------------------------------

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    #[inline(always)]
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let head = self.0.get(..n)?;
        self.0 = &self.0[n..];
        Some(head)
    }
    #[inline(always)]
    fn byte(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }
    #[inline(always)]
    fn varint(&mut self) -> Option<u64> {
        // A plain loop (not an iterator adaptor), so that it inlines in a size-optimised build.
        let (mut v, mut shift) = (0u64, 0u32);
        while shift < 64 {
            let b = self.byte()?;
            v |= ((b & 0x7f) as u64) << shift;
            if b & 0x80 == 0 {
                return Some(v);
            }
            shift += 7;
        }
        None
    }
    #[inline(always)]
    fn len(&mut self) -> Option<usize> {
        let n = usize::try_from(self.varint()?).ok()?;
        (n <= self.0.len()).then_some(n)
    }
    #[inline(always)]
    fn str(&mut self) -> Option<&'a str> {
        let n = self.len()?;
        std::str::from_utf8(self.take(n)?).ok()
    }
    /// A string's bytes, not checked to be UTF-8 (see [`ProjectRef`]).
    #[inline(always)]
    fn raw(&mut self) -> Option<&'a [u8]> {
        let n = self.len()?;
        self.take(n)
    }
    #[inline(always)]
    fn opt_raw(&mut self) -> Option<Option<&'a [u8]>> {
        match self.varint()? {
            0 => Some(None),
            n => Some(Some(self.take(usize::try_from(n - 1).ok()?)?)),
        }
    }
    #[inline(always)]
    fn opt_str(&mut self) -> Option<Option<&'a str>> {
        match self.opt_raw()? {
            None => Some(None),
            Some(b) => Some(Some(std::str::from_utf8(b).ok()?)),
        }
    }
    #[inline(always)]
    fn strs(&mut self) -> Option<Strs<'a>> {
        let count = self.len()?;
        let start = self.0;
        for _ in 0..count {
            self.raw()?;
        }
        Some(Strs { count, bytes: &start[..start.len() - self.0.len()] })
    }
    #[inline(always)]
    fn opt_f64(&mut self) -> Option<Option<f64>> {
        match self.byte()? {
            0 => Some(None),
            1 => Some(Some(f64::from_le_bytes(self.take(8)?.try_into().ok()?))),
            _ => None,
        }
    }
    #[inline(always)]
    fn opt_amount(&mut self) -> Option<Option<Amount>> {
        let bound = match self.byte()? {
            0 => return Some(None),
            1 => Bound::Exact,
            2 => Bound::Range,
            3 => Bound::UpTo,
            4 => Bound::AtLeast,
            _ => return None,
        };
        let currency = *CURRENCIES.get(self.byte()? as usize)?;
        let (min, max) = (self.varint()?, self.varint()?);
        Some(Some(Amount { min, max, bound, currency }))
    }
}

/// A list of strings as stored, read without allocating.
#[derive(Clone, Copy)]
struct Strs<'a> {
    count: usize,
    bytes: &'a [u8],
}

impl<'a> Strs<'a> {
    /// The strings' bytes.
    fn iter(self) -> impl Iterator<Item = &'a [u8]> {
        let mut r = Reader(self.bytes);
        (0..self.count).map_while(move |_| r.raw())
    }

    /// The items normalised like a JSON list's items: trimmed, blank ones dropped.
    fn to_vec(self) -> Vec<String> {
        let mut r = Reader(self.bytes);
        (0..self.count).filter_map(|_| r.raw().map(text)).filter(|t| !t.is_empty()).collect()
    }
}

/// A stored string as text, normalised exactly as the CSV and JSON readers normalise a cell
/// (surrounding white space trimmed), so that every form of a list loads to the same projects and
/// `convert` from any form to any other and back is the identity. A byte sequence that is not
/// UTF-8 (only a damaged or hand-made file has one) shows replacement characters instead of losing
/// the project.
fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).trim().to_owned()
}

/// An optional stored string, normalised like a cell: blank means absent.
fn opt_text(bytes: Option<&[u8]>) -> Option<String> {
    bytes.map(text).filter(|t| !t.is_empty())
}

/// One stored project, borrowed from the bytes. Reading it checks the structure, the amounts,
/// the place code, and the id, name and link (UTF-8, a non-blank name, an http(s) link) without
/// allocating, so a list of any size is scanned at load at the speed of reading it; the other
/// texts, the bulk of the bytes, are only decoded (lossily) when a project is shown.
struct ProjectRef<'a> {
    id: &'a str,
    name: &'a str,
    name_en: Option<&'a [u8]>,
    sector: &'a [u8],
    tags: Strs<'a>,
    region_text: &'a [u8],
    region: RegionId,
    park: Option<&'a [u8]>,
    investment: Option<Amount>,
    seeking: Option<Amount>,
    cooperation: Strs<'a>,
    stage: Option<&'a [u8]>,
    land_mu: Option<f64>,
    /// description, description_en, benefits, policies, contact org, name, phone, email.
    texts: [Option<&'a [u8]>; 8],
    priority: Option<u8>,
    irr_pct: Option<f64>,
    payback_years: Option<f64>,
    jobs: Option<u64>,
    annual_output: Option<Amount>,
    updated: Option<&'a [u8]>,
    url: Option<&'a str>,
    row: usize,
}

fn read_project<'a>(r: &mut Reader<'a>, g: &Gazetteer) -> Option<ProjectRef<'a>> {
    // Trimmed as every reader trims (a leading space must not survive here and vanish after
    // `convert` to JSON). A blank id is damage: validation never lets one through (it names the
    // row instead), and the row name could not survive a round trip.
    let id = r.str()?.trim();
    let name = r.str()?.trim();
    let name_en = r.opt_raw()?;
    let sector = r.raw()?;
    let tags = r.strs()?;
    let region_text = r.raw()?;
    let region: RegionId = g.by_code(u32::try_from(r.varint()?).ok()?)?;
    let park = r.opt_raw()?;
    let investment = r.opt_amount()?;
    let seeking = r.opt_amount()?;
    let cooperation = r.strs()?;
    let stage = r.opt_raw()?;
    let land_mu = r.opt_f64()?;
    let mut texts = [None; 8];
    for t in &mut texts {
        *t = r.opt_raw()?;
    }
    let priority = match r.byte()? {
        0 => None,
        v => Some(v - 1),
    };
    let irr_pct = r.opt_f64()?;
    let payback_years = r.opt_f64()?;
    let jobs = match r.byte()? {
        0 => None,
        1 => Some(r.varint()?),
        _ => return None,
    };
    let annual_output = r.opt_amount()?;
    let updated = r.opt_raw()?;
    let url = r.opt_str()?;
    let row = usize::try_from(r.varint()?).ok()?;
    // What validation guarantees for JSON and CSV must hold here too, or a hand-made file could
    // smuggle in a `javascript:` url, a blank name or an amount that is not one: such a file is
    // damaged.
    // An amount the text form could not hold either (money::MAX_YUAN) would not survive `convert`
    // back to JSON. An open "at least" amount has no upper figure (its `max` is `u64::MAX`).
    // And each kind of bound has the shape every reader gives it (an exact figure is one figure,
    // "up to" starts at 0, "at least" is open), or the text form would reload as another amount.
    let amount_ok = |a: &Option<Amount>| {
        a.as_ref().is_none_or(|a| {
            let shape = match a.bound {
                Bound::Exact => a.min == a.max,
                Bound::Range => a.min <= a.max,
                Bound::UpTo => a.min == 0,
                Bound::AtLeast => a.max == u64::MAX,
            };
            shape && (if a.bound == Bound::AtLeast { a.min } else { a.max }) as f64 <= crate::money::MAX_YUAN
        })
    };
    let url_ok = url.is_none_or(super::validate::is_safe_url);
    if name.is_empty()
        || id.is_empty()
        || priority.is_some_and(|p| p > 100)
        || ![&investment, &seeking, &annual_output].into_iter().all(amount_ok)
        || !url_ok
    {
        return None;
    }
    Some(ProjectRef {
        id,
        name,
        name_en,
        sector,
        tags,
        region_text,
        region,
        park,
        investment,
        seeking,
        cooperation,
        stage,
        land_mu,
        texts,
        priority,
        irr_pct,
        payback_years,
        jobs,
        annual_output,
        updated,
        url,
        row,
    })
}

/// A stored cooperation mode that normalising leaves as it is: not blank, nothing to trim or to
/// split on (white space or a list separator).
fn is_single_mode(mode: &str) -> bool {
    !mode.is_empty() && !mode.chars().any(|c| c.is_whitespace() || "、,，;；/|".contains(c))
}

/// Cooperation modes normalised as the JSON reader normalises a list of them (`PPP 合资` is two).
fn cooperation_modes(stored: Strs) -> Vec<String> {
    super::validate::split_modes(&super::raw::Cell::List(stored.to_vec()))
}

use super::validate::keep;

impl ProjectRef<'_> {
    fn to_project(&self) -> Project {
        let s = opt_text;
        let [description, description_en, benefits, policies, contact_org, contact_name, contact_phone, contact_email] = self.texts.map(s);
        Project {
            id: self.id.to_owned(),
            name: self.name.to_owned(),
            name_en: s(self.name_en),
            sector: text(self.sector),
            tags: self.tags.to_vec(),
            region_text: text(self.region_text),
            region: self.region,
            park: s(self.park),
            investment: self.investment,
            seeking: self.seeking,
            cooperation: cooperation_modes(self.cooperation),
            stage: s(self.stage),
            land_mu: self.land_mu.and_then(keep::land_mu),
            description,
            description_en,
            benefits,
            policies,
            contact_org,
            contact_name,
            contact_phone,
            contact_email,
            priority: self.priority,
            irr_pct: self.irr_pct.and_then(keep::irr_pct),
            payback_years: self.payback_years.and_then(keep::payback_years),
            jobs: self.jobs.filter(|&j| keep::jobs(j as f64)),
            annual_output: self.annual_output,
            updated: s(self.updated).and_then(|d| super::validate::parse_date(&d)),
            url: self.url.map(str::to_owned),
            row: self.row,
        }
    }
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

/// Reads a compact list into memory: the list, and its index when it was built with this build's
/// reference data (else `None`: index the projects again). For the command line and tools; a
/// [`Matcher`](crate::rank::Matcher) keeps the projects in the bytes instead ([`open_compact`]).
pub fn load_compact(bytes: &[u8]) -> Result<(OpportunityList, Option<MatchIndex>), LoadError> {
    check_header(bytes)?;
    let mut r = Reader(&bytes[8..]);
    let fingerprint = r.take(8).ok_or_else(|| bad("header"))?;
    let same_data = fingerprint == data_fingerprint().to_le_bytes();
    let meta = read_meta(&mut r).ok_or_else(|| bad("list settings"))?;
    let count = r.len().ok_or_else(|| bad("project count"))?;
    let g = Gazetteer::global();
    let mut projects = Vec::with_capacity(count.min(bytes.len() / 16));
    let mut ids = std::collections::HashSet::with_capacity(count.min(bytes.len() / 16));
    for i in 0..count {
        let p = read_project(&mut r, g).filter(|p| ids.insert(p.id)).ok_or_else(|| bad(&format!("project {}", i + 1)))?;
        projects.push(p.to_project());
    }
    let index = if same_data { MatchIndex::read_from(&mut r.0, projects.len()) } else { None };
    let list =
        OpportunityList { meta, projects, rejected: Vec::new(), warnings: Vec::new(), format: Format::Compact, encoding: Encoding::Utf8 };
    Ok((list, index))
}

/// The list's settings, normalised by the same function as a JSON list's (texts trimmed, the date
/// read as a date, only usable exchange rates), so that they survive `convert` unchanged.
fn read_meta(r: &mut Reader) -> Option<ListMeta> {
    let s = |x: Option<&str>| x.map(str::to_owned);
    let (title, publisher, updated, notice) = (s(r.opt_str()?), s(r.opt_str()?), s(r.opt_str()?), s(r.opt_str()?));
    let currency = Currency::from_code(r.str()?)?;
    let mut fx = Vec::new();
    for c in &CURRENCIES[1..] {
        if let Some(rate) = r.opt_f64()? {
            fx.push((c.code().to_string(), serde_json::Value::from(rate)));
        }
    }
    let raw = super::raw::JsonMeta { title, publisher, updated, currency: Some(currency.code().to_string()), fx, notice };
    Some(super::validate::list_meta(raw, &mut Vec::new()))
}

// ---- projects kept in the bytes -----------------------------------------------------------------

/// Reads a source front to back in chunks, so that a list of any size is scanned with a buffer of
/// about [`CHUNK`] bytes (a record longer than that grows the buffer to fit it).
struct Stream<'s> {
    src: &'s dyn ByteSource,
    /// Allocated (and zeroed) once, grown only for a record longer than it; `buf[..filled]` holds
    /// source bytes.
    buf: Vec<u8>,
    filled: usize,
    /// Source offset of `buf[0]`.
    at: usize,
    /// Read position in `buf`.
    pos: usize,
}

pub(crate) const CHUNK: usize = 1 << 20;

impl Stream<'_> {
    fn offset(&self) -> usize {
        self.at + self.pos
    }

    /// Reads more of the source after what is buffered; false at its end.
    fn refill(&mut self) -> bool {
        if self.at + self.filled >= self.src.len() {
            return false;
        }
        // Keep the unread bytes, at the front.
        self.buf.copy_within(self.pos..self.filled, 0);
        self.at += self.pos;
        self.filled -= self.pos;
        self.pos = 0;
        // A record that did not fit a full buffer: twice the room.
        let room = if self.filled == self.buf.len() { (2 * self.buf.len()).max(CHUNK) } else { self.buf.len().max(CHUNK) };
        if room > self.buf.len() {
            self.buf.resize(room, 0);
        }
        let end = self.buf.len().min(self.src.len() - self.at);
        let ok = self.src.read_at(self.at + self.filled, &mut self.buf[self.filled..end]);
        self.filled = end;
        ok
    }

    /// Runs `f` over the buffered bytes, reading more until it succeeds or the source ends.
    fn parse<T>(&mut self, mut f: impl FnMut(&mut Reader) -> Option<T>) -> Option<T> {
        loop {
            let mut r = Reader(&self.buf[self.pos..self.filled]);
            if let Some(v) = f(&mut r) {
                self.pos = self.filled - r.0.len();
                return Some(v);
            }
            if !self.refill() {
                return None;
            }
        }
    }

    /// Everything from the read position to the end of the source.
    fn rest(self) -> Vec<u8> {
        let mut out = self.buf[self.pos..self.filled].to_vec();
        let have = self.at + self.filled;
        let old = out.len();
        out.resize(old + self.src.len().saturating_sub(have), 0);
        if !self.src.read_at(have, &mut out[old..]) {
            out.truncate(old);
        }
        out
    }
}

/// A hash of a project id (FNV-1a), for finding a project by id without keeping the ids.
pub(crate) fn id_hash(id: &str) -> u64 {
    let mut h = Fnv::default();
    h.bytes(id.as_bytes());
    h.0
}

/// Decodes the project stored at `bytes` (one record), or `None` when the bytes are not one.
pub(crate) fn decode_project(bytes: &[u8]) -> Option<Project> {
    let mut r = Reader(bytes);
    read_project(&mut r, Gazetteer::global()).filter(|_| r.0.is_empty()).map(|p| p.to_project())
}

/// The id of the project stored at `bytes`, without decoding the rest into strings.
pub(crate) fn decode_id(bytes: &[u8]) -> Option<String> {
    Reader(bytes).str().map(|id| id.trim().to_owned())
}

/// Opens a compact list without decoding its projects: checks every record (so a damaged file is
/// refused now, not when a project is shown), notes where each one starts and hashes its id, then
/// keeps only the records' bytes in `source` (narrowed) and reads the index. The projects are
/// decoded one by one when asked for ([`ProjectStore::get`]).
pub fn open_compact(source: Box<dyn ByteSource>) -> Result<(ListMeta, ProjectStore, Facets, Option<MatchIndex>), LoadError> {
    let mut head = [0u8; 16];
    if source.len() < 16 || !source.read_at(0, &mut head) {
        return Err(bad("no OMLIST header"));
    }
    check_header(&head)?;
    let same_data = head[8..16] == data_fingerprint().to_le_bytes();
    let g = Gazetteer::global();
    let mut s = Stream { src: &*source, buf: Vec::new(), filled: 0, at: 16, pos: 0 };
    let meta = s.parse(read_meta).ok_or_else(|| bad("list settings"))?;
    let count = s.parse(|r| usize::try_from(r.varint()?).ok()).ok_or_else(|| bad("project count"))?;
    // A record takes more than 16 bytes: a larger count is damage, not a reason to reserve memory.
    if count > source.len() / 16 {
        return Err(bad("project count"));
    }
    let start = s.offset();
    let mut facets = FacetCounter::default();
    let mut offsets: Vec<u32> = Vec::with_capacity(count + 1);
    let mut ids = super::store::IdTable::with_capacity(count);
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
    let index = if same_data { MatchIndex::read_from(&mut &rest[..], count) } else { None };
    drop(rest);
    let records = source.narrow(start, end);
    Ok((meta, ProjectStore::compact(records, offsets, ids), facets.finish(), index))
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::list::load_bytes;

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
        assert!(matches!(kept.projects(), ProjectStore::Compact(_)));
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
        let mut t = super::super::store::IdTable::with_capacity(4);
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
