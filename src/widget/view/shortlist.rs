//! The shortlist: starred projects compared side by side (one column a project), the share link and
//! the CSV export. The table and the CSV are made from the same rows.

use super::{is_stale, Ctx};
use crate::present::ProjectView;
use crate::widget::action::Action;
use crate::widget::dom::{button, clear, el};
use crate::widget::i18n::{date_text, jobs_text, percent_text};
use crate::widget::state::Entry;
use crate::widget::url::is_http;
use crate::Lang;
use web_sys::Element;

/// One value of the comparison: its text, and whether it is list text that stays Chinese on an
/// English page (the cell is then marked `lang="zh"`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    pub chinese: bool,
}

impl Cell {
    fn plain(text: String) -> Cell {
        Cell { text, chinese: false }
    }
}

/// A field of a view as a cell, marked when it stays Chinese.
fn field(v: &ProjectView, key: &str, text: Option<&str>) -> Cell {
    Cell { text: text.unwrap_or_default().to_string(), chinese: v.is_untranslated(key) }
}

/// A list field (`tags`, `cooperation`) joined, marked when any item stays Chinese.
fn items(v: &ProjectView, key: &str, items: &[String], lang: Lang) -> Cell {
    let chinese = (0..items.len()).any(|i| v.is_untranslated(&format!("{key}.{i}")));
    Cell { text: items.join(if lang == Lang::En { ", " } else { "、" }), chinese }
}

/// `(label, one value per entry)` rows; rows empty for every entry are left out. A row's values
/// never repeat its label (`Updated` | `2026-02-22`, not `Updated 2026-02-22`).
pub fn rows(cx: &Ctx, entries: &[Entry], today: &str, with_name: bool) -> Vec<(String, Vec<Cell>)> {
    let u = cx.ui;
    let lang = cx.lang;
    type Getter<'g> = Box<dyn Fn(&Entry) -> Cell + 'g>;
    let view = |f: fn(&ProjectView, Lang) -> Cell| -> Getter<'static> {
        Box::new(move |e: &Entry| e.view.as_ref().map(|v| f(v, lang)).unwrap_or_default())
    };
    let mut spec: Vec<(&str, Getter)> = Vec::new();
    spec.push((u.id, Box::new(|e: &Entry| Cell::plain(e.id.clone()))));
    if with_name {
        spec.push((u.name, view(|v, _| field(v, "name", Some(&v.name)))));
    }
    spec.push((u.score, Box::new(|e: &Entry| Cell::plain(e.score.as_ref().map(|(s, _)| percent_text(*s)).unwrap_or_default()))));
    spec.push((u.place, view(|v, _| Cell::plain(v.place.clone()))));
    spec.push((u.park, view(|v, _| field(v, "park", v.park.as_deref()))));
    spec.push((u.investment, view(|v, _| Cell::plain(v.investment.clone().unwrap_or_default()))));
    spec.push((u.seeking, view(|v, _| Cell::plain(v.seeking.clone().unwrap_or_default()))));
    spec.push((
        u.project_sector,
        view(|v, _| match &v.sector_label {
            Some(label) => Cell::plain(label.clone()),
            None => field(v, "sector", Some(&v.sector)),
        }),
    ));
    spec.push((u.tags, view(|v, l| items(v, "tags", &v.tags, l))));
    spec.push((u.cooperation, view(|v, l| items(v, "cooperation", &v.cooperation, l))));
    spec.push((u.stage, view(|v, _| field(v, "stage", v.stage.as_deref()))));
    spec.push((u.irr, view(|v, _| Cell::plain(v.irr.clone().unwrap_or_default()))));
    spec.push((u.payback, view(|v, _| Cell::plain(v.payback.clone().unwrap_or_default()))));
    spec.push((u.jobs, view(|v, l| Cell::plain(v.jobs.map(|j| jobs_text(l, j)).unwrap_or_default()))));
    spec.push((u.annual_output, view(|v, _| Cell::plain(v.annual_output.clone().unwrap_or_default()))));
    spec.push((u.contact_org, view(|v, _| field(v, "contact_org", v.contact_org.as_deref()))));
    spec.push((u.contact_name, view(|v, _| field(v, "contact_name", v.contact_name.as_deref()))));
    spec.push((u.phone, view(|v, _| Cell::plain(v.contact_phone.clone().unwrap_or_default()))));
    spec.push((u.email, view(|v, _| Cell::plain(v.contact_email.clone().unwrap_or_default()))));
    spec.push((u.link, view(|v, _| Cell::plain(v.url.clone().filter(|u| is_http(u)).unwrap_or_default()))));
    let today = today.to_string();
    spec.push((
        u.updated,
        Box::new(move |e: &Entry| {
            Cell::plain(
                e.view.as_ref().and_then(|v| v.updated.as_deref()).map(|d| date_text(lang, d, is_stale(d, &today))).unwrap_or_default(),
            )
        }),
    ));
    spec.push((u.why, Box::new(|e: &Entry| Cell::plain(e.score.as_ref().map(|(_, r)| r.join("\n")).unwrap_or_default()))));

    spec.into_iter()
        .map(|(label, get)| (label.to_string(), entries.iter().map(&get).collect::<Vec<Cell>>()))
        .filter(|(_, values)| values.iter().any(|v| !v.text.is_empty()))
        .collect()
}

