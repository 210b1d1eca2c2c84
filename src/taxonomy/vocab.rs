//! The taxonomy's vocabulary: every label and synonym in folded form, with the indexes behind
//! exact lookup, in-text classification and type-ahead.

use crate::hash::FxMap;

use crate::fold::{fold, is_cjk};

use super::{ConceptId, NodeId};

/// A packed pinyin entry shared by two entries.
const AMBIGUOUS: NodeId = NodeId(u16::MAX);
/// The bit that marks a packed concept (node ids stay below it: `data.rs` checks).
const CONCEPT_BIT: u16 = 0x8000;

fn pack(t: Target) -> NodeId {
    match t {
        Target::Node(n) => n,
        Target::Concept(c) => NodeId(CONCEPT_BIT | c.0),
    }
}

fn unpack(n: NodeId) -> Option<Target> {
    match n {
        AMBIGUOUS => None,
        NodeId(x) if x & CONCEPT_BIT != 0 => Some(Target::Concept(ConceptId(x & !CONCEPT_BIT))),
        n => Some(Target::Node(n)),
    }
}

/// What a query word names: a node, or an umbrella concept (a set of nodes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Target {
    Node(NodeId),
    Concept(ConceptId),
}

/// Where a term comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum TermKind {
    Hans,
    Hant,
    En,
    Synonym,
}

impl TermKind {
    pub(super) fn is_label(self) -> bool {
        self != TermKind::Synonym
    }
}

/// One folded label or synonym.
#[derive(Clone, Debug)]
pub(super) struct Term {
    /// Folded text (see [`crate::fold::fold`]).
    pub text: String,
    pub node: NodeId,
    pub kind: TermKind,
    /// Matched only as a whole query term, never inside longer text.
    pub whole_only: bool,
    /// Length in characters.
    pub chars: usize,
    /// True when every character is ASCII (English and codes such as `5G`).
    pub ascii: bool,
}

/// All terms and their indexes.
#[derive(Default)]
pub(super) struct Vocab {
    pub terms: Vec<Term>,
    /// Folded term → node.
    exact: FxMap<String, NodeId>,
    /// Folded term without spaces and punctuation (`e-commerce` → `ecommerce`, `A.I.` → `ai`) → node.
    loose: FxMap<String, NodeId>,
    /// [`start_key`] of the first two characters → indexes of classifiable terms of two or
    /// more characters, longest first; of one character alone → classifiable one-character
    /// terms.
    by_start: crate::hash::FxMap<u64, Vec<u32>>,
    /// Folded concept terms (and their loose keys) → concept (its index held in a `NodeId`, so the
    /// wasm has one map type less). Read in queries only.
    concept_exact: FxMap<String, NodeId>,
    /// Concept terms as found inside query text: `(folded, chars, concept)`, longest first.
    concept_terms: Vec<(String, usize, ConceptId)>,
    /// Pinyin (letters only) → what it names, packed by [`pack`]; [`AMBIGUOUS`] when two entries
    /// share it.
    pinyin: FxMap<String, NodeId>,
}

/// The index key of a term's first one or two characters (a NUL second character never
/// occurs in folded text, so it marks a one-character key).
fn start_key(a: char, b: Option<char>) -> u64 {
    ((a as u64) << 21) | b.map_or(0, |b| b as u64)
}

/// Letters and digits of a word in Latin (or any non-CJK) script.
pub(super) fn is_word_char(c: char) -> bool {
    // Asked for every character of every project's name as a list is indexed: ASCII and CJK,
    // nearly all of them, answered without the Unicode tables.
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    !is_cjk(c) && c.is_alphanumeric()
}

/// The loose key: folded text with everything but letters, digits and CJK removed.
pub(super) fn loose_key(folded: &str) -> String {
    folded.chars().filter(|c| c.is_alphanumeric()).collect()
}

impl Vocab {
    /// Adds a term; `Err((folded, other))` if the folded term already names another node.
    pub(super) fn add(&mut self, text: &str, node: NodeId, kind: TermKind, whole_only: bool) -> Result<(), (String, NodeId)> {
        let folded = fold(text);
        let folded = folded.trim();
        if folded.is_empty() {
            return Ok(());
        }
        match self.exact.get(folded) {
            Some(&other) if other != node => return Err((folded.to_string(), other)),
            Some(_) => return Ok(()), // the same node already has it (e.g. a zh-Hant label that folds to zh-Hans)
            None => {}
        }
        let loose = loose_key(folded);
        if !loose.is_empty() {
            match self.loose.get(&loose) {
                Some(&other) if other != node => return Err((folded.to_string(), other)),
                Some(_) => {}
                None => {
                    self.loose.insert(loose, node);
                }
            }
        }
        self.exact.insert(folded.to_string(), node);
        self.terms.push(Term { text: folded.to_string(), node, kind, whole_only, chars: folded.chars().count(), ascii: folded.is_ascii() });
        Ok(())
    }

