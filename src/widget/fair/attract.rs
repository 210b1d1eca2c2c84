//! The attract screen: what the kiosk shows while nobody uses it. The list's headline figures
//! (projects, total investment, provinces) and two bar charts (projects by sector and by province)
//! drawn as SVG from [`ListStats`], in the current language, with the language switch and a large
//! "touch to start". A tap anywhere on it starts.

use super::chart::{bars, Bar};
use crate::gazetteer::Gazetteer;
use crate::hash::FxMap;
use crate::money::format_yuan;
use crate::present::ListStats;
use crate::rank::Matcher;
use crate::widget::action::{Action, KioskAction};
use crate::widget::dom::{button, clear, el};
use crate::widget::i18n::fair::{bar_value, fair_ui};
use crate::widget::i18n::lang_button;
use crate::widget::state::{ListState, State};
use crate::widget::view::Ctx;
use crate::Lang;
use web_sys::Element;

/// Figures of the loaded list, computed once per list (and per language for the labels).
pub struct Figures {
    key: (u64, usize),
    lang: Lang,
    pub stats: ListStats,
    /// Projects per province, city and county code.
    pub counts: FxMap<u32, usize>,
}

/// Identifies a loaded list, to notice a new one.
fn list_key(list: Option<&Matcher>) -> (u64, usize) {
    list.map_or((0, 0), |m| (m.load_id(), m.len()))
}

/// The figures of `list` in `lang`, from `cache` when they are for that list and language, or
/// `None` while no list is loaded.
pub fn figures<'a>(cache: &'a mut Option<Figures>, list: Option<&Matcher>, lang: Lang) -> Option<&'a Figures> {
    let key = list_key(list);
    let m = list?;
    let stale = cache.as_ref().is_none_or(|f| f.key != key || f.lang != lang);
    if stale {
        let counts = match cache.take() {
            Some(f) if f.key == key => f.counts,
            _ => {
                // From the places tallied when the list loaded: no project is read.
                let g = Gazetteer::global();
                let mut counts: FxMap<u32, usize> = FxMap::default();
                for &(place, n, _) in &m.facets().places {
                    let mut ids = vec![g.province_of(place)];
                    ids.extend(g.city_of(place));
                    ids.extend(g.county_of(place));
                    ids.dedup();
                    for id in ids {
                        *counts.entry(g.region(id).code).or_default() += n;
                    }
                }
                counts
            }
        };
        *cache = Some(Figures { key, lang, stats: ListStats::from_facets(m.facets(), lang), counts });
    }
    cache.as_ref()
}

/// An amount short enough for a chart or a headline: `366亿元` / `366億元` as the core writes it,
/// and in English billions with one decimal (`36.6 billion yuan`; `format_yuan` keeps two).
pub fn compact_yuan(yuan: u64, lang: Lang) -> String {
    if lang == Lang::En && yuan >= 1_000_000_000 {
        let b = yuan as f64 / 1e9;
        let text = if b >= 100.0 { format!("{b:.0}") } else { format!("{b:.1}") };
        return format!("{} billion yuan", text.trim_end_matches(".0"));
    }
    format_yuan(yuan, lang)
}

/// The top `n` rows of a breakdown, the rest summed as "others".
fn top_bars(lang: Lang, rows: &[(String, usize, u64)], n: usize, others: &str) -> Vec<Bar> {
    let mut shown: Vec<(String, usize, u64, bool)> = rows.iter().take(n).map(|(l, c, y)| (l.clone(), *c, *y, false)).collect();
    if rows.len() > n {
        let (c, y) = rows[n..].iter().fold((0usize, 0u64), |(c, y), r| (c + r.1, y.saturating_add(r.2)));
        shown.push((others.to_string(), c, y, true));
    }
    let max = shown.iter().map(|r| r.1).max().unwrap_or(1).max(1) as f64;
    shown
        .into_iter()
        .map(|(label, c, y, others)| Bar { label, value: bar_value(lang, c, &compact_yuan(y, lang)), share: c as f64 / max, others })
        .collect()
}

