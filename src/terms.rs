//! The usual values of a list's cooperation and stage fields (独资, 合资, PPP …; 策划, 在谈, 在建 …) in
//! the three display languages, from the curated table `data/list-terms.tsv`. A value is recognised
//! in any script (合資 is 合资); a value the table does not hold has no translation, and the caller
//! shows it as written.
//!
//! ```
//! use opportunity_matcher::{terms::translate, Lang};
//! assert_eq!(translate("合資", Lang::En), Some("Joint venture"));
//! assert_eq!(translate("在谈", Lang::ZhHant), Some("在談"));
//! assert_eq!(translate("代持", Lang::En), None);
//! ```

use crate::fold::fold;
use crate::hash::FxMap;
use crate::Lang;
use std::sync::OnceLock;

/// Which field a term is a value of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TermKind {
    Cooperation,
    Stage,
}

/// One value in three languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    pub kind: TermKind,
    pub hans: &'static str,
    pub hant: &'static str,
    pub en: &'static str,
}

impl Term {
    /// The value in `lang`.
    pub fn label(&self, lang: Lang) -> &'static str {
        lang.pick(self.hans, self.hant, self.en)
    }
}

struct Table {
    terms: Vec<Term>,
    /// Folded Simplified and Traditional forms → index into `terms`.
    by_folded: FxMap<String, usize>,
}

fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        let mut terms = Vec::new();
        let mut by_folded = FxMap::default();
        // build.rs checks every line (build/data_checks.rs `list_terms_line`).
        for line in include_str!("../data/list-terms.tsv").lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
            let f: Vec<&'static str> = line.split('\t').collect();
            let [kind, hans, hant, en] = f[..] else { continue };
            let kind = if kind == "stage" { TermKind::Stage } else { TermKind::Cooperation };
            for form in [hans, hant] {
                by_folded.entry(fold(form)).or_insert(terms.len());
            }
            terms.push(Term { kind, hans, hant, en });
        }
        Table { terms, by_folded }
    })
}

/// The table's entry for a list value (any script, width or case), if it has one.
///
/// ```
/// use opportunity_matcher::terms::{lookup, TermKind};
/// assert_eq!(lookup(" ppp ").map(|t| t.kind), Some(TermKind::Cooperation));
/// assert_eq!(lookup("簽約").map(|t| t.hans), Some("签约"));
/// ```
pub fn lookup(value: &str) -> Option<&'static Term> {
    let t = table();
    t.by_folded.get(&fold(value)).map(|&i| &t.terms[i])
}

/// A list value in `lang`, if the table knows it.
pub fn translate(value: &str, lang: Lang) -> Option<&'static str> {
    lookup(value).map(|t| t.label(lang))
}

/// Words that join or close cooperation modes written in one cell (`独资或合资`, `合资、合作均可`,
/// `PPP模式`): read between known modes, they are no mode of their own. Folded (Simplified) forms.
const MODE_GLUE: [&str; 16] =
    ["或者", "或", "以及", "及", "和", "与", "等方式", "等", "均可", "皆可", "都可", "均可以", "方式", "模式", "形式", "可"];

/// The longest cell text read as joined modes; longer is a sentence, kept as written.
const MAX_JOINED_CHARS: usize = 24;

