//! The shortlist: starred projects compared side by side (one column a project), the share link and
//! the CSV export. The table and the CSV are made from the same rows.

use super::{is_stale, Ctx};
use crate::present::ProjectView;
use crate::widget::action::Action;
use crate::widget::dom::{button, clear, el};
use crate::widget::i18n::{jobs_text, term, updated_text};
use crate::widget::state::Entry;
use crate::widget::url::is_http;
use crate::Lang;
use web_sys::Element;

fn join(lang: Lang, items: &[String]) -> String {
    let parts: Vec<String> = items.iter().map(|s| term(lang, s)).collect();
    parts.join(if lang == Lang::En { ", " } else { "、" })
}

/// `(label, one value per entry)` rows; rows empty for every entry are left out.
pub fn rows(cx: &Ctx, entries: &[Entry], today: &str, with_name: bool) -> Vec<(String, Vec<String>)> {
    let u = cx.ui;
    let lang = cx.lang;
    type Getter<'g> = Box<dyn Fn(&Entry) -> String + 'g>;
    let view = |f: fn(&ProjectView, Lang) -> String| -> Getter<'static> {
        Box::new(move |e: &Entry| e.view.as_ref().map(|v| f(v, lang)).unwrap_or_default())
    };
    let mut spec: Vec<(&str, Getter)> = Vec::new();
    spec.push((u.id, Box::new(|e: &Entry| e.id.clone())));
    if with_name {
        spec.push((u.name, view(|v, _| v.name.clone())));
    }
    spec.push((
        u.score,
        Box::new(|e: &Entry| e.score.as_ref().map(|(s, _)| format!("{}%", (s.clamp(0.0, 1.0) * 100.0).round() as u32)).unwrap_or_default()),
    ));
    spec.push((u.place, view(|v, _| v.place.clone())));
    spec.push((u.park, view(|v, _| v.park.clone().unwrap_or_default())));
    spec.push((u.investment, view(|v, _| v.investment.clone().unwrap_or_default())));
    spec.push((u.seeking, view(|v, _| v.seeking.clone().unwrap_or_default())));
    spec.push((u.project_sector, view(|v, _| v.sector_label.clone().unwrap_or_else(|| v.sector.clone()))));
    spec.push((u.tags, view(|v, l| v.tags.join(if l == Lang::En { ", " } else { "、" }))));
    spec.push((u.cooperation, view(|v, l| join(l, &v.cooperation))));
    spec.push((u.stage, view(|v, l| v.stage.as_deref().map(|s| term(l, s)).unwrap_or_default())));
    spec.push((u.irr, view(|v, _| v.irr.clone().unwrap_or_default())));
    spec.push((u.payback, view(|v, _| v.payback.clone().unwrap_or_default())));
    spec.push((u.jobs, view(|v, l| v.jobs.map(|j| jobs_text(l, j)).unwrap_or_default())));
    spec.push((u.annual_output, view(|v, _| v.annual_output.clone().unwrap_or_default())));
    spec.push((u.contact_org, view(|v, _| v.contact_org.clone().unwrap_or_default())));
    spec.push((u.contact_name, view(|v, _| v.contact_name.clone().unwrap_or_default())));
    spec.push((u.phone, view(|v, _| v.contact_phone.clone().unwrap_or_default())));
    spec.push((u.email, view(|v, _| v.contact_email.clone().unwrap_or_default())));
    spec.push((u.link, view(|v, _| v.url.clone().filter(|u| is_http(u)).unwrap_or_default())));
    let today = today.to_string();
    spec.push((
        u.updated,
        Box::new(move |e: &Entry| {
            e.view.as_ref().and_then(|v| v.updated.as_deref()).map(|d| updated_text(lang, d, is_stale(d, &today))).unwrap_or_default()
        }),
    ));
    spec.push((u.why, Box::new(|e: &Entry| e.score.as_ref().map(|(_, r)| r.join("\n")).unwrap_or_default())));

    spec.into_iter()
        .map(|(label, get)| (label.to_string(), entries.iter().map(&get).collect::<Vec<String>>()))
        .filter(|(_, values)| values.iter().any(|v| !v.is_empty()))
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
        let mut th = el(doc, "th").attr("scope", "col").child(el(doc, "span").class("om-col-name").text(&name));
        if e.view.is_none() {
            th = th.child(el(doc, "span").class("om-badge").text(u.not_in_list));
        }
        th = th.child(
            button(doc, "om-button om-secondary om-remove", &Action::Remove(e.id.clone()), u.remove)
                .attr("aria-label", &format!("{}：{}", u.remove, name)),
        );
        head = head.child(th);
    }
    let mut body = el(doc, "tbody");
    for (label, values) in rows(cx, entries, today, false) {
        let mut tr = el(doc, "tr").child(el(doc, "th").attr("scope", "row").text(&label));
        for v in values {
            tr = tr.child(el(doc, "td").text(&v));
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
        out.push(rows.iter().map(|(_, values)| values[i].clone()).collect());
    }
    out
}
