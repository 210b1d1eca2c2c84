//! Type-ahead for the industry (taxonomy) and region (gazetteer) inputs: an ARIA 1.2 combobox with a
//! listbox popup. Arrow keys move, Enter or a tap picks, Escape closes; the suggestion replaces
//! only the term being typed (after the last `、` or comma), so several terms can be entered.

use super::Ctx;
use crate::widget::dom::{clear, el};
use crate::widget::state::Input;
use crate::Lang;
use web_sys::{Element, HtmlInputElement};

/// One suggestion.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    /// What the option shows.
    pub label: String,
    /// A second line (the full path of a place, the sector of an industry).
    pub detail: Option<String>,
    /// What replaces the term being typed.
    pub insert: String,
}

/// The open listbox: which input, its suggestions, the highlighted one.
#[derive(Clone, Debug, PartialEq)]
pub struct Combo {
    pub input: Input,
    pub items: Vec<Suggestion>,
    pub active: Option<usize>,
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

fn option_id(input: Input, i: usize) -> String {
    format!("om-{}-opt-{i}", input.name())
}

/// Shows (or hides, when `combo` is none or empty) the listbox of `input`.
pub fn render(cx: &Ctx, input: Input, field: &HtmlInputElement, listbox: &Element, combo: Option<&Combo>) {
    clear(listbox);
    let combo = combo.filter(|c| c.input == input && !c.items.is_empty());
    let Some(combo) = combo else {
        let _ = listbox.set_attribute("hidden", "");
        let _ = field.set_attribute("aria-expanded", "false");
        let _ = field.remove_attribute("aria-activedescendant");
        return;
    };
    for (i, s) in combo.items.iter().enumerate() {
        let active = combo.active == Some(i);
        let mut li = el(cx.doc, "li")
            .class(if active { "om-option om-active" } else { "om-option" })
            .attr("id", &option_id(input, i))
            .attr("role", "option")
            .attr("aria-selected", if active { "true" } else { "false" })
            .attr("data-action", "pick")
            .attr("data-field", input.name())
            .attr("data-index", &i.to_string())
            .child(el(cx.doc, "span").class("om-option-label").text(&s.label));
        if let Some(d) = &s.detail {
            li = li.child(el(cx.doc, "span").class("om-option-detail").text(d));
        }
        let _ = listbox.append_child(&li.build());
    }
    let _ = listbox.remove_attribute("hidden");
    let _ = field.set_attribute("aria-expanded", "true");
    match combo.active {
        Some(i) => {
            let _ = field.set_attribute("aria-activedescendant", &option_id(input, i));
        }
        None => {
            let _ = field.remove_attribute("aria-activedescendant");
        }
    }
}
