//! Project records and list settings in the `.oml` form: written field by field, read back
//! borrowed from the bytes ([`ProjectRef`], no allocation) and checked as strictly as the text
//! readers check a row, then decoded into a [`Project`] only when one is shown.

use super::codec::{opt_text, text, Reader, Strs, Writer, CURRENCIES};
use crate::gazetteer::{Gazetteer, RegionId};
use crate::hash::Fnv;
use crate::list::{ListMeta, Project};
use crate::money::{Amount, Bound, Currency};

/// Appends one project record.
pub(super) fn write_project(w: &mut Writer, p: &Project, g: &Gazetteer) {
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
    for s in
        [&p.description, &p.description_en, &p.benefits, &p.policies, &p.contact_org, &p.contact_name, &p.contact_phone, &p.contact_email]
    {
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

/// Appends the list's settings.
pub(super) fn write_meta(w: &mut Writer, meta: &ListMeta) {
    let m = meta;
    for s in [&m.title, &m.publisher, &m.updated, &m.notice] {
        w.opt_str(s);
    }
    w.str(m.currency.code());
    for c in &CURRENCIES[1..] {
        w.opt_f64(Some(m.fx.rate(*c)));
    }
}

/// One stored project, borrowed from the bytes. Reading it checks the structure, the amounts,
/// the place code, and the id, name and link (UTF-8, a non-blank name, an http(s) link) without
/// allocating, so a list of any size is scanned at load at the speed of reading it; the other
/// texts, the bulk of the bytes, are only decoded (lossily) when a project is shown.
pub(super) struct ProjectRef<'a> {
    pub(super) id: &'a str,
    pub(super) name: &'a str,
    pub(super) name_en: Option<&'a [u8]>,
    pub(super) sector: &'a [u8],
    pub(super) tags: Strs<'a>,
    pub(super) region_text: &'a [u8],
    pub(super) region: RegionId,
    pub(super) park: Option<&'a [u8]>,
    pub(super) investment: Option<Amount>,
    pub(super) seeking: Option<Amount>,
    pub(super) cooperation: Strs<'a>,
    pub(super) stage: Option<&'a [u8]>,
    pub(super) land_mu: Option<f64>,
    /// description, description_en, benefits, policies, contact org, name, phone, email.
    pub(super) texts: [Option<&'a [u8]>; 8],
    pub(super) priority: Option<u8>,
    pub(super) irr_pct: Option<f64>,
    pub(super) payback_years: Option<f64>,
    pub(super) jobs: Option<u64>,
    pub(super) annual_output: Option<Amount>,
    pub(super) updated: Option<&'a [u8]>,
    pub(super) url: Option<&'a str>,
    pub(super) row: usize,
}

pub(super) fn read_project<'a>(r: &mut Reader<'a>, g: &Gazetteer) -> Option<ProjectRef<'a>> {
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
    let url_ok = url.is_none_or(crate::list::validate::is_safe_url);
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
/// split on (white space, a list separator, or known modes written together).
pub(super) fn is_single_mode(mode: &str) -> bool {
    !mode.is_empty()
        && !mode.chars().any(|c| c.is_whitespace() || crate::list::validate::LIST_SEPARATORS.contains(c))
        && crate::terms::split_joined_modes(mode).is_none()
}

/// Cooperation modes normalised as the JSON reader normalises a list of them (`PPP 合资` is two).
pub(super) fn cooperation_modes(stored: Strs) -> Vec<String> {
    crate::list::validate::split_modes(&crate::list::Cell::List(stored.to_vec().into()))
}

use crate::list::validate::{keep, one_line, project_name};

impl ProjectRef<'_> {
    pub(super) fn to_project(&self) -> Project {
        let s = opt_text;
        let [description, description_en, benefits, policies, contact_org, contact_name, contact_phone, contact_email] = self.texts.map(s);
        Project {
            id: self.id.to_owned(),
            // On one line, as validation reads them (a file written before it did, or by hand).
            name: project_name(self.name.to_owned()),
            name_en: s(self.name_en).map(one_line),
            sector: one_line(text(self.sector)),
            tags: self.tags.to_vec(),
            region_text: text(self.region_text),
            region: self.region,
            park: s(self.park).map(one_line),
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
            updated: s(self.updated).and_then(|d| crate::list::validate::parse_date(&d)),
            url: self.url.map(str::to_owned),
            row: self.row,
        }
    }
}

/// The list's settings, normalised by the same function as a JSON list's (texts trimmed, the date
/// read as a date, only usable exchange rates), so that they survive `convert` unchanged.
pub(super) fn read_meta(r: &mut Reader) -> Option<ListMeta> {
    let s = |x: Option<&str>| x.map(str::to_owned);
    let (title, publisher, updated, notice) = (s(r.opt_str()?), s(r.opt_str()?), s(r.opt_str()?), s(r.opt_str()?));
    let currency = Currency::from_code(r.str()?)?;
    let mut fx = Vec::new();
    for c in &CURRENCIES[1..] {
        if let Some(rate) = r.opt_f64()? {
            fx.push((c.code().to_string(), serde_json::Value::from(rate)));
        }
    }
    let raw = crate::list::raw::JsonMeta {
        title,
        publisher,
        updated,
        currency: Some(currency.code().to_string()),
        fx,
        notice,
        titles: Vec::new(),
    };
    Some(crate::list::validate::list_meta(raw, &mut Vec::new()))
}

/// A hash of a project id (FNV-1a), for finding a project by id without keeping the ids.
pub(super) fn id_hash(id: &str) -> u64 {
    let mut h = Fnv::default();
    h.bytes(id.as_bytes());
    std::hash::Hasher::finish(&h)
}

/// Decodes the project stored at `bytes` (one record), or `None` when the bytes are not one.
pub(super) fn decode_project(bytes: &[u8]) -> Option<Project> {
    let mut r = Reader(bytes);
    read_project(&mut r, Gazetteer::global()).filter(|_| r.0.is_empty()).map(|p| p.to_project())
}

/// The id of the project stored at `bytes`, without decoding the rest into strings.
pub(super) fn decode_id(bytes: &[u8]) -> Option<String> {
    Reader(bytes).str().map(|id| id.trim().to_owned())
}
