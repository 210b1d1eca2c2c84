//! Quick choices, so that a visitor at a touch kiosk never needs a keyboard: the list's sectors as
//! chips (a chosen one opens its narrower industries, down to e.g. 动力电池), amount presets for the budget, and a province → city picker for the region. A choice
//! writes into the widget's own input (as if typed), so the ranking, the URL fragment and the QR
//! code follow; tapping the chosen one again clears it.

use super::attract::Figures;
use crate::gazetteer::{Gazetteer, Level, RegionId};
use crate::money::format_yuan;
use crate::taxonomy::Taxonomy;
use crate::widget::action::{Action, KioskAction};
use crate::widget::dom::{button, clear, el, El};
use crate::widget::i18n::fair::fair_ui;
use crate::widget::state::{picked_region_text, Picker, State};
use crate::widget::view::Ctx;
use web_sys::{Document, Element};

/// Budget presets in yuan: 10 million to 10 billion.
pub const BUDGETS: [u64; 8] =
    [10_000_000, 50_000_000, 100_000_000, 500_000_000, 1_000_000_000, 3_000_000_000, 5_000_000_000, 10_000_000_000];

fn choice(doc: &Document, action: KioskAction, label: &str, count: Option<usize>, on: bool) -> El {
    let b = button(doc, "om-k-choice", &Action::Kiosk(action), "").attr("aria-pressed", if on { "true" } else { "false" });
    let b = b.child(el(doc, "span").class("om-k-choice-label").text(label));
    match count {
        Some(n) if n > 0 => b.child(el(doc, "span").class("om-k-count").text(&n.to_string())),
        _ => b,
    }
}

/// "Any": the choice that clears the input.
fn any(doc: &Document, action: KioskAction, label: &str, on: bool) -> El {
    button(doc, "om-k-choice om-k-any", &Action::Kiosk(action), label).attr("aria-pressed", if on { "true" } else { "false" })
}

/// "← wider": back to the wider choices.
fn back(doc: &Document, action: KioskAction, label: &str) -> El {
    button(doc, "om-k-choice om-k-back", &Action::Kiosk(action), &format!("← {label}"))
}

/// Redraws the quick-choice panel for the current state.
pub fn render(cx: &Ctx, section: &Element, state: &State, figures: Option<&Figures>) {
    let doc = cx.doc;
    let lang = cx.lang;
    let f = fair_ui(lang);
    let picker = state.kiosk.picker;
    let province = state.kiosk.province;
    let industry = state.search.industry.trim();
    let budget = state.search.budget.trim();
    let region = state.search.region.trim();
    clear(section);

    let mut tabs = el(doc, "div").class("om-k-tabs").attr("role", "group").attr("aria-label", f.pick);
    for (p, label, value) in
        [(Picker::Industry, f.pick_industry, industry), (Picker::Budget, f.pick_budget, budget), (Picker::Region, f.pick_region, region)]
    {
        let mut b = button(doc, "om-k-tab", &Action::Kiosk(KioskAction::Picker(p)), "")
            .attr("aria-pressed", if p == picker { "true" } else { "false" })
            .child(el(doc, "span").class("om-k-tab-label").text(label));
        if !value.is_empty() {
            b = b.child(el(doc, "span").class("om-k-tab-value").text(value));
        }
        tabs = tabs.child(b);
    }
    let _ = section.append_child(&tabs.build());

    let mut panel = el(doc, "div").class("om-k-choices").attr("role", "group");
    match picker {
        Picker::Industry => {
            panel = panel.attr("aria-label", f.pick_industry);
            let t = Taxonomy::global();
            // A chosen industry that has narrower ones opens them (装备制造 → 新能源汽车 → 动力电池);
            // a chosen leaf shows its siblings. Otherwise: the list's sectors, largest first.
            let open = t.lookup(industry).and_then(|n| if t.children(n).is_empty() { t.node(n).parent } else { Some(n) });
            match open {
                Some(node) => {
                    let wider = t.node(node).parent.map(|p| t.label(p, lang).to_string()).unwrap_or_default();
                    let label = t.label(node, lang);
                    let chip = |label: &str| choice(doc, KioskAction::Industry(label.to_string()), label, None, industry == label);
                    panel = panel.child(back(doc, KioskAction::Industry(wider), f.wider_industry)).child(chip(label));
                    for &c in t.children(node) {
                        panel = panel.child(chip(t.label(c, lang)));
                    }
                }
                None => {
                    panel = panel.child(any(doc, KioskAction::Industry(String::new()), f.any_industry, industry.is_empty()));
                    let sectors = figures.map(|fig| &fig.stats.by_sector[..]).unwrap_or_default();
                    for (label, n, _) in sectors.iter().take(16) {
                        panel = panel.child(choice(doc, KioskAction::Industry(label.clone()), label, Some(*n), industry == label));
                    }
                }
            }
        }
        Picker::Budget => {
            panel = panel.attr("aria-label", f.pick_budget).child(any(doc, KioskAction::Budget(None), f.any_budget, budget.is_empty()));
            for y in BUDGETS {
                let label = format_yuan(y, lang);
                let on = budget == label;
                panel = panel.child(choice(doc, KioskAction::Budget(Some(y)), &label, None, on));
            }
        }
        Picker::Region => {
            panel = panel.attr("aria-label", f.pick_region);
            let g = Gazetteer::global();
            let count = |id: RegionId| figures.and_then(|fig| fig.counts.get(&g.region(id).code)).copied().unwrap_or(0);
            match province.and_then(|c| g.by_code(c)) {
                None => {
                    panel = panel.child(any(doc, KioskAction::AnyRegion, f.any_region, region.is_empty()));
                    let mut provinces: Vec<RegionId> = g.regions().filter(|(_, r)| r.level == Level::Province).map(|(id, _)| id).collect();
                    crate::sort::sort_by_key(&mut provinces, |id| (std::cmp::Reverse(count(*id)), g.region(*id).code));
                    for id in provinces {
                        let code = g.region(id).code;
                        let on = region == picked_region_text(code, lang);
                        panel = panel.child(choice(doc, KioskAction::Province(code), &g.display_name(id, lang), Some(count(id)), on));
                    }
                }
                Some(p) => {
                    let code = g.region(p).code;
                    panel = panel.child(back(doc, KioskAction::AllProvinces, f.all_provinces)).child(choice(
                        doc,
                        KioskAction::Province(code),
                        &g.display_name(p, lang),
                        Some(count(p)),
                        region == picked_region_text(code, lang),
                    ));
                    let mut places = g.places_of_province(p);
                    crate::sort::sort_by_key(&mut places, |id| (std::cmp::Reverse(count(*id)), g.region(*id).code));
                    for id in places {
                        let code = g.region(id).code;
                        panel = panel.child(choice(
                            doc,
                            KioskAction::City(code),
                            &g.display_name(id, lang),
                            Some(count(id)),
                            region == picked_region_text(code, lang),
                        ));
                    }
                }
            }
        }
    }
    let _ = section.append_child(&panel.build());
}
