//! Taking the result away: the QR code of the share link (the current query and shortlist on the
//! public portal named by `share-base`), the same link as short text, and the print view (the
//! shortlist one page per project or as a compact summary, with contacts and the QR code).

use super::Inputs;
use crate::widget::action::{Action, KioskAction};
use crate::widget::dom::{button, clear, el, El};
use crate::widget::i18n::fair::{fair_ui, starred};
use crate::widget::i18n::{date_text, percent_text, ui};
use crate::widget::qr;
use crate::widget::state::{Entry, PrintMode, State};
use crate::widget::url::{encode, readable, share_link};
use crate::widget::view::{is_stale, results, Ctx};
use crate::Lang;
use web_sys::{Document, Element};

/// CSS pixels per QR module as drawn (the stylesheet keeps the code at least 10 cm wide on a
/// kiosk screen and lets it shrink to fit a phone).
const QR_PX: i32 = 8;

/// The link as people can read and type it: no scheme, Chinese decoded, spaces and other ASCII
/// escapes kept (`invest.example.gov.cn/match/#q=动力电池%20AI&b=30亿元`, see [`readable`]).
pub fn short_text(link: &str) -> String {
    let rest = link.split_once("://").map_or(link, |(_, r)| r);
    readable(rest)
}

fn qr_figure(doc: &Document, link: &str, label: &str, class: &str) -> Option<El> {
    let svg = qr::svg(doc, link, label, QR_PX)?;
    Some(el(doc, "div").class(class).attr("data-share-link", link).child(svg))
}

/// Redraws the hand-off panel when the share link changed (`drawn`: what it shows now).
pub fn render(cx: &Ctx, section: &Element, drawn: &mut Option<String>, state: &State, share_base: Option<&str>) {
    let search = &state.search;
    let link = share_link(share_base, search);
    let lang = cx.lang;
    let count = search.shortlist.len();
    let key = format!("{}|{}|{}", lang.tag(), count, link.as_deref().unwrap_or(""));
    if drawn.as_deref() == Some(key.as_str()) {
        return;
    }
    *drawn = Some(key);
    let doc = cx.doc;
    let f = fair_ui(lang);
    clear(section);
    let _ = section.append_child(&el(doc, "h3").class("om-k-h").text(f.handoff).build());
    if count > 0 {
        let _ = section.append_child(&el(doc, "p").class("om-k-starred").text(&starred(lang, count)).build());
    }
    match &link {
        Some(link) => {
            if let Some(fig) = qr_figure(doc, link, f.qr_label, "om-qr") {
                let _ = section.append_child(&fig.build());
            }
            let _ = section.append_child(&el(doc, "p").class("om-k-scan").text(f.handoff_hint).build());
            let _ = section.append_child(
                &el(doc, "p")
                    .class("om-k-link")
                    .child(el(doc, "span").class("om-k-link-label").text(f.or_open))
                    .child(cx.mixed("span", &short_text(link)).class("om-k-link-text"))
                    .build(),
            );
            let print =
                |mode: PrintMode, label: &str| button(doc, "om-button om-secondary", &Action::Kiosk(KioskAction::Print(mode)), label);
            let _ = section.append_child(
                &el(doc, "div")
                    .class("om-actions om-k-print-actions")
                    .child(print(PrintMode::Pages, f.print_pages))
                    .child(print(PrintMode::Summary, f.print_summary))
                    .build(),
            );
        }
        None => {
            let nothing = encode(search).is_empty();
            let text = if nothing || share_base.is_some() { f.handoff_empty } else { f.handoff_offline };
            let _ = section.append_child(&el(doc, "p").class("om-k-empty").text(text).build());
        }
    }
}

