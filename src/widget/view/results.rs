//! The ranked results (each with place, money, sector, tags, score bar, reasons and a details
//! disclosure), and the loading, empty and error states, so the panel is never a blank box.
//!
//! Stable hooks (README, "Embedding"): the list has `role="list"`, each result `role="listitem"` and
//! `data-project-id`, in rank order.

use super::{is_stale, Ctx};
use crate::present::ProjectView;
use crate::rank::{Matcher, RankResponse};
use crate::widget::action::{Action, SkipTo};
use crate::widget::dom::{button, clear, el, sr_only, text, El};
use crate::widget::i18n::{jobs_text, land_text, rank_label, score_text, updated_text};
use crate::widget::state::{Failure, Input, ListState, Search};
use crate::widget::url::is_http;
use crate::Lang;
use web_sys::Element;

/// The results panel for the list's state: loading, why it failed, or the ranked list.
pub fn render(cx: &Ctx, panel: &Element, list: &ListState, response: Option<&RankResponse>, search: &Search, today: &str) {
    match (list, response) {
        (ListState::Failed(f), _) => {
            let (cause, broken) = match f {
                Failure::Load(e) => (e.message(cx.lang), true),
                Failure::Fetch(s) => (s.clone(), false),
            };
            failed(cx, panel, &cause, broken);
        }
        (ListState::Ready(m), Some(r)) => ready(cx, panel, m, r, search, today),
        _ => loading(cx, panel),
    }
}

/// "Loading the opportunity list…".
fn loading(cx: &Ctx, panel: &Element) {
    clear(panel);
    let _ = panel.set_attribute("aria-busy", "true");
    let _ = panel.append_child(
        &el(cx.doc, "div")
            .class("om-state om-loading")
            .child(el(cx.doc, "span").class("om-spinner").attr("aria-hidden", "true"))
            .child(el(cx.doc, "p").text(cx.ui.loading))
            .build(),
    );
}

/// "The list could not be loaded", with the cause and what to do.
fn failed(cx: &Ctx, panel: &Element, cause: &str, broken_file: bool) {
    clear(panel);
    let _ = panel.remove_attribute("aria-busy");
    let u = cx.ui;
    let _ = panel.append_child(
        &el(cx.doc, "div")
            .class("om-state om-error")
            .attr("role", "alert")
            .child(el(cx.doc, "h3").class("om-state-title").text(u.load_failed))
            .child(el(cx.doc, "p").class("om-cause").text(&format!("{}{}", u.cause, cause)))
            .child(el(cx.doc, "p").text(if broken_file { u.load_broken_hint } else { u.load_failed_hint }))
            .child(button(cx.doc, "om-button", &Action::Reload, u.reload))
            .build(),
    );
}

fn loosen_buttons(cx: &Ctx, search: &Search) -> El {
    let u = cx.ui;
    let mut row = el(cx.doc, "div").class("om-actions");
    if !search.region.trim().is_empty() {
        row = row.child(button(cx.doc, "om-button om-secondary", &Action::ClearInput(Input::Region), u.clear_region));
    }
    if !search.budget.trim().is_empty() {
        row = row.child(button(cx.doc, "om-button om-secondary", &Action::ClearInput(Input::Budget), u.clear_budget));
    }
    if search.has_filters() {
        row = row.child(button(cx.doc, "om-button om-secondary", &Action::ClearFilters, u.clear_filters));
    }
    row
}

fn suggestion_list(cx: &Ctx, suggestions: &[String]) -> El {
    el(cx.doc, "ul").class("om-suggestions").children(suggestions.iter().map(|s| el(cx.doc, "li").text(s)))
}

/// A `term: value` pair of a fact list.
fn fact(cx: &Ctx, label: &str, value: &str, class: &str) -> El {
    fact_with(cx, label, el(cx.doc, "dd").text(value), class)
}

/// A `term: value` pair whose value is built by the caller (list text marked as Chinese …).
fn fact_with(cx: &Ctx, label: &str, value: El, class: &str) -> El {
    el(cx.doc, "div").class(class).child(el(cx.doc, "dt").text(label)).child(value)
}

/// List text the English view could not translate is marked `lang="zh"` (screen readers speak it
/// in Chinese, the browser picks a Chinese font).
pub fn shown(cx: &Ctx, tag: &str, v: &ProjectView, field: &str, text: &str) -> El {
    el(cx.doc, tag).text(text).attr_if(v.is_untranslated(field), "lang", "zh")
}

