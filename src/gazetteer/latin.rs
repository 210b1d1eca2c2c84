//! Latin-script region text: pinyin and English names, matched word by word (`hong kong` →
//! `hongkong`), with near misses by edit distance over the region vocabulary (`Chengdou`).

use super::data::{latin_key, Target};
use super::folded::{is_sep, Folded};
use super::{Gazetteer, PlaceNote, PlaceResolution, RegionId, RegionQuery};
use crate::fold::is_cjk;

const LATIN_CONJUNCTIONS: &[&str] = &["and", "or", "plus"];
/// Latin words that add nothing to a region (`Chengdu City`, `Sichuan Province`).
#[rustfmt::skip]
const LATIN_STOPWORDS: &[&str] = &[
    "city", "province", "prefecture", "district", "county", "municipality", "autonomous", "region", "regions",
    "area", "areas", "sar", "special", "administrative", "the", "of", "in", "near", "around", "china", "prc",
    "mainland", "shi", "sheng", "pr", "anywhere", "somewhere", "all", "whole", "entire", "across", "within", "preferably", "nationwide", "everywhere", "any",
    "ideally", "greater", "metro", "metropolitan", "surrounding", "nearby", "vicinity", "outskirts", "suburbs", "island",
];

/// English words for a side of a place (`southern Sichuan`, `north of Chengdu`): the place is read
/// whole, with a [`PlaceNote::PartOfPlace`], unless the words together are a name (`western China`,
/// `southern Jiangsu` is 苏南).
const LATIN_SIDES: &[&str] = &[
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
];
/// Words between a side and its place (`north of Chengdu`, `the western part of Sichuan`).
const LATIN_SIDE_LINKS: &[&str] = &["of", "part", "parts", "the"];

impl Gazetteer {
    /// A near-miss Latin name: edit distance 1 (2 from eight letters), same first letter
    /// (`chengdou` → Chengdu). Ties go to the higher level, else nothing.
    fn near_latin(&self, typed: &str) -> Option<RegionId> {
        let n = typed.chars().count();
        if n < 5 {
            return None;
        }
        let max = if n >= 8 { 2 } else { 1 };
        let first = typed.chars().next()?;
        let mut best = (max + 1, Vec::new());
        for (key, id) in &self.latin_names().vocab {
            if key.len().abs_diff(typed.len()) > max || !key.starts_with(first) {
                continue;
            }
            let d = strsim::osa_distance(key, typed);
            if d < best.0 {
                best = (d, vec![*id]);
            } else if d == best.0 && !best.1.contains(id) {
                best.1.push(*id);
            }
        }
        if best.0 > max {
            return None;
        }
        self.choose(&best.1).ok()
    }

    /// A project's region in Latin script: all names must lie on one path (`Shuangliu, Chengdu`);
    /// unknown words are kept as the park.
    pub(super) fn latin_place(&self, t: &Folded, start: usize, end: usize) -> PlaceResolution {
        let mut out = PlaceResolution::default();
        let words = latin_words(t, start, end);
        let items = self.latin_items(t, &words, false);
        let mut place: Option<Vec<RegionId>> = None;
        let mut park: Vec<String> = Vec::new();
        for item in items {
            match item {
                LatinItem::Match { targets, typed, near, .. } => {
                    let ids: Vec<RegionId> = targets
                        .iter()
                        .filter_map(|t| match t {
                            Target::Region(id) => Some(*id),
                            Target::Zone(_) => None,
                        })
                        .collect();
                    if ids.is_empty() {
                        park.push(typed);
                        continue;
                    }
                    let merged = match &place {
                        None => Some(ids.clone()),
                        Some(p) => self.merge(p, &ids),
                    };
                    match merged {
                        Some(m) => {
                            if near {
                                if let Ok(id) = self.choose(&ids) {
                                    out.notes.push(PlaceNote::NearMiss { typed, chosen: id });
                                }
                            }
                            place = Some(m);
                        }
                        None => park.push(typed),
                    }
                }
                LatinItem::Unknown(text) | LatinItem::Side(text) => park.push(text),
            }
        }
        let Some(cands) = place else { return out };
        match self.choose(&cands) {
            Ok(id) => out.region = Some(id),
            Err(c) => {
                out.notes.push(PlaceNote::Ambiguous { name: t.original(start, end), candidates: c });
                return out;
            }
        }
        if !park.is_empty() {
            let rest = park.join(" ");
            out.park = Some(rest.clone());
            out.notes.push(PlaceNote::RestKeptAsPark { rest });
        }
        out
    }

    /// Two names of one path in either order (`Chengdu, Sichuan`, `Sichuan Chengdu`): the readings
    /// of each that lie inside a reading of the other, strictly inside if there are such (`Hetian,
    /// Hotan` is the city 和田市 in the prefecture 和田地区); `None` when they are not on one path.
    fn merge(&self, a: &[RegionId], b: &[RegionId]) -> Option<Vec<RegionId>> {
        let inside = |x: RegionId, set: &[RegionId], strict: bool| set.iter().any(|&y| self.is_within(x, y) && !(strict && x == y));
        for strict in [true, false] {
            let mut m: Vec<RegionId> =
                a.iter().filter(|&&x| inside(x, b, strict)).chain(b.iter().filter(|&&y| inside(y, a, strict))).copied().collect();
            crate::sort::sort(&mut m);
            m.dedup();
            if !m.is_empty() {
                return Some(m);
            }
        }
        None
    }