/// What to print: the shortlist, else the ten best results of the current query.
fn entries(state: &State, inputs: &Inputs) -> (Vec<Entry>, bool) {
    if !state.search.shortlist.is_empty() {
        return (state.shortlist_entries(inputs.today), true);
    }
    let (Some(m), Some(r)) = (state.list.matcher(), inputs.response) else { return (Vec::new(), false) };
    let list = r
        .results
        .iter()
        .take(10)
        .map(|x| Entry { id: x.id.clone(), view: m.project(x.index).map(|p| state.view(&p)), score: Some((x.score, x.reasons.clone())) })
        .collect();
    (list, false)
}

fn query_line(state: &State) -> String {
    let s = &state.search;
    let u = ui(s.lang);
    let sep = if s.lang == Lang::En { "; " } else { "；" };
    let colon = if s.lang == Lang::En { ": " } else { "：" };
    [(u.industry, &s.industry), (u.budget, &s.budget), (u.region, &s.region)]
        .iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(l, v)| format!("{l}{colon}{}", v.trim()))
        .collect::<Vec<_>>()
        .join(sep)
}

fn fact(doc: &Document, label: &str, value: &str) -> El {
    el(doc, "div").class("om-fact").child(el(doc, "dt").text(label)).child(el(doc, "dd").text(value))
}

