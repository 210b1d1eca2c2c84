//! Quick choices, so that a visitor at a touch kiosk never needs a keyboard: the list's sectors as
//! chips (a chosen one opens its narrower industries, down to e.g. 动力电池), amount presets for the budget, and a province → city picker for the region. A choice
//! writes into the widget's own input (as if typed), so the ranking, the URL fragment and the QR
//! code follow; tapping the chosen one again clears it.

use super::attract::figures;
use super::i18n::fair_ui;
use super::Picker;
use crate::gazetteer::{Gazetteer, Level, RegionId};
use crate::money::format_yuan;
use crate::taxonomy::Taxonomy;
use crate::widget::dom::{action_button, clear, el, El};
use crate::widget::App;
use crate::Lang;
use web_sys::Document;

/// Budget presets in yuan: 10 million to 10 billion.
pub const BUDGETS: [u64; 8] =
    [10_000_000, 50_000_000, 100_000_000, 500_000_000, 1_000_000_000, 3_000_000_000, 5_000_000_000, 10_000_000_000];

/// The text a picked region puts in the region input: its name in the current language when that
/// name alone means this place (`成都市`, `Chengdu`), else its path (`Suzhou, Jiangsu`).
pub fn region_text(code: u32, lang: Lang) -> String {
    let g = Gazetteer::global();
    let Some(id) = g.by_code(code) else { return String::new() };
    let name = g.display_name(id, lang);
    if g.resolve_query(&name).regions == [id] {
        name
    } else {
        g.display_path(id, lang)
    }
}

fn choice(doc: &Document, action: &str, id: &str, label: &str, count: Option<usize>, on: bool) -> El {
    let b = action_button(doc, "om-k-choice", action, Some(id), "").attr("aria-pressed", if on { "true" } else { "false" });
    let b = b.child(el(doc, "span").class("om-k-choice-label").text(label));
    match count {
        Some(n) if n > 0 => b.child(el(doc, "span").class("om-k-count").text(&n.to_string())),
        _ => b,
    }
}

fn any(doc: &Document, action: &str, label: &str, on: bool) -> El {
    action_button(doc, "om-k-choice om-k-any", action, Some(""), label).attr("aria-pressed", if on { "true" } else { "false" })
}