    /// Adds an umbrella-concept term; `Err((folded, other))` if another concept has it. A concept
    /// term may also be a node term (数字经济): the query reads the concept, classification the node.
    pub(super) fn add_concept(&mut self, text: &str, concept: ConceptId) -> Result<(), (String, ConceptId)> {
        let packed = NodeId(concept.0);
        let folded = fold(text);
        let folded = folded.trim();
        if folded.is_empty() {
            return Ok(());
        }
        for key in [folded.to_string(), loose_key(folded)] {
            if key.is_empty() {
                continue;
            }
            match self.concept_exact.get(&key) {
                Some(&other) if other != packed => return Err((folded.to_string(), ConceptId(other.0))),
                Some(_) => {}
                None => {
                    self.concept_exact.insert(key, packed);
                }
            }
        }
        if !self.concept_terms.iter().any(|(t, _, c)| t == folded && *c == concept) {
            self.concept_terms.push((folded.to_string(), folded.chars().count(), concept));
            crate::sort::sort_by_key(&mut self.concept_terms, |t| std::cmp::Reverse(t.1));
        }
        Ok(())
    }

    /// Adds the pinyin of a term; a pinyin two entries share names neither.
    pub(super) fn add_pinyin(&mut self, pinyin: &str, target: Target) {
        let key = loose_key(&fold(pinyin));
        if key.len() < 3 || self.exact.contains_key(&key) || self.concept_exact.contains_key(&key) {
            return; // a real word first (`wine`), and too short to tell apart
        }
        let packed = pack(target);
        match self.pinyin.get(&key) {
            Some(&t) if t != packed => {
                self.pinyin.insert(key, AMBIGUOUS);
            }
            Some(_) => {}
            None => {
                self.pinyin.insert(key, packed);
            }
        }
    }

    /// The concept a whole folded term names (exact or loose).
    pub(super) fn concept_folded(&self, folded: &str) -> Option<ConceptId> {
        self.concept_exact.get(folded).or_else(|| self.concept_exact.get(&loose_key(folded))).map(|n| ConceptId(n.0))
    }

    /// What a whole folded pinyin word names (spaces and apostrophes ignored: `ji qi ren`, `xi'an`).
    pub(super) fn pinyin_folded(&self, folded: &str) -> Option<Target> {
        if !folded.is_ascii() {
            return None;
        }
        self.pinyin.get(&loose_key(folded)).copied().and_then(unpack)
    }

    /// Concept terms found inside folded query text: `(start char, length, concept)`. Latin
    /// terms only at word boundaries.
    pub(super) fn concept_spans(&self, folded: &str) -> Vec<(usize, usize, ConceptId)> {
        let chars: Vec<(usize, char)> = folded.char_indices().collect();
        let mut found = Vec::new();
        for (t, n, c) in &self.concept_terms {
            for (at, _) in folded.match_indices(t.as_str()) {
                let start = chars.partition_point(|(i, _)| *i < at);
                let word = |i: usize| chars.get(i).is_some_and(|&(_, ch)| is_word_char(ch));
                let latin_start = t.chars().next().is_some_and(is_word_char);
                let latin_end = t.chars().next_back().is_some_and(is_word_char);
                if (latin_start && start > 0 && word(start - 1)) || (latin_end && word(start + n)) {
                    continue;
                }
                found.push((start, *n, *c));
            }
        }
        found
    }

    /// Builds the classification indexes once every term is in.
    pub(super) fn finish(&mut self) {
        for (i, t) in self.terms.iter().enumerate() {
            if t.whole_only {
                continue;
            }
            let mut cs = t.text.chars();
            match (cs.next(), cs.next()) {
                (Some(a), Some(b)) => self.by_start.entry(start_key(a, Some(b))).or_default().push(i as u32),
                // A one-letter Latin term would match far too much; only CJK single characters.
                (Some(a), None) if is_cjk(a) => self.by_start.entry(start_key(a, None)).or_default().push(i as u32),
                _ => {}
            }
        }
        let terms = &self.terms;
        for list in self.by_start.values_mut() {
            crate::sort::sort_by_key(list, |&i| std::cmp::Reverse(terms[i as usize].chars));
        }
    }

