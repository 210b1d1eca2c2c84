//! Reading the investor's industry text.

use crate::fold::{fold, is_cjk};

use super::vocab::{is_word_char, Term};
use super::{NodeId, Taxonomy};

/// What an investor typed as industry, read against the taxonomy.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IndustryQuery {
    /// The parts that carry meaning, in the order typed. A part may give several terms when
    /// it names several industries (`新能源汽车动力电池`), each with its own node.
    pub terms: Vec<IndustryTerm>,
    /// Parts that cannot be used at all (see [`Taxonomy::parse_query`] for the rule), as typed;
    /// the caller reports them back (`industry "???" not understood, ignored`).
    pub not_understood: Vec<String>,
}

/// One part of the investor's industry text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndustryTerm {
    /// The part as typed (trimmed).
    pub typed: String,
    /// The node it resolves to; `None` when the taxonomy does not know it (the ranking still
    /// matches [`folded`](Self::folded) against project names by character bigrams).
    pub node: Option<NodeId>,
    /// True when the node was accepted as a near miss of a taxonomy term (a typo such as
    /// `semiconducter`), so the caller can say "read as …".
    pub near_miss: bool,
    /// The part after [`fold`]: the text used for bigram matching.
    pub folded: String,
}

impl IndustryQuery {
    /// True when there is nothing to match on.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The distinct nodes of all terms, in query order.
    pub fn nodes(&self) -> Vec<NodeId> {
        let mut out: Vec<NodeId> = Vec::new();
        for n in self.terms.iter().filter_map(|t| t.node) {
            if !out.contains(&n) {
                out.push(n);
            }
        }
        out
    }
}

/// Separators between parts of the industry text.
const SEPARATORS: &[char] = &['、', ',', '，', ';', '；', '/', '／', '|', '｜', '\n', '\r', '\t'];

/// Conjunctions that join two industries, tried only when the whole part is not a known term
/// (so `food and beverage` stays one term).
const CJK_CONJUNCTIONS: &[&str] = &["以及", "和", "及", "与"];

/// Parts meaning "any industry": dropped without a warning.
const ANY: &[&str] =
    &["不限", "不限行业", "任意", "任何", "全部", "所有", "所有行业", "任意行业", "any", "all", "any industry", "all industries"];

/// Generic words that say nothing about the industry.
const GENERIC: &[&str] = &[
    "产业链",
    "产业",
    "行业",
    "产业园",
    "项目",
    "领域",
    "方向",
    "相关",
    "其他",
    "其它",
    "等",
    "类",
    "industry",
    "industries",
    "sector",
    "sectors",
    "business",
    "field",
    "project",
    "projects",
    "related",
    "other",
    "others",
    "etc",
];

/// At most this many parts are read (the rest is ignored, so hostile input cannot cost much).
const MAX_PARTS: usize = 24;
/// At most this many nodes are taken from one part found by classification.
const MAX_NODES_PER_PART: usize = 4;