/// The items of a list field (`tags`, `cooperation`) joined in one element, each marked as
/// Chinese where it stays Chinese.
pub fn joined(cx: &Ctx, tag: &str, v: &ProjectView, field: &str, items: &[String]) -> El {
    let sep = if cx.lang == Lang::En { ", " } else { "、" };
    let mut out = el(cx.doc, tag);
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out = out.child(text(cx.doc, sep));
        }
        let key = format!("{field}.{i}");
        out = if v.is_untranslated(&key) {
            out.child(el(cx.doc, "span").attr("lang", "zh").text(item))
        } else {
            out.child(text(cx.doc, item))
        };
    }
    out
}

/// The place, then the park after a dot (the park marked when it stays Chinese).
fn place(cx: &Ctx, tag: &str, v: &ProjectView) -> El {
    let out = el(cx.doc, tag).child(text(cx.doc, &v.place));
    match &v.park {
        Some(park) => out.child(text(cx.doc, " · ")).child(shown(cx, "span", v, "park", park)),
        None => out,
    }
}

/// The sector: its taxonomy label, else as the list wrote it.
fn sector(cx: &Ctx, tag: &str, v: &ProjectView) -> El {
    match &v.sector_label {
        Some(label) => el(cx.doc, tag).text(label),
        None => shown(cx, tag, v, "sector", &v.sector),
    }
}

fn money_or_unknown(cx: &Ctx, v: &Option<String>) -> String {
    v.clone().unwrap_or_else(|| cx.ui.not_published.to_string())
}

/// The score bar: a bar for the eye (20 steps, styled by class so no inline style is needed under a
/// strict CSP) and the percentage as text.
pub fn score_bar(cx: &Ctx, score: f32) -> El {
    let step = (score.clamp(0.0, 1.0) * 20.0).round() as u32;
    el(cx.doc, "div")
        .class("om-score")
        .child(
            el(cx.doc, "span").class("om-bar").attr("aria-hidden", "true").child(el(cx.doc, "span").class(&format!("om-fill om-w{step}"))),
        )
        .child(el(cx.doc, "span").class("om-score-text").text(&score_text(cx.lang, score)))
}

fn section(cx: &Ctx, title: &str, body: El) -> El {
    el(cx.doc, "section").class("om-detail-section").child(el(cx.doc, "h4").text(title)).child(body.class("om-prose"))
}