/// Redraws the quick-choice panel for the current state.
pub fn render(app: &mut App) {
    let Some(section) = app.kiosk.parts.as_ref().map(|p| p.pickers.clone()) else { return };
    let doc = app.doc.clone();
    let lang = app.state.lang;
    let f = fair_ui(lang);
    let picker = app.kiosk.picker;
    let province = app.kiosk.province;
    let industry = app.state.industry.trim().to_string();
    let budget = app.state.budget.trim().to_string();
    let region = app.state.region.trim().to_string();
    clear(&section);

    let mut tabs = el(&doc, "div").class("om-k-tabs").attr("role", "group").attr("aria-label", f.pick);
    for (p, key, label, value) in [
        (Picker::Industry, "industry", f.pick_industry, &industry),
        (Picker::Budget, "budget", f.pick_budget, &budget),
        (Picker::Region, "region", f.pick_region, &region),
    ] {
        let mut b = action_button(&doc, "om-k-tab", "k-picker", Some(key), "")
            .attr("aria-pressed", if p == picker { "true" } else { "false" })
            .child(el(&doc, "span").class("om-k-tab-label").text(label));
        if !value.is_empty() {
            b = b.child(el(&doc, "span").class("om-k-tab-value").text(value));
        }
        tabs = tabs.child(b);
    }
    let _ = section.append_child(&tabs.build());

    let mut panel = el(&doc, "div").class("om-k-choices").attr("role", "group");
    match picker {
        Picker::Industry => {
            panel = panel.attr("aria-label", f.pick_industry);
            let t = Taxonomy::global();
            // A chosen industry that has narrower ones opens them (装备制造 → 新能源汽车 → 动力电池);
            // a chosen leaf shows its siblings. Otherwise: the list's sectors, largest first.
            let open = t.lookup(&industry).and_then(|n| if t.children(n).is_empty() { t.node(n).parent } else { Some(n) });
            match open {
                Some(node) => {
                    let wider = t.node(node).parent.map(|p| t.label(p, lang).to_string()).unwrap_or_default();
                    let label = t.label(node, lang);
                    panel = panel
                        .child(action_button(&doc, "om-k-choice om-k-back", "k-industry", Some(&wider), &format!("← {}", f.wider_industry)))
                        .child(choice(&doc, "k-industry", label, label, None, industry == label));
                    for &c in t.children(node) {
                        let label = t.label(c, lang);
                        panel = panel.child(choice(&doc, "k-industry", label, label, None, industry == label));
                    }
                }
                None => {
                    panel = panel.child(any(&doc, "k-industry", f.any_industry, industry.is_empty()));
                    let sectors: Vec<(String, usize)> = figures(app)
                        .map(|fig| fig.stats.by_sector.iter().take(16).map(|(l, n, _)| (l.clone(), *n)).collect())
                        .unwrap_or_default();
                    for (label, n) in sectors {
                        panel = panel.child(choice(&doc, "k-industry", &label, &label, Some(n), industry == label));
                    }
                }
            }
        }
        Picker::Budget => {
            panel = panel.attr("aria-label", f.pick_budget).child(any(&doc, "k-budget", f.any_budget, budget.is_empty()));
            for y in BUDGETS {
                let label = format_yuan(y, lang);
                let on = budget == label;
                panel = panel.child(choice(&doc, "k-budget", &y.to_string(), &label, None, on));
            }
        }
        Picker::Region => {
            panel = panel.attr("aria-label", f.pick_region);
            let g = Gazetteer::global();
            let counts = figures(app).map(|fig| fig.counts.clone()).unwrap_or_default();
            let count = |id: RegionId| counts.get(&g.region(id).code).copied().unwrap_or(0);
            match province.and_then(|c| g.by_code(c)) {
                None => {
                    panel = panel.child(any(&doc, "k-region-any", f.any_region, region.is_empty()));
                    let mut provinces: Vec<RegionId> = g.regions().filter(|(_, r)| r.level == Level::Province).map(|(id, _)| id).collect();
                    crate::fold::sort_by_key(&mut provinces, |id| (std::cmp::Reverse(count(*id)), g.region(*id).code));
                    for id in provinces {
                        let code = g.region(id).code;
                        let on = region == region_text(code, lang);
                        panel = panel.child(choice(&doc, "k-province", &code.to_string(), &g.display_name(id, lang), Some(count(id)), on));
                    }
                }
                Some(p) => {
                    let code = g.region(p).code;
                    panel = panel
                        .child(action_button(&doc, "om-k-choice om-k-back", "k-provinces", None, &format!("← {}", f.all_provinces)))
                        .child(choice(
                            &doc,
                            "k-province",
                            &code.to_string(),
                            &g.display_name(p, lang),
                            Some(count(p)),
                            region == region_text(code, lang),
                        ));
                    // The cities of a province; for a municipality (北京, 重庆 …) its districts.
                    let own = g.city_of(p);
                    let mut places: Vec<RegionId> = g
                        .regions()
                        .filter(|(id, r)| r.level == Level::City && g.province_of(*id) == p && Some(*id) != own)
                        .map(|(id, _)| id)
                        .collect();
                    if places.is_empty() {
                        if let Some(city) = own {
                            places = g.regions().filter(|(_, r)| r.parent == Some(city)).map(|(id, _)| id).collect();
                        }
                    }
                    crate::fold::sort_by_key(&mut places, |id| (std::cmp::Reverse(count(*id)), g.region(*id).code));
                    for id in places {
                        let code = g.region(id).code;
                        panel = panel.child(choice(
                            &doc,
                            "k-city",
                            &code.to_string(),
                            &g.display_name(id, lang),
                            Some(count(id)),
                            region == region_text(code, lang),
                        ));
                    }
                }
            }
        }
    }
    let _ = section.append_child(&panel.build());
}