impl Taxonomy {
    /// Reads the investor's industry text.
    ///
    /// The text is split on `、 , ， ; ； /` (and `|`, new lines). Each part is then read:
    ///
    /// 1. as a whole term ([`lookup`](Taxonomy::lookup)): `食品饮料`, `food and beverage`, `F&B`;
    /// 2. else, split further on ` and `, `和`, `及`, `与`, `以及` (each side at least two
    ///    characters, so `调和油` stays whole; not at all if a known term inside the part
    ///    contains the conjunction, so `food and beverage processing` stays whole), and each
    ///    piece read as below;
    /// 3. by the terms found inside it ([`classify`](Taxonomy::classify)):
    ///    `新能源汽车零部件` → 新能源汽车; several industries in one part give one term each;
    /// 4. by a near miss over the taxonomy vocabulary only (strsim optimal-string-alignment
    ///    distance, i.e. edits and swaps of neighbours, on
    ///    folded text, generic words such as `industry`/`产业` removed first): English of four or
    ///    more letters within one edit (two from eight letters: `semiconducter`, `batery`),
    ///    Chinese of three or more characters within one edit; the term is flagged
    ///    [`near_miss`](IndustryTerm::near_miss);
    /// 5. else kept with no node: the ranking still matches its text against project names.
    ///
    /// **Not understood** (returned in [`IndustryQuery::not_understood`], never a term): a part
    /// with no letter or CJK character (`123`, `???`), a part made only of generic words
    /// (`产业`, `industry`, `其他`), a one-letter part, or an English part with a word of five
    /// or more letters and no vowel (`sdfgh`; shorter ones may be acronyms such as `CRM`). Parts meaning "any industry" (`不限`, `any`, `all`) are dropped
    /// silently; empty parts are skipped. At most 24 parts are read.
    ///
    /// ```
    /// use opportunity_matcher::taxonomy::Taxonomy;
    /// let tax = Taxonomy::global();
    /// let q = tax.parse_query("動力電池、F&B, semiconducter，新能源汽车零部件 / ???");
    /// let battery = tax.lookup("动力电池").unwrap();
    /// assert_eq!(q.terms[0].node, Some(battery));
    /// assert_eq!(q.terms[1].node, tax.lookup("食品饮料"));
    /// assert_eq!(q.terms[2].node, tax.lookup("集成电路"));
    /// assert!(q.terms[2].near_miss);
    /// assert_eq!(q.terms[3].node, tax.lookup("新能源汽车")); // found inside the part
    /// assert_eq!(q.not_understood, vec!["???".to_string()]);
    /// ```
    pub fn parse_query(&self, text: &str) -> IndustryQuery {
        let mut q = IndustryQuery::default();
        for part in text.split(SEPARATORS).map(str::trim).filter(|p| !p.is_empty()).take(MAX_PARTS) {
            let first = q.terms.len();
            self.read_part(part, &mut q);
            // One node once per part (`machinery and equipment` names 装备制造 twice).
            let mut seen: Vec<NodeId> = Vec::new();
            let mut i = first;
            while i < q.terms.len() {
                match q.terms[i].node {
                    Some(n) if seen.contains(&n) => {
                        q.terms.remove(i);
                    }
                    Some(n) => {
                        seen.push(n);
                        i += 1;
                    }
                    None => i += 1,
                }
            }
        }
        q
    }

    /// Steps 1–5 of [`parse_query`](Taxonomy::parse_query) for one part.
    fn read_part(&self, part: &str, q: &mut IndustryQuery) {
        let folded = fold(part);
        let folded = folded.trim();
        if let Some(node) = self.vocab.lookup_folded(folded) {
            q.terms.push(term(part, folded, Some(node), false));
            return;
        }
        // A known term that contains a conjunction (`food and beverage processing`,
        // `汽车及零部件厂`) keeps the part whole.
        let chars: Vec<char> = folded.chars().collect();
        let term_has_conjunction = self.vocab.spans_folded(folded).iter().any(|&(start, len, _)| {
            let text: String = chars[start..start + len].iter().collect();
            text.contains(" and ") || CJK_CONJUNCTIONS.iter().any(|c| text.contains(c))
        });
        if term_has_conjunction {
            self.read_piece(part, q);
            return;
        }
        for piece in split_conjunctions(part) {
            self.read_piece(piece, q);
        }
    }

    /// Steps 1 and 3–5 of [`parse_query`](Taxonomy::parse_query) for one piece.
    fn read_piece(&self, piece: &str, q: &mut IndustryQuery) {
        let folded = fold(piece);
        let folded = folded.trim();
        if folded.is_empty() {
            return;
        }
        if ANY.contains(&folded) {
            return;
        }
        if let Some(node) = self.vocab.lookup_folded(folded) {
            q.terms.push(term(piece, folded, Some(node), false));
            return;
        }
        let found = self.vocab.classify_folded(folded);
        if !found.is_empty() {
            for node in found.into_iter().take(MAX_NODES_PER_PART) {
                q.terms.push(term(piece, folded, Some(node), false));
            }
            return;
        }
        let core = strip_generic(folded);
        if is_junk(&core) {
            q.not_understood.push(piece.to_string());
            return;
        }
        if core != folded {
            if let Some(node) = self.vocab.lookup_folded(&core) {
                q.terms.push(term(piece, folded, Some(node), false));
                return;
            }
        }
        match self.near_miss(&core) {
            Some(node) => q.terms.push(term(piece, folded, Some(node), true)),
            None => q.terms.push(term(piece, folded, None, false)),
        }
    }