/// The details of one project: description, benefits, policies, returns, facts, contact, link,
/// freshness.
pub fn detail(cx: &Ctx, v: &ProjectView, id_attr: &str, today: &str) -> Element {
    let u = cx.ui;
    let doc = cx.doc;
    let mut d = el(doc, "div").class("om-detail").attr("id", id_attr);
    if let Some(alt) = &v.alt_name {
        d = d.child(el(doc, "p").class("om-alt-name").attr("lang", "zh").text(alt));
    }
    for (title, field, body) in
        [(u.description, "description", &v.description), (u.benefits, "benefits", &v.benefits), (u.policies, "policies", &v.policies)]
    {
        if let Some(t) = body {
            d = d.child(section(cx, title, shown(cx, "p", v, field, t)));
        }
    }

    let mut returns = el(doc, "dl").class("om-facts");
    let mut any_returns = false;
    for (label, value) in [
        (u.irr, v.irr.clone()),
        (u.payback, v.payback.clone()),
        (u.jobs, v.jobs.map(|j| jobs_text(cx.lang, j))),
        (u.annual_output, v.annual_output.clone()),
    ] {
        if let Some(value) = value {
            any_returns = true;
            returns = returns.child(fact(cx, label, &value, "om-fact"));
        }
    }
    if any_returns {
        d = d.child(el(doc, "section").class("om-detail-section").child(el(doc, "h4").text(u.returns)).child(returns));
    }

    let mut pairs: Vec<El> = vec![fact(cx, u.id, &v.id, "om-fact")];
    if let Some(park) = v.park.as_deref().filter(|p| !p.trim().is_empty()) {
        pairs.push(fact_with(cx, u.park, shown(cx, "dd", v, "park", park), "om-fact"));
    }
    if !v.cooperation.is_empty() {
        pairs.push(fact_with(cx, u.cooperation, joined(cx, "dd", v, "cooperation", &v.cooperation), "om-fact"));
    }
    if let Some(stage) = v.stage.as_deref().filter(|s| !s.trim().is_empty()) {
        pairs.push(fact_with(cx, u.stage, shown(cx, "dd", v, "stage", stage), "om-fact"));
    }
    if let Some(mu) = v.land_mu {
        pairs.push(fact(cx, u.land, &land_text(cx.lang, mu), "om-fact"));
    }
    if let Some(p) = v.priority {
        pairs.push(fact(cx, u.priority, &p.to_string(), "om-fact"));
    }
    d = d.child(el(doc, "dl").class("om-facts").children(pairs));

    let mut contact = el(doc, "dl").class("om-facts om-contact");
    let mut any_contact = false;
    if let Some(org) = &v.contact_org {
        any_contact = true;
        contact = contact.child(fact_with(cx, u.contact_org, shown(cx, "dd", v, "contact_org", org), "om-fact"));
    }
    if let Some(name) = &v.contact_name {
        any_contact = true;
        contact = contact.child(fact_with(cx, u.contact_name, shown(cx, "dd", v, "contact_name", name), "om-fact"));
    }
    if let Some(phone) = &v.contact_phone {
        any_contact = true;
        let value: Element = match &v.contact_tel {
            Some(tel) => el(doc, "a").class("om-link").attr("href", &format!("tel:{tel}")).text(phone).build(),
            None => el(doc, "span").text(phone).build(),
        };
        contact = contact.child(el(doc, "div").class("om-fact").child(el(doc, "dt").text(u.phone)).child(el(doc, "dd").child(value)));
    }
    if let Some(email) = &v.contact_email {
        any_contact = true;
        let a = el(doc, "a").class("om-link").attr("href", &format!("mailto:{email}")).text(email);
        contact = contact.child(el(doc, "div").class("om-fact").child(el(doc, "dt").text(u.email)).child(el(doc, "dd").child(a)));
    }
    if any_contact {
        d = d.child(el(doc, "section").class("om-detail-section").child(el(doc, "h4").text(u.contact)).child(contact));
    }

    if let Some(url) = v.url.as_deref().filter(|u| is_http(u)) {
        let a = el(doc, "a")
            .class("om-link")
            .attr("href", url)
            .attr("target", "_blank")
            .attr("rel", "noopener noreferrer external")
            .text(u.link);
        d = d.child(el(doc, "p").class("om-url").child(a));
    }
    if let Some(date) = &v.updated {
        let stale = is_stale(date, today);
        d = d.child(el(doc, "p").class(if stale { "om-updated om-stale" } else { "om-updated" }).text(&updated_text(cx.lang, date, stale)));
    }
    d.build()
}