/// Cooperation modes written together in one piece of a cell, without a list separator: the known
/// modes it is made of, as written, when the whole piece is known modes and joining words
/// (`独资或合资` → `独资`, `合资`; `合資合作` → `合資`, `合作`; `PPP模式` → `PPP`). `None` when the piece
/// is one known mode (`合作经营` stays whole) or holds anything else (`股权合作或整体转让`: 整体转让
/// is not a known mode, so the text is kept as the list wrote it).
///
/// ```
/// use opportunity_matcher::terms::split_joined_modes;
/// assert_eq!(split_joined_modes("独资或合资"), Some(vec!["独资", "合资"]));
/// assert_eq!(split_joined_modes("合資、"), None); // separators are split before
/// assert_eq!(split_joined_modes("BOT模式"), Some(vec!["BOT"]));
/// assert_eq!(split_joined_modes("合作经营"), None);
/// assert_eq!(split_joined_modes("股权合作或整体转让"), None);
/// ```
pub fn split_joined_modes(text: &str) -> Option<Vec<&str>> {
    let text = text.trim();
    // Two characters are one mode or none (`合资`, `PPP` is three but has no joining word).
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    if chars.len() < 3 || chars.len() > MAX_JOINED_CHARS || !text.chars().any(crate::fold::is_cjk) || lookup(text).is_some() {
        return None;
    }
    let is_mode = |piece: &str| lookup(piece).is_some_and(|t| t.kind == TermKind::Cooperation);
    let n = chars.len();
    let at = |i: usize| chars.get(i).map_or(text.len(), |c| c.0);
    // Fewest pieces covering the text: best[i] = (pieces, start of the last piece, is a mode).
    let mut best: Vec<Option<(usize, usize, bool)>> = vec![None; n + 1];
    best[0] = Some((0, 0, false));
    for end in 1..=n {
        for start in 0..end {
            let Some((pieces, _, _)) = best[start] else { continue };
            let piece = &text[at(start)..at(end)];
            let mode = is_mode(piece);
            if !mode && !MODE_GLUE.contains(&fold(piece).as_str()) {
                continue;
            }
            if best[end].is_none_or(|(p, _, _)| pieces + 1 < p) {
                best[end] = Some((pieces + 1, start, mode));
            }
        }
    }
    best[n]?;
    let mut modes = Vec::new();
    let mut end = n;
    while end > 0 {
        let (_, start, mode) = best[end]?;
        if mode {
            modes.push(&text[at(start)..at(end)]);
        }
        end = start;
    }
    modes.reverse();
    (!modes.is_empty()).then_some(modes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_usual_values_are_known_in_every_script_and_language() {
        for (value, hans, hant, en) in [
            ("合资", "合资", "合資", "Joint venture"),
            ("合資", "合资", "合資", "Joint venture"),
            ("独资", "独资", "獨資", "Sole proprietorship"),
            ("股权合作", "股权合作", "股權合作", "Equity partnership"),
            ("PPP", "PPP", "PPP", "Public-private partnership (PPP)"),
            ("租赁", "租赁", "租賃", "Lease"),
            ("在談", "在谈", "在談", "In negotiation"),
            ("策划", "策划", "策劃", "Planning"),
            ("储备", "储备", "儲備", "Reserve"),
            ("签约", "签约", "簽約", "Signed"),
        ] {
            assert_eq!([ZH, HT, EN].map(|l| translate(value, l)), [Some(hans), Some(hant), Some(en)], "{value}");
        }
    }

    const ZH: Lang = Lang::ZhHans;
    const HT: Lang = Lang::ZhHant;
    const EN: Lang = Lang::En;

    #[test]
    fn every_entry_reads_back_from_each_of_its_chinese_forms() {
        for t in &table().terms {
            assert_eq!(lookup(t.hans).map(|x| x.en), Some(t.en), "{}", t.hans);
            assert_eq!(lookup(t.hant).map(|x| x.hans), lookup(t.hans).map(|x| x.hans), "{}", t.hant);
            assert!(t.en.is_ascii(), "{}", t.en);
        }
        assert!(table().terms.iter().any(|t| t.kind == TermKind::Stage) && table().terms.iter().any(|t| t.kind == TermKind::Cooperation));
    }

    #[test]
    fn an_unknown_value_has_no_translation() {
        for value in ["代持", "", "合资或独资", "joint venture"] {
            assert_eq!(lookup(value), None, "{value}");
        }
    }

    #[test]
    fn modes_written_together_are_the_known_modes_they_name() {
        for (text, modes) in [
            ("独资或合资", vec!["独资", "合资"]),
            ("獨資或合資", vec!["獨資", "合資"]),
            ("合资合作", vec!["合资", "合作"]),
            ("合资均可", vec!["合资"]),
            ("PPP模式", vec!["PPP"]),
            ("BOT或PPP等方式", vec!["BOT", "PPP"]),
            ("股权合作及并购", vec!["股权合作", "并购"]),
        ] {
            assert_eq!(split_joined_modes(text), Some(modes), "{text}");
        }
        // One known mode, a sentence, an unknown part, or glue alone: kept as written.
        for text in ["合作经营", "股权合作", "合资", "股权合作或整体转让", "面议", "或者等", "合资合作共建产业园区的多种方式"]
        {
            assert_eq!(split_joined_modes(text), None, "{text}");
        }
    }
}