/// Draws the attract screen when it is shown and its content changed (`drawn`: what it shows now).
pub fn render(cx: &Ctx, section: &Element, drawn: &mut String, state: &State, figures: Option<&Figures>) {
    let lang = cx.lang;
    let list = state.list.matcher();
    if !state.kiosk.attract {
        if !drawn.is_empty() {
            clear(section);
            drawn.clear();
        }
        let _ = section.set_attribute("hidden", "");
        return;
    }
    let _ = section.remove_attribute("hidden");
    let key = format!("{}|{}|{:?}|{}", lang.tag(), cx.hant.is_some(), list_key(list), matches!(state.list, ListState::Ready(_)));
    if *drawn == key {
        return;
    }
    *drawn = key;
    let title = list.and_then(|m| m.meta().title.clone());
    let doc = cx.doc;
    let f = fair_ui(lang);
    clear(section);

    let mut langs = el(doc, "div").class("om-langs om-a-langs").attr("role", "group").attr("aria-label", cx.ui.language);
    for l in Lang::ALL {
        let (short, long) = lang_button(l);
        langs = langs.child(
            button(doc, "om-lang", &Action::ChooseLang(l), short)
                .attr("lang", l.tag())
                .attr("aria-label", long)
                .attr("aria-pressed", if l == lang { "true" } else { "false" }),
        );
    }
    // The list's title in the reader's script; on an English page a Chinese title gives way to the
    // English heading and follows it, marked as Chinese.
    let shown_title = title.as_deref().map(|t| crate::present::list_text(t, lang, cx.hant));
    let mut heading = el(doc, "div").class("om-a-heading");
    heading = match &shown_title {
        Some((t, false)) => heading.child(el(doc, "h2").class("om-a-title").text(t)),
        Some((t, true)) => heading
            .child(el(doc, "h2").class("om-a-title").text(f.attract_title))
            .child(el(doc, "p").class("om-a-list-title").attr("lang", "zh").text(t)),
        None => heading.child(el(doc, "h2").class("om-a-title").text(f.attract_title)),
    };
    let head =
        el(doc, "div").class("om-a-head").child(heading.child(el(doc, "p").class("om-a-tagline").text(f.attract_tagline))).child(langs);
    let _ = section.append_child(&head.build());

    match figures {
        Some(fig) => {
            let s = &fig.stats;
            let provinces = s.by_province.len();
            let figure = |num: String, unit: &str, class: &str| {
                el(doc, "p")
                    .class(&format!("om-a-fig {class}"))
                    .child(el(doc, "span").class("om-a-num").text(&num))
                    .child(el(doc, "span").class("om-a-unit").text(unit))
            };
            let figs = el(doc, "div")
                .class("om-a-figures")
                .child(figure(s.projects.to_string(), f.projects, "om-a-projects"))
                .child(figure(compact_yuan(s.total_investment_yuan, lang), f.total_investment, "om-a-total"))
                .child(figure(provinces.to_string(), f.provinces, "om-a-provinces"));
            // A phone gets charts with each label above its bar.
            let narrow = web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|v| v.as_f64()).is_some_and(|w| w < 640.0);
            let sector = bars(doc, f.by_sector, &top_bars(lang, &s.by_sector, 8, f.others), narrow);
            let province = bars(doc, f.by_province, &top_bars(lang, &s.by_province, 8, f.others), narrow);
            let charts = el(doc, "div")
                .class("om-a-charts")
                .child(el(doc, "figure").class("om-a-chart om-a-by-sector").child(el(doc, "figcaption").text(f.by_sector)).child(sector))
                .child(
                    el(doc, "figure").class("om-a-chart om-a-by-province").child(el(doc, "figcaption").text(f.by_province)).child(province),
                );
            let _ = section.append_child(&figs.build());
            let _ = section.append_child(&charts.build());
        }
        None => {
            let _ = section.append_child(&el(doc, "p").class("om-a-wait").text(f.no_list).build());
        }
    }
    let start = button(doc, "om-button om-a-start", &Action::Kiosk(KioskAction::Start), f.start);
    let _ = section.append_child(&el(doc, "div").class("om-a-foot").child(start).build());
}
