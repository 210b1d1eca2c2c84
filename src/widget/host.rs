//! What the host page hears from the widget: `CustomEvent`s dispatched on the host element (the
//! `<opportunity-matcher>`), so that a portal can hook its own enquiry form or analytics to the
//! widget without forking it. Every event bubbles and crosses shadow boundaries (`composed`).
//!
//! | event | when | `detail` |
//! |---|---|---|
//! | `om-results-change` | the ranked results shown, or the query behind them, changed (also the first results after a list loads) | `{ids, matched, total, query}` |
//! | `om-shortlist-change` | the visitor starred or unstarred a project, or cleared the shortlist | `{ids, added, removed}` |
//! | `om-project-open` | the visitor opened a project's details | `{id, name, index}` |
//!
//! `query` is `{industry, budget, region, sector, cooperation, stage}` as typed (strings, empty
//! when unused) — the same object the element's `query` property returns and takes.
//!
//! ```js
//! document.querySelector("opportunity-matcher").addEventListener("om-project-open", (e) => {
//!   enquiryForm.project.value = e.detail.id;   // the portal's own "contact us" form
//! });
//! ```
//!
//! The controller calls [`notify`] after every action it has drawn; an event is dispatched only
//! when its part of the state differs from what was last announced, so re-renders (a language
//! switch, the kiosk's clock) stay quiet. The query property sets the search through
//! [`Action::SetQuery`](super::action::Action::SetQuery).

use super::state::{Filter, Input, Search};
use crate::rank::{Matcher, RankResponse};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub const RESULTS_CHANGE: &str = "om-results-change";
pub const SHORTLIST_CHANGE: &str = "om-shortlist-change";
pub const PROJECT_OPEN: &str = "om-project-open";

/// What the host was last told.
#[derive(Default)]
pub struct Announced {
    results: Option<(Vec<String>, usize, [String; 6])>,
    shortlist: Vec<String>,
    opened: Option<String>,
}

impl Announced {
    /// Starts from the search the widget mounted with: a shortlist brought back from an earlier
    /// visit, or a project opened by a shared link, is not a change made on this page.
    pub fn new(search: &Search) -> Announced {
        Announced { results: None, shortlist: search.shortlist.clone(), opened: search.selected.clone() }
    }
}

/// The query as typed: industry, budget, region, then the three filters.
fn typed(state: &Search) -> [String; 6] {
    [
        state.input(Input::Industry).to_string(),
        state.input(Input::Budget).to_string(),
        state.input(Input::Region).to_string(),
        state.filter(Filter::Sector).to_string(),
        state.filter(Filter::Cooperation).to_string(),
        state.filter(Filter::Stage).to_string(),
    ]
}

const QUERY_FIELDS: [&str; 6] = ["industry", "budget", "region", "sector", "cooperation", "stage"];

/// `{industry, budget, region, sector, cooperation, stage}` of the state, as a JavaScript object.
pub fn query_object(state: &Search) -> JsValue {
    let object = js_sys::Object::new();
    for (field, value) in QUERY_FIELDS.iter().zip(typed(state)) {
        set(&object, field, &JsValue::from_str(&value));
    }
    object.into()
}

/// The fields of a JavaScript query for [`Action::SetQuery`](super::action::Action::SetQuery):
/// an object's `industry, budget, region, sector, cooperation, stage` (`null`, `undefined` or a
/// missing field: empty), or a plain string, the industry. Also returns the names of the object's
/// fields that are not part of a query (the caller warns about them).
pub fn query_fields(query: &JsValue) -> ([String; 6], Vec<String>) {
    let mut fields: [String; 6] = Default::default();
    if let Some(industry) = query.as_string() {
        fields[0] = industry;
        return (fields, Vec::new());
    }
    if !query.is_object() {
        return (fields, Vec::new());
    }
    for (field, name) in fields.iter_mut().zip(QUERY_FIELDS) {
        let v = js_sys::Reflect::get(query, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
        *field = v.as_string().or_else(|| v.as_f64().map(|n| n.to_string())).unwrap_or_default();
    }
    let unknown = js_sys::Object::keys(query.unchecked_ref::<js_sys::Object>())
        .iter()
        .filter_map(|k| k.as_string())
        .filter(|k| !QUERY_FIELDS.contains(&k.as_str()))
        .collect();
    (fields, unknown)
}

fn set(object: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(object, &JsValue::from_str(key), value);
}

fn strings(items: &[String]) -> JsValue {
    items.iter().map(|s| JsValue::from_str(s)).collect::<js_sys::Array>().into()
}

fn dispatch(host: &web_sys::Element, name: &str, detail: &js_sys::Object) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}

/// Dispatches on `host` the events whose part of the search changed since the last call.
pub fn notify(
    announced: &mut Announced,
    host: &web_sys::Element,
    search: &Search,
    matcher: Option<&Matcher>,
    response: Option<&RankResponse>,
) {
    // Results: once a list is shown (a list that failed to load has none to announce).
    if let (Some(m), Some(r)) = (matcher, response) {
        let ids: Vec<String> = r.results.iter().map(|x| x.id.clone()).collect();
        let now = (ids, r.matched, typed(search));
        if announced.results.as_ref() != Some(&now) {
            let detail = js_sys::Object::new();
            set(&detail, "ids", &strings(&now.0));
            set(&detail, "matched", &JsValue::from(now.1 as f64));
            set(&detail, "total", &JsValue::from(m.len() as f64));
            set(&detail, "query", &query_object(search));
            announced.results = Some(now);
            dispatch(host, RESULTS_CHANGE, &detail);
        }
    }
    if announced.shortlist != search.shortlist {
        let before = std::mem::replace(&mut announced.shortlist, search.shortlist.clone());
        let added = search.shortlist.iter().find(|id| !before.contains(id));
        let removed = before.iter().find(|id| !search.shortlist.contains(id));
        let detail = js_sys::Object::new();
        set(&detail, "ids", &strings(&search.shortlist));
        set(&detail, "added", &added.map_or(JsValue::NULL, |s| JsValue::from_str(s)));
        set(&detail, "removed", &removed.map_or(JsValue::NULL, |s| JsValue::from_str(s)));
        dispatch(host, SHORTLIST_CHANGE, &detail);
    }
    if announced.opened != search.selected {
        announced.opened = search.selected.clone();
        if let Some(id) = &search.selected {
            let index = matcher.and_then(|m| m.position(id));
            let name = index.and_then(|i| matcher?.project(i)).map(|p| p.name.to_string());
            let detail = js_sys::Object::new();
            set(&detail, "id", &JsValue::from_str(id));
            set(&detail, "name", &name.map_or(JsValue::NULL, |n| JsValue::from_str(&n)));
            set(&detail, "index", &index.map_or(JsValue::NULL, |i| JsValue::from(i as f64)));
            dispatch(host, PROJECT_OPEN, &detail);
        }
    }
}