    /// The node of the vocabulary term closest to `folded` within the allowed edit distance
    /// (see [`parse_query`](Taxonomy::parse_query)); ties go to the longer common prefix, then
    /// to data order.
    fn near_miss(&self, folded: &str) -> Option<NodeId> {
        let n = folded.chars().count();
        let ascii = folded.is_ascii();
        let max = if ascii {
            match n {
                0..=3 => return None,
                4..=7 => 1,
                _ => 2,
            }
        } else if folded.chars().any(is_cjk) && n >= 3 {
            1
        } else {
            return None;
        };
        let mut best: Option<(usize, std::cmp::Reverse<usize>, usize)> = None;
        for (i, t) in self.vocab.terms.iter().enumerate() {
            if t.ascii != ascii || t.chars.abs_diff(n) > max || !comparable(t) {
                continue;
            }
            let d = strsim::osa_distance(folded, &t.text);
            if d == 0 || d > max {
                continue;
            }
            let prefix = folded.chars().zip(t.text.chars()).take_while(|(a, b)| a == b).count();
            let key = (d, std::cmp::Reverse(prefix), i);
            if best.as_ref().is_none_or(|b| key < *b) {
                best = Some(key);
            }
        }
        best.map(|(_, _, i)| self.vocab.terms[i].node)
    }
}

/// Near misses are only measured against terms long enough for a typo to be told apart from
/// another word.
fn comparable(t: &Term) -> bool {
    if t.ascii {
        t.chars >= 4
    } else {
        t.chars >= 3
    }
}

fn term(typed: &str, folded: &str, node: Option<NodeId>, near_miss: bool) -> IndustryTerm {
    IndustryTerm { typed: typed.trim().to_string(), node, near_miss, folded: folded.to_string() }
}

/// Splits a part on ` and ` and on the CJK conjunctions, keeping it whole unless every piece
/// has at least two characters.
fn split_conjunctions(part: &str) -> Vec<&str> {
    let mut pieces: Vec<&str> = vec![part];
    let lower = part.to_ascii_lowercase();
    if lower.contains(" and ") {
        // ASCII lowering keeps byte offsets, so split the original at the same places.
        let mut out = Vec::new();
        let mut start = 0;
        for (at, _) in lower.match_indices(" and ") {
            out.push(&part[start..at]);
            start = at + " and ".len();
        }
        out.push(&part[start..]);
        pieces = out;
    }
    let mut result = Vec::new();
    for piece in pieces {
        let mut split = vec![piece];
        for conj in CJK_CONJUNCTIONS {
            let next: Vec<&str> = split.iter().flat_map(|s| s.split(conj)).collect();
            if next.len() > split.len() && next.iter().all(|s| s.trim().chars().count() >= 2) {
                split = next;
            }
        }
        result.extend(split.into_iter().map(str::trim).filter(|s| !s.is_empty()));
    }
    result
}

/// Removes generic words (`产业`, `industry` …) from folded text.
fn strip_generic(folded: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    for word in folded.split(' ') {
        if GENERIC.contains(&word) {
            continue;
        }
        let mut w = word.to_string();
        // CJK generic words may be glued to the end (白酒产业 → 白酒).
        loop {
            let before = w.len();
            for g in GENERIC.iter().filter(|g| !g.is_ascii()) {
                if let Some(stem) = w.strip_suffix(g) {
                    w = stem.to_string();
                }
            }
            if w.len() == before {
                break;
            }
        }
        if !w.is_empty() {
            words.push(w);
        }
    }
    words.join(" ")
}

/// The "not understood" rule of [`Taxonomy::parse_query`], on folded text with generic words
/// removed.
fn is_junk(core: &str) -> bool {
    let letters: Vec<char> = core.chars().filter(|&c| c.is_alphabetic()).collect();
    if letters.is_empty() {
        return true; // no letter or CJK at all, or generic words only
    }
    if letters.iter().any(|&c| is_cjk(c)) {
        return false;
    }
    if letters.len() == 1 {
        return true;
    }
    // Keyboard mashing: an English word of five or more letters without a vowel (`sdfgh`).
    // Shorter vowel-less words are often acronyms (`CRM`, `PPP`) and are kept.
    core.is_ascii()
        && core
            .split(|c: char| !is_word_char(c))
            .any(|w| w.len() >= 5 && w.chars().all(|c| c.is_ascii_alphabetic() && !"aeiouy".contains(c)))
}