/// The shortlist panel.
pub fn render(cx: &Ctx, panel: &Element, entries: &[Entry], today: &str, share_url: &str) {
    clear(panel);
    let u = cx.ui;
    let doc = cx.doc;
    if entries.is_empty() {
        let _ = panel.append_child(&el(doc, "div").class("om-state om-empty").child(el(doc, "p").text(u.shortlist_empty)).build());
        return;
    }

    let toolbar = el(doc, "div")
        .class("om-actions om-toolbar")
        .child(button(doc, "om-button", &Action::Export, u.export_csv))
        .child(button(doc, "om-button om-secondary", &Action::ClearShortlist, u.clear_shortlist));
    let _ = panel.append_child(&toolbar.build());

    let share = el(doc, "div")
        .class("om-share")
        .child(el(doc, "label").class("om-label").attr("for", "om-share-url").text(u.share))
        .child(el(doc, "p").class("om-hint").attr("id", "om-share-hint").text(u.share_hint))
        .child(
            el(doc, "input")
                .class("om-input om-share-url")
                .attr("id", "om-share-url")
                .attr("type", "url")
                .attr("readonly", "")
                .attr("data-key", "share")
                .attr("aria-describedby", "om-share-hint")
                .attr("value", share_url),
        );
    let _ = panel.append_child(&share.build());

    let mut head = el(doc, "tr").child(el(doc, "th").attr("scope", "col").class("om-corner").text(u.field));
    for e in entries {
        let name = e.view.as_ref().map(|v| v.name.clone()).unwrap_or_else(|| e.id.clone());
        let chinese = e.view.as_ref().is_some_and(|v| v.is_untranslated("name"));
        let mut th =
            el(doc, "th").attr("scope", "col").child(el(doc, "span").class("om-col-name").attr_if(chinese, "lang", "zh").text(&name));
        if e.view.is_none() {
            th = th.child(el(doc, "span").class("om-badge").text(u.not_in_list));
        }
        th = th.child(
            button(doc, "om-button om-secondary om-remove", &Action::Remove(e.id.clone()), u.remove)
                .attr("aria-label", &format!("{}{}{}", u.remove, if cx.lang == Lang::En { ": " } else { "：" }, name)),
        );
        head = head.child(th);
    }
    let mut body = el(doc, "tbody");
    for (label, values) in rows(cx, entries, today, false) {
        let mut tr = el(doc, "tr").child(el(doc, "th").attr("scope", "row").text(&label));
        for v in values {
            // On an English page each Chinese run is marked, not the whole cell: a tags cell may hold
            // English labels and one Chinese tag, a reason may quote what was typed.
            tr = tr.child(if v.chinese && cx.lang != Lang::En {
                el(doc, "td").attr("lang", "zh").text(&v.text)
            } else {
                cx.mixed("td", &v.text)
            });
        }
        body = body.child(tr);
    }
    let table =
        el(doc, "table").class("om-compare").child(el(doc, "caption").text(u.compare)).child(el(doc, "thead").child(head)).child(body);
    let wrap = el(doc, "div")
        .class("om-table-wrap")
        .attr("role", "region")
        .attr("aria-label", u.compare)
        .attr("tabindex", "0")
        .attr("data-key", "table")
        .child(table);
    let _ = panel.append_child(&wrap.build());
}

/// The shortlist as CSV rows: a header row, then one row a project.
pub fn csv_rows(cx: &Ctx, entries: &[Entry], today: &str) -> Vec<Vec<String>> {
    let rows = rows(cx, entries, today, true);
    let mut out: Vec<Vec<String>> = vec![rows.iter().map(|(l, _)| l.clone()).collect()];
    for i in 0..entries.len() {
        out.push(rows.iter().map(|(_, values)| values[i].text.clone()).collect());
    }
    out
}
