//! Park and development-zone names in English, for an English page: `成都高新西区` → "Chengdu
//! High-tech West Zone", `双流综合保税区` → "Shuangliu Comprehensive Bonded Zone",
//! `中国（四川）自由贸易试验区` → "China (Sichuan) Pilot Free Trade Zone".
//!
//! A name is cut into known parts — place names of the gazetteer (their English name or pinyin)
//! and the words of `data/zone-suffixes.tsv` (curated: 经济技术开发区, 新区, 综合保税区, 产业园, 高新,
//! 东 …) — and must end in a kind of area (a `suffix` of the table, or a zone of the gazetteer).
//! When any part is unknown the answer is `None`: the caller keeps the Chinese name (and marks it
//! as Chinese), rather than showing half a translation.

use super::data::Target;
use super::folded::Folded;
use super::Gazetteer;
use super::Level;
use crate::fold::fold;
use crate::hash::FxMap;
use std::sync::OnceLock;

/// One word of the zone table.
struct ZoneWord {
    english: &'static str,
    /// A kind of area, which can end a name.
    suffix: bool,
}

/// The zone table by folded Chinese word, and its longest word in characters.
struct ZoneWords {
    words: FxMap<String, ZoneWord>,
    longest: usize,
}

fn zone_words() -> &'static ZoneWords {
    static W: OnceLock<ZoneWords> = OnceLock::new();
    W.get_or_init(|| {
        let mut words = FxMap::default();
        let mut longest = 0;
        // build.rs checks every line (build/data_checks.rs `zone_suffixes_line`).
        for line in include_str!("../../data/zone-suffixes.tsv").lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
            let f: Vec<&'static str> = line.split('\t').collect();
            let [kind, hans, hant, english] = f[..] else { continue };
            for chinese in [hans, hant] {
                let key = fold(chinese);
                longest = longest.max(key.chars().count());
                words.entry(key).or_insert(ZoneWord { english, suffix: kind == "suffix" });
            }
        }
        ZoneWords { words, longest }
    })
}

/// True when the folded text is only a kind of area, with no name of its own (`经开区`, `新区`,
/// `工业园区`): what follows a place name in `岳阳经开区`, which is that place's zone.
///
/// ```
/// use opportunity_matcher::gazetteer::is_bare_area_kind;
/// assert!(is_bare_area_kind("经开区") && is_bare_area_kind("新区"));
/// assert!(!is_bare_area_kind("成都芯谷"));
/// ```
pub fn is_bare_area_kind(folded: &str) -> bool {
    zone_words().words.get(folded).is_some_and(|w| w.suffix)
}

/// True when the folded text ends with a kind of area of two characters or more (`经开区`,
/// `工业园区`, `新区` …), or is one: the name of a park or zone, known or not. A lone `区` is no
/// such word (`双留区` may be a district misspelt).
///
/// ```
/// use opportunity_matcher::gazetteer::ends_with_area_kind;
/// assert!(ends_with_area_kind("高新区") && ends_with_area_kind("临港工业园区"));
/// assert!(!ends_with_area_kind("成都芯谷") && !ends_with_area_kind("区") && !ends_with_area_kind("双留区"));
/// ```
pub fn ends_with_area_kind(folded: &str) -> bool {
    let w = zone_words();
    // Only the last few characters are looked at: a hostile cell of megabytes costs nothing.
    folded.char_indices().rev().skip(1).take(w.longest).any(|(i, _)| w.words.get(&folded[i..]).is_some_and(|z| z.suffix))
}

/// A piece of the English name.
#[derive(Clone, Debug)]
enum Piece {
    Word(String),
    Open,
    Close,
}

/// The best way found to read the text up to one position.
#[derive(Clone)]
struct Reading {
    /// Parts used (fewer is better: the longest known words win).
    parts: usize,
    pieces: Vec<Piece>,
    /// The last word read is a kind of area.
    ends_in_area: bool,
}

