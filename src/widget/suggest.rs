//! Type-ahead for the industry (taxonomy) and region (gazetteer) inputs, as data: what to suggest
//! for the term being typed, and how a picked suggestion replaces it. The suggestion replaces only
//! the term being typed (after the last `、` or comma), so several terms can be entered. The
//! listbox's state is [`Combo`], drawn by `view/combo.rs`.
//!
//! ```
//! use opportunity_matcher::widget::suggest::replace_term;
//! assert_eq!(replace_term("食品饮料、动力", "动力电池"), "食品饮料、动力电池");
//! ```

use super::state::{Combo, Input, Suggestion};
use crate::Lang;

/// The listbox for what `text` is being typed in `input`, or none when there is nothing to suggest.
pub fn open(input: Input, text: &str, lang: Lang) -> Option<Combo> {
    let items = suggest(input, text, lang);
    (!items.is_empty()).then_some(Combo { input, items, active: None })
}

/// Moves the highlight one down (or up), wrapping around; the first move highlights the first (or
/// last) suggestion.
pub fn step(combo: &mut Combo, down: bool) {
    let n = combo.items.len();
    if n == 0 {
        return;
    }
    combo.active = Some(match (combo.active, down) {
        (None, true) => 0,
        (None, false) => n - 1,
        (Some(i), true) => (i + 1) % n,
        (Some(i), false) => (i + n - 1) % n,
    });
}

const SEPARATORS: [char; 7] = ['、', ',', '，', ';', '；', '/', '|'];

/// Byte offset where the term being typed starts.
pub fn term_start(text: &str) -> usize {
    text.rfind(SEPARATORS).map(|i| i + text[i..].chars().next().map_or(1, char::len_utf8)).unwrap_or(0)
}

/// The term being typed (after the last separator), trimmed.
pub fn current_term(text: &str) -> &str {
    text[term_start(text)..].trim()
}

/// The input's text with the term being typed replaced by `insert`.
pub fn replace_term(text: &str, insert: &str) -> String {
    let start = term_start(text);
    let head = &text[..start];
    let lead = &text[start..];
    let spaces = lead.len() - lead.trim_start().len();
    format!("{}{}{}", head, &lead[..spaces], insert)
}

/// Suggestions for what is being typed in `input`.
pub fn suggest(input: Input, text: &str, lang: Lang) -> Vec<Suggestion> {
    let term = current_term(text);
    if term.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<Suggestion> = match input {
        Input::Industry => {
            let t = crate::taxonomy::Taxonomy::global();
            t.suggest(term, lang, 8)
                .into_iter()
                .map(|n| {
                    let label = t.label(n, lang).to_string();
                    let sector = t.sector_of(n);
                    let detail = (sector != n).then(|| t.label(sector, lang).to_string());
                    Suggestion { insert: label.clone(), label, detail }
                })
                .collect()
        }
        Input::Region => {
            use crate::gazetteer::{Gazetteer, Suggestion as G};
            let g = Gazetteer::global();
            g.suggest(term, 8)
                .into_iter()
                .map(|s| match s {
                    G::Region(id) => {
                        let label = g.display_name(id, lang);
                        let path = g.display_path(id, lang);
                        Suggestion { insert: label.clone(), detail: (path != label).then_some(path), label }
                    }
                    G::Zone(z) => {
                        let zone = &g.econ_zones()[z];
                        let name = lang.pick(&zone.name, &zone.name_hant, &zone.name_en).clone();
                        Suggestion { insert: name.clone(), label: name, detail: None }
                    }
                })
                .collect()
        }
        Input::Budget => Vec::new(),
    };
    out.dedup_by(|a, b| a.label == b.label && a.detail == b.detail);
    // Nothing to suggest when the only suggestion is what was typed.
    if out.len() == 1 && out[0].insert == term {
        out.clear();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_term_being_typed_is_after_the_last_separator() {
        assert_eq!(current_term("食品饮料、 动力"), "动力");
        assert_eq!(current_term("Chengdu, Chong"), "Chong");
        assert_eq!(current_term("动力"), "动力");
        assert_eq!(current_term("白酒；"), "");
        assert_eq!(replace_term("Chengdu, chong", "Chongqing"), "Chengdu, Chongqing", "the space after the comma stays");
        assert_eq!(replace_term("", "成都市"), "成都市");
    }

    #[test]
    fn industries_and_places_are_suggested_in_the_display_language() {
        let industries = suggest(Input::Industry, "动力", Lang::ZhHans);
        assert!(industries.iter().any(|s| s.label == "动力电池" && s.detail.is_some()), "{industries:?}");
        let places = suggest(Input::Region, "成都", Lang::En);
        assert!(places.iter().any(|s| s.label.contains("Chengdu")), "{places:?}");
        assert!(suggest(Input::Budget, "30亿", Lang::ZhHans).is_empty(), "the budget has no type-ahead");
        assert!(suggest(Input::Industry, "食品饮料、", Lang::ZhHans).is_empty(), "nothing typed after the separator");
    }

    #[test]
    fn the_highlight_wraps_around() {
        let mut c = open(Input::Industry, "动力", Lang::ZhHans).expect("suggestions");
        let n = c.items.len();
        step(&mut c, false);
        assert_eq!(c.active, Some(n - 1));
        step(&mut c, true);
        assert_eq!(c.active, Some(0));
        step(&mut c, false);
        assert_eq!(c.active, Some(n - 1));
        assert_eq!(open(Input::Region, "  ", Lang::ZhHans), None);
    }
}
