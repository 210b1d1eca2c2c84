//! The lines around the results: the status line (`role="status"`: how many projects, the
//! query's warnings, the list's load notes), what was understood of each input, and the footer
//! (the list's source and the privacy note).

use super::frame::Frame;
use super::Ctx;
use crate::rank::RankResponse;
use crate::widget::dom::{clear, el, text};
use crate::widget::i18n::{count_line, source_line};
use crate::widget::state::{HantState, Input, ListState, Search};
use crate::Lang;
use web_sys::Element;

/// Load notes listed at most (the rest is counted).
const NOTES_SHOWN: usize = 50;

/// "3.2 MB" or "3.2 / 12.0 MB": how much of a large list has arrived.
fn megabytes(received: u64, total: u64) -> String {
    let mb = |n: u64| format!("{:.1}", n as f64 / 1_048_576.0);
    if total > 0 {
        format!("{} / {} MB", mb(received), mb(total))
    } else {
        format!("{} MB", mb(received))
    }
}

/// The status line (not a live region: see `Screen::announce`).
pub fn status(
    cx: &Ctx,
    status: &Element,
    list: &ListState,
    response: Option<&RankResponse>,
    search: &Search,
    hant: &HantState,
    progress: Option<(u64, u64)>,
) {
    let doc = cx.doc;
    let u = cx.ui;
    clear(status);
    let line = |text: &str| {
        let _ = status.append_child(&el(doc, "p").class("om-count").text(text).build());
    };
    match (list, response) {
        (ListState::Loading, _) => match progress {
            // A large list: how much has arrived, and a bar (indeterminate when the size is unknown).
            Some((received, total)) => {
                line(&format!("{} {}", u.loading, megabytes(received, total)));
                let bar = el(doc, "progress").class("om-progress").attr("aria-hidden", "true");
                let bar = if total > 0 { bar.attr("max", &total.to_string()).attr("value", &received.to_string()) } else { bar };
                let _ = status.append_child(&bar.build());
            }
            None => line(u.loading),
        },
        (ListState::Failed(_), _) => line(u.load_failed),
        (ListState::Ready(m), Some(r)) => {
            line(&count_line(cx.lang, m.len(), r.matched, r.results.len(), search.has_query()));
            if !r.warnings.is_empty() {
                let ul = el(doc, "ul").class("om-warnings").children(r.warnings.iter().map(|w| cx.mixed("li", w)));
                let _ = status.append_child(&ul.build());
            }
            if !m.rejected().is_empty() || !m.warnings().is_empty() {
                let mut items: Vec<String> = m.rejected().iter().map(|r| r.message(cx.lang)).collect();
                items.extend(m.warnings().iter().map(|w| w.message(cx.lang)));
                let more = items.len().saturating_sub(NOTES_SHOWN);
                items.truncate(NOTES_SHOWN);
                if more > 0 {
                    items.push(format!("… +{more}"));
                }
                let details = el(doc, "details")
                    .class("om-load-notes")
                    .child(el(doc, "summary").attr("data-key", "load-notes").text(&format!(
                        "{}{}{}",
                        u.list_problems,
                        if cx.lang == Lang::En { ": " } else { "：" },
                        m.summary(cx.lang)
                    )))
                    .child(el(doc, "ul").children(items.iter().map(|t| cx.mixed("li", t))));
                let _ = status.append_child(&details.build());
            }
        }
        (ListState::Ready(_), None) => {}
    }
    if cx.lang == Lang::ZhHant && matches!(hant, HantState::Failed(_)) {
        let _ = status.append_child(&el(doc, "p").class("om-note om-hant-note").text(u.hant_unavailable).build());
    }
}

/// Under each input, what the matcher understood of it (nothing under an empty input).
pub fn understood(cx: &Ctx, frame: &Frame, search: &Search, response: Option<&RankResponse>) {
    let Some(r) = response else { return };
    let sep = if cx.lang == Lang::En { ", " } else { "、" };
    let q = &r.query;
    let mut industry: Vec<String> = q.industry.iter().filter_map(|i| i.label.clone()).collect();
    // Industries left out (`不要房地产`) after those wanted: `已识别：新能源；不含：房地产`.
    if !q.excluded_industries.is_empty() {
        let between = if industry.is_empty() { "" } else { cx.lang.pick("；", "；", "; ") };
        let last = industry.pop().map(|i| format!("{i}{between}")).unwrap_or_default();
        industry.push(format!("{last}{}{}", cx.ui.excluding_industries, q.excluded_industries.join(sep)));
    }
    let mut region: Vec<String> = q.region.iter().map(|r| r.name.clone()).collect();
    region.extend(q.zones.iter().cloned());
    // Places left out (`成都以外`) are said after those wanted: `已识别：四川省；不含：成都市`.
    let excluded: Vec<String> = q.excluded.iter().map(|r| r.name.clone()).chain(q.excluded_zones.iter().cloned()).collect();
    if !excluded.is_empty() {
        let between = if region.is_empty() { "" } else { cx.lang.pick("；", "；", "; ") };
        let last = region.pop().map(|r| format!("{r}{between}")).unwrap_or_default();
        region.push(format!("{last}{}{}", cx.ui.excluding, excluded.join(sep)));
    }
    for (input, parts) in
        [(Input::Industry, industry), (Input::Budget, q.budget.iter().map(|b| b.text.clone()).collect::<Vec<_>>()), (Input::Region, region)]
    {
        // A part typed in another box (`想在成都投个五千万做新能源` in the industry box, `成都 5000万` in
        // the region box) is shown under its own box, saying where it was typed: the industry box
        // first (its sentence is read first), then the region box, then the budget box.
        let typed_in =
            [(Input::Industry, cx.ui.from_industry_box), (Input::Region, cx.ui.from_region_box), (Input::Budget, cx.ui.from_budget_box)]
                .into_iter()
                .find(|(other, _)| *other != input && !search.input(*other).trim().is_empty())
                .map(|(_, said)| said);
        let text = if parts.is_empty() {
            String::new()
        } else if !search.input(input).trim().is_empty() {
            format!("{}{}", cx.ui.understood, parts.join(sep))
        } else if let Some(said) = typed_in {
            format!("{}{}{said}", cx.ui.understood, parts.join(sep))
        } else {
            String::new()
        };
        frame.understood(input).set_text_content(Some(&text));
    }
}

/// The footer: where the list comes from, its notice, and that nothing leaves the browser.
pub fn footer(cx: &Ctx, footer: &Element, list: &ListState) {
    let doc = cx.doc;
    clear(footer);
    if let Some(m) = list.matcher() {
        let meta = m.meta();
        let parts: Vec<&str> = [meta.title.as_deref(), meta.publisher.as_deref(), meta.updated.as_deref()].into_iter().flatten().collect();
        if !parts.is_empty() {
            // `数据来源：` then each part as list text (in Traditional in 繁, marked Chinese in English).
            let mut line = el(doc, "p").class("om-source").child(text(doc, &source_line(cx.lang, &[])));
            for (i, part) in parts.iter().enumerate() {
                if i > 0 {
                    line = line.child(text(doc, " · "));
                }
                line = line.child(cx.list_text("span", part));
            }
            let _ = footer.append_child(&line.build());
        }
        if let Some(notice) = &meta.notice {
            let _ = footer.append_child(&cx.list_text("p", notice).class("om-notice").build());
        }
    }
    let _ = footer.append_child(&el(doc, "p").class("om-privacy").text(cx.ui.privacy).build());
}