    /// Latin words matched greedily against the Latin names (up to four words joined), with
    /// near misses for what is left; in a query (`complete`), a partial name first resolves to the
    /// first type-ahead suggestion for it ([`Gazetteer::suggest`]), so that what is resolved is
    /// what the suggestions showed first (`Cheng` is the first suggestion, not 册亨 by edit distance).
    fn latin_items(&self, t: &Folded, words: &[Word], complete: bool) -> Vec<LatinItem> {
        let mut items = Vec::new();
        let mut unknown: Vec<usize> = Vec::new();
        let mut i = 0;
        let mut brk = false;
        while i < words.len() {
            let w = t.key(words[i].start, words[i].end);
            brk |= words[i].brk;
            // `southern Sichuan`, `north of Chengdu`: a side of the place after it, unless the words
            // from here are one name (`western China`).
            if complete
                && LATIN_SIDES.contains(&w)
                && (2..=4.min(words.len() - i)).all(|k| self.latin_targets(t, &words[i..i + k]).is_empty())
            {
                let mut j = i + 1;
                while j < words.len() && !words[j].brk && LATIN_SIDE_LINKS.contains(&t.key(words[j].start, words[j].end)) {
                    j += 1;
                }
                let names_a_place =
                    |k: usize| self.latin_targets(t, &words[j..j + k]).iter().any(|target| matches!(target, Target::Region(_)));
                if j < words.len() && !words[j].brk && (1..=4.min(words.len() - j)).any(names_a_place) {
                    self.flush_unknown(t, words, &mut unknown, &mut items, complete);
                    items.push(LatinItem::Side(t.original(words[i].start, words[j - 1].end)));
                    i = j;
                    continue;
                }
            }
            let mut matched = false;
            for k in (1..=4.min(words.len() - i)).rev() {
                let group = &words[i..i + k];
                let targets = self.latin_targets(t, group);
                if !targets.is_empty() {
                    self.flush_unknown(t, words, &mut unknown, &mut items, complete);
                    let typed = t.original(group[0].start, group[k - 1].end);
                    items.push(LatinItem::Match { targets, typed, near: false, brk: std::mem::take(&mut brk) });
                    i += k;
                    matched = true;
                    break;
                }
            }
            if !matched && LATIN_CONJUNCTIONS.contains(&w) {
                self.flush_unknown(t, words, &mut unknown, &mut items, complete);
                brk = true;
                i += 1;
            } else if !matched {
                if !LATIN_STOPWORDS.contains(&w) {
                    if words[i].brk {
                        self.flush_unknown(t, words, &mut unknown, &mut items, complete);
                    }
                    unknown.push(i);
                }
                i += 1;
            }
        }
        self.flush_unknown(t, words, &mut unknown, &mut items, complete);
        items
    }

    /// What the words of `group` name together: a code, or a Latin name (nothing when a
    /// conjunction or comma sits inside: `Central and Western` is one name, `Chengdu, Chongqing` two).
    fn latin_targets(&self, t: &Folded, group: &[Word]) -> Vec<Target> {
        if group.iter().skip(1).any(|g| g.brk || g.comma) {
            return Vec::new();
        }
        let key: String = group.iter().map(|g| latin_key(t.key(g.start, g.end))).collect();
        if group.len() == 1 && key.len() == 6 && key.bytes().all(|b| b.is_ascii_digit()) {
            self.code_text(&key).map(Target::Region).into_iter().collect()
        } else {
            self.latin_names().map.get(&key).map(|e| e.iter().map(|e| e.target).collect()).unwrap_or_default()
        }
    }

