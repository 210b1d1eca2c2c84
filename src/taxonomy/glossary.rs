//! The bilingual industry glossary (`data/industry-glossary.tsv`, curated by this project): English
//! words and phrases the taxonomy does not hold, with the Chinese terms project lists use for them,
//! so that an English query (`ranch`, `winery`, `hearing aids`) can be matched against Chinese
//! project text.

use crate::fold::fold;

/// The glossary as shipped: `data/industry-glossary.tsv` without its comments (build.rs).
const GLOSSARY_TSV: &str = include_str!(concat!(env!("OUT_DIR"), "/industry-glossary.tsv"));

/// English (folded, words separated by one space) → Chinese terms, sorted by the English (a binary
/// search: no map type of its own in the wasm).
#[derive(Default)]
pub(super) struct Glossary {
    entries: Vec<(String, Vec<String>)>,
    /// The most words an entry has.
    longest: usize,
}

impl Glossary {
    /// The glossary compiled into the crate.
    pub(super) fn embedded() -> Glossary {
        Glossary::parse(GLOSSARY_TSV)
    }

    /// Reads `english<TAB>中文|中文` lines (comments and blank lines skipped; build.rs has already
    /// refused malformed lines).
    pub(super) fn parse(text: &str) -> Glossary {
        let mut g = Glossary::default();
        for line in text.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
            let Some((en, zh)) = line.split_once('\t') else { continue };
            let key = words(&fold(en)).join(" ");
            g.longest = g.longest.max(key.split(' ').count());
            let terms: Vec<String> = zh.split('|').map(|t| t.trim().to_string()).filter(|t| !t.is_empty()).collect();
            g.entries.push((key, terms));
        }
        crate::sort::sort_by(&mut g.entries, |a, b| a.0.cmp(&b.0));
        // A phrase listed twice keeps the terms of both lines.
        let mut merged: Vec<(String, Vec<String>)> = Vec::with_capacity(g.entries.len());
        for (key, terms) in std::mem::take(&mut g.entries) {
            match merged.last_mut() {
                Some((k, t)) if *k == key => t.extend(terms),
                _ => merged.push((key, terms)),
            }
        }
        g.entries = merged;
        g
    }

    fn get(&self, phrase: &str) -> Option<&Vec<String>> {
        self.entries.binary_search_by(|(k, _)| k.as_str().cmp(phrase)).ok().map(|i| &self.entries[i].1)
    }

    /// Number of entries.
    pub(super) fn len(&self) -> usize {
        self.entries.len()
    }

    /// The entry for one folded phrase, also read as the singular of an English plural.
    fn entry(&self, phrase: &str) -> Option<&[String]> {
        if let Some(t) = self.get(phrase) {
            return Some(t);
        }
        let (head, last) = match phrase.rsplit_once(' ') {
            Some((h, l)) => (format!("{h} "), l),
            None => (String::new(), phrase),
        };
        let mut singulars = Vec::new();
        if let Some(stem) = last.strip_suffix("ies") {
            singulars.push(format!("{stem}y"));
        }
        if let Some(stem) = last.strip_suffix("es") {
            singulars.push(stem.to_string());
        }
        if let Some(stem) = last.strip_suffix('s') {
            singulars.push(stem.to_string());
        }
        singulars.into_iter().find_map(|s| self.get(&format!("{head}{s}"))).map(Vec::as_slice)
    }

    /// True when the whole folded phrase is an entry (or the plural of one).
    pub(super) fn has_phrase(&self, folded: &str) -> bool {
        self.entry(&words(folded).join(" ")).is_some()
    }

    /// The Chinese readings of folded English text: the whole phrase if it is an entry, else the
    /// longest entries found word by word (`organic tea garden` → 茶园 …). Each reading is
    /// `(the English words read, the Chinese terms)`.
    pub(super) fn read(&self, folded: &str) -> Vec<(String, Vec<String>)> {
        let w = words(folded);
        let mut out = Vec::new();
        let mut i = 0;
        while i < w.len() {
            let mut found = false;
            for n in (1..=self.longest.min(w.len() - i)).rev() {
                let phrase = w[i..i + n].join(" ");
                if let Some(terms) = self.entry(&phrase) {
                    out.push((phrase, terms.to_vec()));
                    i += n;
                    found = true;
                    break;
                }
            }
            if !found {
                i += 1;
            }
        }
        out
    }
}

/// The Latin words of folded text (letters, digits and inner hyphens).
fn words(folded: &str) -> Vec<&str> {
    folded.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-')).map(|w| w.trim_matches('-')).filter(|w| !w.is_empty()).collect()
}