/// One result.
#[allow(clippy::too_many_arguments)]
fn item(cx: &Ctx, rank: usize, v: &ProjectView, score: f32, reasons: &[String], starred: bool, open: bool, today: &str) -> Element {
    let u = cx.ui;
    let doc = cx.doc;
    let detail_id = format!("om-detail-{rank}");
    let star = button(doc, "om-star", &Action::Star(v.id.clone()), "")
        .attr("aria-pressed", if starred { "true" } else { "false" })
        .attr("aria-label", &format!("{}{}{}", u.star, if cx.lang == Lang::En { ": " } else { "：" }, v.name))
        .attr("title", u.star)
        .child(el(doc, "span").attr("aria-hidden", "true").text(if starred { "★" } else { "☆" }));
    let head = el(doc, "div")
        .class("om-item-head")
        .child(el(doc, "span").class("om-rank").attr("aria-hidden", "true").text(&rank.to_string()))
        .child(
            el(doc, "h3")
                .class("om-name")
                .child(sr_only(doc, &format!("{} ", rank_label(cx.lang, rank))))
                .child(shown(cx, "span", v, "name", &v.name)),
        )
        .child(star);

    let mut facts = el(doc, "dl").class("om-facts om-summary-facts");
    facts = facts.child(fact_with(cx, u.place, place(cx, "dd", v), "om-fact om-fact-place"));
    facts = facts.child(fact(cx, u.investment, &money_or_unknown(cx, &v.investment), "om-fact"));
    if v.seeking.is_some() && v.seeking != v.investment {
        facts = facts.child(fact(cx, u.seeking, &money_or_unknown(cx, &v.seeking), "om-fact"));
    }
    if v.sector_label.is_some() || !v.sector.is_empty() {
        facts = facts.child(fact_with(cx, u.project_sector, sector(cx, "dd", v), "om-fact"));
    }

    let mut li = el(doc, "li")
        .class(if open { "om-item om-open" } else { "om-item" })
        .attr("role", "listitem")
        .attr("data-project-id", &v.id)
        .child(head)
        .child(facts);
    if !v.tags.is_empty() {
        li = li.child(
            el(doc, "ul")
                .class("om-tags")
                .attr("aria-label", u.tags)
                .children(v.tags.iter().take(8).enumerate().map(|(i, t)| shown(cx, "li", v, &format!("tags.{i}"), t).class("om-tag"))),
        );
    }
    li = li.child(score_bar(cx, score));
    if !reasons.is_empty() {
        li = li.child(el(doc, "ul").class("om-reasons").attr("aria-label", u.why).children(reasons.iter().map(|r| cx.mixed("li", r))));
    }
    let toggle =
        button(doc, "om-button om-secondary om-toggle", &Action::ToggleDetail(v.id.clone()), if open { u.hide_details } else { u.details })
            .attr("aria-expanded", if open { "true" } else { "false" })
            .attr("aria-controls", &detail_id);
    let mut foot = el(doc, "div").class("om-item-foot").child(toggle);
    if let Some(date) = &v.updated {
        if is_stale(date, today) {
            foot = foot.child(el(doc, "span").class("om-badge om-stale").text(u.stale));
        }
    }
    li = li.child(foot);
    if open {
        li = li.child(detail(cx, v, &detail_id, today));
    }
    li.build()
}

/// The ranked list with the hints that go with it.
fn ready(cx: &Ctx, panel: &Element, m: &Matcher, r: &RankResponse, search: &Search, today: &str) {
    clear(panel);
    let _ = panel.remove_attribute("aria-busy");
    let u = cx.ui;
    let doc = cx.doc;
    let has_query = search.has_query();

    if m.is_empty() {
        let _ = panel.append_child(
            &el(doc, "div")
                .class("om-state om-empty")
                .child(el(doc, "h3").class("om-state-title").text(u.empty))
                .child(el(doc, "p").text(u.list_problems))
                .build(),
        );
    } else if r.results.is_empty() {
        let mut empty = el(doc, "div").class("om-state om-empty").child(el(doc, "h3").class("om-state-title").text(u.empty));
        if !r.suggestions.is_empty() {
            empty = empty.child(suggestion_list(cx, &r.suggestions));
        }
        empty = empty.child(loosen_buttons(cx, search));
        let _ = panel.append_child(&empty.build());
    } else if !has_query && !search.has_filters() {
        let _ = panel.append_child(&el(doc, "p").class("om-note").text(u.no_query).build());
    } else if !r.suggestions.is_empty() {
        let _ = panel.append_child(
            &el(doc, "div")
                .class("om-few")
                .child(el(doc, "p").class("om-few-title").text(u.few))
                .child(suggestion_list(cx, &r.suggestions))
                .child(loosen_buttons(cx, search))
                .build(),
        );
    }

    let more = r.results.len() >= search.top && r.matched > r.results.len();
    if more && !r.results.is_empty() {
        // Forty tab stops (a star and a details button a card) can be passed over in one.
        let _ = panel.append_child(&button(doc, "om-skip", &Action::Skip(SkipTo::More), u.skip_to_more).build());
    }
    let mut list = el(doc, "ol").class("om-list").attr("role", "list").attr("aria-label", u.results_label);
    for (n, res) in r.results.iter().enumerate() {
        let Some(p) = m.project(res.index) else { continue };
        let v = cx.view(&p);
        let open = search.selected.as_deref() == Some(v.id.as_str());
        list = list.child(item(cx, n + 1, &v, res.score, &res.reasons, search.is_starred(&v.id), open, today));
    }
    let _ = panel.append_child(&list.build());

    if more {
        let _ = panel.append_child(&button(doc, "om-button om-secondary om-more-results", &Action::ShowMore, u.show_more).build());
    }
}
