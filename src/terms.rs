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
}