    /// Turns a stretch of unknown words into a near-miss match or an unknown item.
    fn flush_unknown(&self, t: &Folded, words: &[Word], unknown: &mut Vec<usize>, items: &mut Vec<LatinItem>, complete: bool) {
        if unknown.is_empty() {
            return;
        }
        let first = unknown[0];
        let last = *unknown.last().unwrap_or(&first);
        let joined: String = unknown.iter().map(|&i| latin_key(t.key(words[i].start, words[i].end))).collect();
        // The start of a name (three letters or more): the first suggestion, the one shown first.
        if complete && unknown.len() <= 3 && joined.len() >= 3 && joined.bytes().all(|b| b.is_ascii_alphabetic()) {
            if let Some(s) = self.suggest(&joined, 1).first() {
                let target = match *s {
                    super::Suggestion::Region(id) => Target::Region(id),
                    super::Suggestion::Zone(z) => Target::Zone(z),
                };
                items.push(LatinItem::Match {
                    targets: vec![target],
                    typed: t.original(words[first].start, words[last].end),
                    near: true,
                    brk: words[first].brk,
                });
                unknown.clear();
                return;
            }
        }
        if unknown.len() <= 3 {
            if let Some(id) = self.near_latin(&joined) {
                items.push(LatinItem::Match {
                    targets: vec![Target::Region(id)],
                    typed: t.original(words[first].start, words[last].end),
                    near: true,
                    brk: words[first].brk,
                });
                unknown.clear();
                return;
            }
        }
        let mut rest: Vec<usize> = Vec::new();
        for &i in unknown.iter() {
            let key = latin_key(t.key(words[i].start, words[i].end));
            match self.near_latin(&key) {
                Some(id) if unknown.len() > 1 => {
                    if !rest.is_empty() {
                        items.push(LatinItem::Unknown(join_words(t, words, &rest)));
                        rest.clear();
                    }
                    items.push(LatinItem::Match {
                        targets: vec![Target::Region(id)],
                        typed: t.original(words[i].start, words[i].end),
                        near: true,
                        brk: words[i].brk,
                    });
                }
                _ => rest.push(i),
            }
        }
        if !rest.is_empty() {
            items.push(LatinItem::Unknown(join_words(t, words, &rest)));
        }
        unknown.clear();
    }

    /// The Latin part of a query: places (consecutive names on one path merge: `Chengdu, Sichuan`),
    /// zones, near misses, and what was not understood.
    pub(super) fn query_latin(&self, t: &Folded, words: Vec<Word>, out: &mut RegionQuery) {
        if words.is_empty() {
            return;
        }
        let mut places: Vec<(Vec<RegionId>, String)> = Vec::new();
        let mut can_merge = false;
        let mut side: Option<String> = None;
        for item in self.latin_items(t, &words, true) {
            match item {
                LatinItem::Side(part) => {
                    side = Some(part);
                    can_merge = false;
                }
                LatinItem::Match { targets, typed, near, brk } => {
                    let zones: Vec<usize> = targets
                        .iter()
                        .filter_map(|t| match t {
                            Target::Zone(z) => Some(*z),
                            Target::Region(_) => None,
                        })
                        .collect();
                    if !zones.is_empty() {
                        out.zones.extend(zones);
                        can_merge = false;
                        continue;
                    }
                    let ids: Vec<RegionId> = targets
                        .iter()
                        .filter_map(|t| match t {
                            Target::Region(id) => Some(*id),
                            Target::Zone(_) => None,
                        })
                        .collect();
                    if near {
                        if let Ok(id) = self.choose(&ids) {
                            out.notes.push(PlaceNote::NearMiss { typed: typed.clone(), chosen: id });
                        }
                    }
                    if let (Some(part), Ok(place)) = (side.take(), self.choose(&ids)) {
                        out.notes.push(PlaceNote::PartOfPlace { part, place });
                    }
                    if can_merge && !brk {
                        if let Some(last) = places.last_mut() {
                            if let Some(m) = self.merge(&last.0, &ids) {
                                last.0 = m;
                                continue;
                            }
                        }
                    }
                    places.push((ids, typed));
                    can_merge = true;
                }
                LatinItem::Unknown(text) => {
                    out.not_understood.push(text);
                    can_merge = false;
                }
            }
        }
        for (cands, typed) in places {
            self.finish_query_place(&cands, typed, out);
        }
    }
}

/// A Latin word: positions in the folded text; `brk` when a list break (`;`, `/`, `and`) precedes it,
/// `comma` when a comma does (a comma may join a path, `Shuangliu, Chengdu`, but never sits inside
/// one name: `Chengdu, Chongqing` is two cities, not the zone `Chengdu-Chongqing`).
pub(super) struct Word {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) brk: bool,
    pub(super) comma: bool,
}

enum LatinItem {
    Match {
        targets: Vec<Target>,
        typed: String,
        near: bool,
        brk: bool,
    },
    /// A side of the place named next (`southern`, `north of`), as typed.
    Side(String),
    Unknown(String),
}

fn latin_words(t: &Folded, start: usize, end: usize) -> Vec<Word> {
    let mut words = Vec::new();
    let mut pos = start;
    let (mut brk, mut comma) = (false, false);
    while pos < end {
        let c = t.chars[pos];
        if is_sep(c) || is_cjk(c) {
            if !c.is_whitespace() && c != ',' && c != '\'' && c != '-' && c != '.' {
                brk = true;
            }
            comma |= c == ',';
            pos += 1;
            continue;
        }
        let mut e = pos;
        while e < end && !is_sep(t.chars[e]) && !is_cjk(t.chars[e]) {
            e += 1;
        }
        words.push(Word { start: pos, end: e, brk: std::mem::take(&mut brk), comma: std::mem::take(&mut comma) });
        pos = e;
    }
    words
}

fn join_words(t: &Folded, words: &[Word], idx: &[usize]) -> String {
    idx.iter().map(|&i| t.original(words[i].start, words[i].end)).collect::<Vec<_>>().join(" ")
}
