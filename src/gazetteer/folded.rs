//! Text folded character by character and kept aligned with what was typed: the gazetteer matches
//! names on the folded form (`fold::fold_char`, one character for one) and reports them in the
//! original script and spelling. Shared by the Chinese reader (`resolve.rs`), the Latin one
//! (`latin.rs`) and the English zone names (`english.rs`).

use crate::fold::{fold_char, is_cjk};

/// Separators between names: spaces and punctuation.
pub(super) fn is_sep(c: char) -> bool {
    c.is_whitespace() || c.is_control() || (!c.is_alphanumeric() && !is_cjk(c))
}

/// Text folded character by character, aligned with the original.
pub(super) struct Folded {
    pub(super) orig: Vec<char>,
    pub(super) chars: Vec<char>,
    pub(super) text: String,
    /// Byte offset of each character in `text`, plus the end.
    pub(super) offs: Vec<usize>,
}

impl Folded {
    pub(super) fn new(s: &str) -> Folded {
        let orig: Vec<char> = s.chars().collect();
        let chars: Vec<char> = orig.iter().map(|&c| fold_char(c)).collect();
        let mut text = String::with_capacity(s.len());
        let mut offs = Vec::with_capacity(chars.len() + 1);
        for &c in &chars {
            offs.push(text.len());
            text.push(c);
        }
        offs.push(text.len());
        Folded { orig, chars, text, offs }
    }

    pub(super) fn len(&self) -> usize {
        self.chars.len()
    }

    pub(super) fn key(&self, a: usize, b: usize) -> &str {
        &self.text[self.offs[a]..self.offs[b]]
    }

    /// The original text of `a..b`, without surrounding separators.
    pub(super) fn original(&self, a: usize, b: usize) -> String {
        let s: String = self.orig[a..b].iter().collect();
        s.trim_matches(|c: char| is_sep(fold_char(c))).to_string()
    }

    pub(super) fn skip_seps(&self, mut pos: usize, end: usize) -> usize {
        while pos < end && is_sep(self.chars[pos]) {
            pos += 1;
        }
        pos
    }
}