    /// Exact lookup of already-folded, trimmed text: the term itself, then its loose key, then
    /// (for plain English) the singular of a plural.
    pub(super) fn lookup_folded(&self, folded: &str) -> Option<NodeId> {
        if folded.is_empty() {
            return None;
        }
        if let Some(&id) = self.exact.get(folded) {
            return Some(id);
        }
        let loose = loose_key(folded);
        if loose.is_empty() {
            return None;
        }
        if let Some(&id) = self.loose.get(&loose) {
            return Some(id);
        }
        if folded.is_ascii() && loose.len() > 3 {
            for singular in singulars(folded) {
                if let Some(&id) = self.exact.get(&singular).or_else(|| self.loose.get(&loose_key(&singular))) {
                    return Some(id);
                }
            }
        }
        None
    }

    /// Every classifiable term found in folded text: `(start char, length in chars, node)`.
    pub(super) fn find_all(&self, folded: &str) -> Vec<(usize, usize, NodeId)> {
        let chars: Vec<(usize, char)> = folded.char_indices().collect();
        let mut found = Vec::new();
        for i in 0..chars.len() {
            let (pos, c) = chars[i];
            // A Latin term starts at a word start only.
            if is_word_char(c) && i > 0 && is_word_char(chars[i - 1].1) {
                continue;
            }
            if let Some(&(_, next)) = chars.get(i + 1) {
                if let Some(list) = self.by_start.get(&start_key(c, Some(next))) {
                    let rest = &folded[pos..];
                    for &ti in list {
                        let t = &self.terms[ti as usize];
                        if let Some(len) = match_at(rest, &chars[i..], t) {
                            found.push((i, len, t.node));
                        }
                    }
                }
            }
            if !is_cjk(c) {
                continue;
            }
            if let Some(list) = self.by_start.get(&start_key(c, None)) {
                for &ti in list {
                    found.push((i, 1, self.terms[ti as usize].node));
                }
            }
        }
        found
    }

    /// The matches kept by classification, in the order kept: longest first, no match
    /// overlapping a longer (or, at equal length, earlier) one. `(start char, length, node)`.
    pub(super) fn spans_folded(&self, folded: &str) -> Vec<(usize, usize, NodeId)> {
        let mut found = self.find_all(folded);
        if found.is_empty() {
            return found;
        }
        crate::sort::sort_by(&mut found, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut covered = vec![false; folded.chars().count()];
        found.retain(|&(start, len, _)| {
            let span = start..start + len;
            if covered[span.clone()].iter().any(|&c| c) {
                return false;
            }
            covered[span].iter_mut().for_each(|c| *c = true);
            true
        });
        found
    }

    /// Nodes of the matches kept by [`spans_folded`](Self::spans_folded), each node once.
    pub(super) fn classify_folded(&self, folded: &str) -> Vec<NodeId> {
        let mut out: Vec<NodeId> = Vec::new();
        for (_, _, node) in self.spans_folded(folded) {
            if !out.contains(&node) {
                out.push(node);
            }
        }
        out
    }
}

/// Whether term `t` occurs at the start of `rest` (whose characters are `chars`) as a whole
/// word where it ends in a Latin letter; returns the matched length in characters. An English
/// plural (`-s`, `-es`, `-y` → `-ies`) of the term also matches.
fn match_at(rest: &str, chars: &[(usize, char)], t: &Term) -> Option<usize> {
    let ends_in_word = t.text.chars().next_back().is_some_and(is_word_char);
    let boundary = |at: usize| !ends_in_word || chars.get(at).is_none_or(|&(_, c)| !is_word_char(c));
    if rest.starts_with(&t.text) {
        let n = t.chars;
        if boundary(n) {
            return Some(n);
        }
        if ends_in_word && t.ascii && t.chars >= 3 {
            let after = &rest[t.text.len()..];
            for suffix in ["s", "es"] {
                if after.starts_with(suffix) && boundary(n + suffix.len()) {
                    return Some(n + suffix.len());
                }
            }
        }
        return None;
    }
    if t.ascii && t.text.len() > 2 && t.text.ends_with('y') {
        let stem = &t.text[..t.text.len() - 1];
        if rest.starts_with(stem) && rest[stem.len()..].starts_with("ies") {
            let n = t.chars - 1 + 3;
            if boundary(n) {
                return Some(n);
            }
        }
    }
    None
}

/// Candidate singulars of an English plural (`batteries` → `battery`, `chips` → `chip`).
fn singulars(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(stem) = word.strip_suffix("ies") {
        out.push(format!("{stem}y"));
    }
    if let Some(stem) = word.strip_suffix("es") {
        out.push(stem.to_string());
    }
    if let Some(stem) = word.strip_suffix('s') {
        if !stem.ends_with('s') {
            out.push(stem.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_characters_are_letters_and_digits_outside_cjk_for_every_character() {
        // The fast path for ASCII and CJK answers as the Unicode tables do, for every scalar value.
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), c.is_alphanumeric() && !is_cjk(c), "U+{:04X}", c as u32);
        }
    }
}