/// Longest name looked up in the gazetteer, in characters.
const LONGEST_NAME: usize = 16;

impl Gazetteer {
    /// The English name of a park or development zone, when every part of it is known: place names
    /// from the gazetteer, the other words from the zone table (`data/zone-suffixes.tsv`), ending in
    /// a kind of area. Simplified or Traditional; Latin text in it is kept. `None` otherwise.
    ///
    /// ```
    /// use opportunity_matcher::gazetteer::Gazetteer;
    /// let g = Gazetteer::global();
    /// assert_eq!(g.english_zone_name("成都高新西区").as_deref(), Some("Chengdu High-tech West Zone"));
    /// assert_eq!(g.english_zone_name("德陽經濟技術開發區").as_deref(), Some("Deyang Economic and Technological Development Zone"));
    /// assert_eq!(g.english_zone_name("宜宾白酒产业园"), None); // 白酒 is not a place or a zone word
    /// assert_eq!(g.english_zone_name("成都鹿溪智谷"), None); // no kind of area at the end
    /// ```
    pub fn english_zone_name(&self, text: &str) -> Option<String> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        let t = Folded::new(text);
        let n = t.len();
        let table = zone_words();
        // best[i][a]: the best reading of the first i characters whose last word is (a = 1) or is
        // not (a = 0) a kind of area (西区 is a district's name, and also 西 + 区).
        let mut best: Vec<[Option<Reading>; 2]> = vec![[None, None]; n + 1];
        best[0][0] = Some(Reading { parts: 0, pieces: Vec::new(), ends_in_area: false });
        for i in 0..n {
            let steps = self.steps(&t, i, table);
            for here in best[i].clone().into_iter().flatten() {
                for (end, piece, area) in &steps {
                    let mut next = here.clone();
                    next.pieces.extend(piece.iter().cloned());
                    if let Some(a) = *area {
                        next.parts += 1;
                        next.ends_in_area = a;
                    }
                    let slot = &mut best[*end][usize::from(next.ends_in_area)];
                    if slot.as_ref().is_none_or(|b| next.parts < b.parts) {
                        *slot = Some(next);
                    }
                }
            }
        }
        let reading = best[n][1].take()?;
        let mut out = String::new();
        for piece in reading.pieces {
            match piece {
                Piece::Open => {
                    if !out.is_empty() {
                        out.push(' ');
                    }
                    out.push('(');
                }
                Piece::Close => out.push(')'),
                Piece::Word(w) => {
                    if !out.is_empty() && !out.ends_with('(') {
                        out.push(' ');
                    }
                    out.push_str(&w);
                }
            }
        }
        Some(out)
    }

    /// Every way to read on from character `i`: where the part ends, what it adds to the English,
    /// and whether it is a word that is (`Some(true)`) or is not (`Some(false)`) a kind of area
    /// (`None`: punctuation, not a word).
    fn steps(&self, t: &Folded, i: usize, table: &ZoneWords) -> Vec<(usize, Option<Piece>, Option<bool>)> {
        let n = t.len();
        match t.chars[i] {
            '(' | '（' | '[' | '【' => vec![(i + 1, Some(Piece::Open), None)],
            ')' | '）' | ']' | '】' => vec![(i + 1, Some(Piece::Close), None)],
            c if c.is_whitespace() || matches!(c, '·' | '・' | '-' | '–' | '—') => vec![(i + 1, None, None)],
            c if c.is_ascii_alphanumeric() => {
                // A Latin word or a number is kept as written (`5G`, `Phase 2`).
                let mut end = i;
                while end < n && (t.chars[end].is_ascii_alphanumeric() || t.chars[end] == '.') {
                    end += 1;
                }
                vec![(end, Some(Piece::Word(t.orig[i..end].iter().collect())), Some(false))]
            }
            _ => {
                let mut steps = Vec::new();
                for end in i + 1..=n.min(i + table.longest.max(LONGEST_NAME)) {
                    let key = t.key(i, end);
                    if let Some(w) = table.words.get(key) {
                        steps.push((end, Some(Piece::Word(w.english.to_string())), Some(w.suffix)));
                    } else if end - i >= 2 {
                        if let Some((english, zone)) = self.english_place(key) {
                            steps.push((end, Some(Piece::Word(english)), Some(zone)));
                        }
                    }
                }
                steps
            }
        }
    }

    /// The English of a place name found inside a park's name (folded), and whether it is a zone
    /// (a kind of area itself). A zone counts by its full name only (its short form is a name of
    /// its own, `天府` of 天府新区); a name that several places bear counts when they share their
    /// English name (`朝阳区` is "Chaoyang" in Beijing and in Changchun).
    fn english_place(&self, key: &str) -> Option<(String, bool)> {
        let entries = self.names.cjk.get(key)?;
        let mut found: Option<(String, bool)> = None;
        for e in entries {
            let (english, zone) = match e.target {
                Target::Region(id) => {
                    let r = self.region(id);
                    let full = fold(&r.name) == key || fold(&r.name_hant) == key;
                    if r.level == Level::Zone && !full {
                        continue;
                    }
                    (r.name_en.clone(), r.level == Level::Zone)
                }
                Target::Zone(z) => {
                    let zone = &self.zones[z];
                    if fold(&zone.name) != key {
                        continue;
                    }
                    (zone.name_en.clone(), true)
                }
            };
            match &found {
                Some((other, _)) if *other != english => return None,
                _ => found = Some((english, zone)),
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use crate::gazetteer::Gazetteer;

    fn en(text: &str) -> Option<String> {
        Gazetteer::global().english_zone_name(text)
    }

    #[test]
    fn zone_names_read_as_their_parts_in_english() {
        for (chinese, english) in [
            ("成都经济技术开发区", "Chengdu Economic and Technological Development Zone"),
            ("遂宁经济技术开发区", "Suining Economic and Technological Development Zone"),
            ("广汉经济开发区", "Guanghan Economic Development Zone"),
            ("双流综合保税区", "Shuangliu Comprehensive Bonded Zone"),
            ("眉山经济开发区新区", "Meishan Economic Development Zone New Area"),
            ("成都国际铁路港", "Chengdu International Railway Port"),
            ("资阳高新区", "Ziyang High-tech Zone"),
            ("绵阳高新技术产业开发区", "Mianyang High-tech Industrial Development Zone"),
            ("中国（四川）自由贸易试验区", "China (Sichuan) Pilot Free Trade Zone"),
        ] {
            assert_eq!(en(chinese).as_deref(), Some(english), "{chinese}");
        }
    }

    #[test]
    fn a_zone_of_the_gazetteer_is_named_as_the_gazetteer_names_it() {
        let g = Gazetteer::global();
        let zone = g.regions().find(|(_, r)| r.name == "天府新区").map(|(_, r)| r.name_en.clone()).unwrap();
        assert_eq!(en("天府新区").as_deref(), Some(zone.as_str()));
        assert_eq!(en("天府新區").as_deref(), Some(zone.as_str()), "Traditional too");
    }

    #[test]
    fn traditional_characters_and_latin_parts_are_read_too() {
        assert_eq!(en("成都高新西區").as_deref(), Some("Chengdu High-tech West Zone"));
        assert_eq!(en("成都高新区 5G 产业园").as_deref(), Some("Chengdu Hi-tech Zone 5G Industrial Park"));
    }

    #[test]
    fn a_name_with_any_unknown_part_stays_chinese() {
        for chinese in
            ["宜宾白酒产业园", "成都鹿溪智谷", "泸州酒业集中发展区", "交子公园金融商务区", "西永微电子产业园区", "", "  ", "成都", "高新"]
        {
            assert_eq!(en(chinese), None, "{chinese:?}");
        }
    }
}