/// Keeps the print view (hidden on screen) up to date, so that printing from the browser menu
/// prints the shortlist too (`drawn`: what it shows now).
pub fn render_print(cx: &Ctx, section: &Element, drawn: &mut String, state: &State, inputs: &Inputs) {
    let link = share_link(inputs.share_base, &state.search);
    let lang = cx.lang;
    let mode = state.kiosk.print_mode;
    let list = state.list.matcher();
    let key = format!(
        "{}{}|{}|{:?}|{:?}|{}",
        lang.tag(),
        if cx.hant.is_some() { "+table" } else { "" },
        encode(&state.search),
        list.map_or((0, 0), |m| (m.load_id(), m.len())),
        mode,
        link.as_deref().unwrap_or("")
    );
    if *drawn == key {
        return;
    }
    *drawn = key;
    let doc = cx.doc;
    let f = fair_ui(lang);
    let u = cx.ui;
    let today = inputs.today;
    let _ =
        section.set_attribute("class", if mode == PrintMode::Summary { "om-print om-print-summary" } else { "om-print om-print-pages" });
    clear(section);
    let (entries, is_shortlist) = entries(state, inputs);
    if entries.is_empty() {
        return;
    }
    let title = list.and_then(|m| m.meta().title.clone());

    let mut head =
        el(doc, "header").class("om-print-head").child(el(doc, "h1").text(if is_shortlist { f.print_heading } else { f.print_top }));
    if let Some(t) = &title {
        head = head.child(cx.list_text("p", t).class("om-print-source"));
    }
    let q = query_line(state);
    if !q.is_empty() {
        head = head.child(
            el(doc, "p")
                .child(el(doc, "strong").text(&format!("{}{}", f.print_query, if lang == Lang::En { ": " } else { "：" })))
                .child(el(doc, "span").text(&q)),
        );
    }
    head = head.child(el(doc, "p").class("om-print-date").text(&format!(
        "{}{}{}",
        f.print_date,
        if lang == Lang::En { ": " } else { "：" },
        today
    )));
    let qr_block = |class: &str, with_link: bool| -> Option<Element> {
        let link = link.as_ref()?;
        let fig = qr_figure(doc, link, f.qr_label, "om-print-qr-code")?;
        let mut caption = el(doc, "figcaption").child(el(doc, "span").text(f.print_scan));
        if with_link {
            caption = caption.child(el(doc, "span").class("om-print-link").text(&short_text(link)));
        }
        Some(el(doc, "figure").class(class).child(fig).child(caption).build())
    };
    let head = head.build();
    if let Some(q) = qr_block("om-print-qr", true) {
        let _ = head.append_child(&q);
    }
    let _ = section.append_child(&head);

    match mode {
        PrintMode::Summary => {
            let mut thead = el(doc, "tr");
            for h in ["#", u.name, u.place, u.investment, u.seeking, u.project_sector, u.contact, u.updated] {
                thead = thead.child(el(doc, "th").attr("scope", "col").text(h));
            }
            let mut body = el(doc, "tbody");
            for (i, e) in entries.iter().enumerate() {
                let v = e.view.as_ref();
                let contact: Vec<String> = v
                    .map(|v| {
                        [v.contact_org.clone(), v.contact_name.clone(), v.contact_phone.clone(), v.contact_email.clone()]
                            .into_iter()
                            .flatten()
                            .collect()
                    })
                    .unwrap_or_default();
                let zh = |field: &str| v.is_some_and(|v| v.is_untranslated(field));
                let cells = [
                    ((i + 1).to_string(), false),
                    (v.map_or_else(|| e.id.clone(), |v| v.name.clone()), zh("name")),
                    (v.map(|v| v.place.clone()).unwrap_or_default(), false),
                    (v.and_then(|v| v.investment.clone()).unwrap_or_else(|| u.not_published.to_string()), false),
                    (v.and_then(|v| v.seeking.clone()).unwrap_or_default(), false),
                    (v.map(|v| v.sector_label.clone().unwrap_or_else(|| v.sector.clone())).unwrap_or_default(), zh("sector")),
                    (contact.join("\n"), zh("contact_org") || zh("contact_name")),
                    (v.and_then(|v| v.updated.as_deref()).map(|d| date_text(lang, d, is_stale(d, today))).unwrap_or_default(), false),
                ];
                let mut tr = el(doc, "tr");
                for (c, chinese) in cells {
                    // On an English page each Chinese run is marked (a contact cell holds a phone too).
                    tr =
                        tr.child(if lang == Lang::En || !chinese { cx.mixed("td", &c) } else { el(doc, "td").attr("lang", "zh").text(&c) });
                }
                body = body.child(tr);
            }
            let table = el(doc, "table").class("om-print-table").child(el(doc, "thead").child(thead)).child(body);
            let _ = section.append_child(&table.build());
        }
        PrintMode::Pages => {
            for (i, e) in entries.iter().enumerate() {
                let mut page = el(doc, "article").class("om-print-page").attr("data-project-id", &e.id);
                // The QR code in the page's corner, so that each page can be handed out alone.
                if let Some(q) = qr_block("om-print-qr om-print-qr-small", false) {
                    page = page.child(q);
                }
                let name = e.view.as_ref().map_or_else(|| e.id.clone(), |v| v.name.clone());
                let chinese = e.view.as_ref().is_some_and(|v| v.is_untranslated("name"));
                page = page
                    .child(el(doc, "h2").text(&format!("{}. ", i + 1)).child(el(doc, "span").attr_if(chinese, "lang", "zh").text(&name)));
                if let Some(v) = &e.view {
                    let mut facts = el(doc, "dl").class("om-facts om-print-facts").child(fact(doc, u.place, &v.place));
                    facts = facts.child(fact(doc, u.investment, v.investment.as_deref().unwrap_or(u.not_published)));
                    if let Some(s) = &v.seeking {
                        facts = facts.child(fact(doc, u.seeking, s));
                    }
                    facts = facts.child(fact(doc, u.project_sector, v.sector_label.as_deref().unwrap_or(&v.sector)));
                    if let Some((score, _)) = &e.score {
                        // The label says "match" already: the value is the percentage alone.
                        facts = facts.child(fact(doc, u.score, &percent_text(*score)));
                    }
                    page = page.child(facts);
                    if let Some((_, reasons)) = e.score.as_ref().filter(|(_, r)| !r.is_empty()) {
                        page = page.child(
                            el(doc, "section")
                                .class("om-detail-section")
                                .child(el(doc, "h3").text(u.why))
                                .child(el(doc, "ul").class("om-reasons").children(reasons.iter().map(|r| cx.mixed("li", r)))),
                        );
                    }
                    page = page.child(results::detail(cx, v, &format!("om-print-{i}"), today));
                } else {
                    page = page.child(el(doc, "p").text(u.not_in_list));
                }
                let _ = section.append_child(&page.build());
            }
        }
    }
}
