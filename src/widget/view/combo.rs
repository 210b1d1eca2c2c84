//! The type-ahead listbox of the industry and region inputs: an ARIA 1.2 combobox with a listbox
//! popup. Arrow keys move, Enter or a tap picks, Escape closes (the suggestions themselves are
//! [`crate::widget::suggest`]).

use super::Ctx;
use crate::widget::action::PICK;
use crate::widget::dom::{clear, el};
use crate::widget::state::{Combo, Input};
use web_sys::{Element, HtmlInputElement};

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
            .attr("data-action", PICK)
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
