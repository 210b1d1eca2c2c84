//! The browser widget (web-sys): the form, ranked results with reasons, details, shortlist and
//! comparison, rendered into an open shadow root. `www/opportunity-matcher.js` defines the
//! `<opportunity-matcher>` element and hands over here; integrators can also call [`mount`].
//!
//! ```js
//! import init, { mount } from "./pkg/opportunity_matcher.js";
//! await init();
//! const widget = mount(host.attachShadow({ mode: "open" }), { lang: "zh-Hans", mode: "portal" });
//! widget.loadText(await (await fetch("list.json")).text(), "list.json");
//! ```
//!
//! Structure (in the style of the todomvc example, without a framework):
//!
//! | module | role |
//! |---|---|
//! | [`state`] | what is shown, as plain data (query, filters, shortlist, language, open project) |
//! | [`url`] | the state in the URL fragment, so a link reopens the same view |
//! | [`i18n`] | every interface string in zh-Hans, zh-Hant and en |
//! | [`view`] | render functions, DOM built with `create_element` and `set_text_content` only |
//! | [`csv`] | the shortlist export, with formula injection neutralised |
//! | this module | the [`App`]: delegated event listeners on the shadow root, ranking, focus, storage |
//!
//! Nothing is sent anywhere: ranking runs in wasm on the list the page fetched, the shortlist is
//! kept in `localStorage` (ids only, never the query) and the URL fragment.

use crate::csv;
mod dom;
mod fair;
pub mod i18n;
mod qr;
pub mod state;
pub mod url;
mod view;

use crate::list::{load_text, LoadError};
use crate::rank::{Matcher, RankResponse, Weights};
use crate::Lang;
use state::{Filter, Input, State, View, PAGE};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use view::combo::{self, Combo};
use view::shell::{FilterOptions, Shell};
use view::shortlist::Entry;
use view::Ctx;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, EventTarget, HtmlElement, HtmlInputElement, HtmlSelectElement, KeyboardEvent, ShadowRoot};

/// `style.css` without comments and needless whitespace (build.rs).
const STYLE: &str = include_str!(concat!(env!("OUT_DIR"), "/style.min.css"));
const STORAGE_KEY: &str = "opportunity-matcher:shortlist";

/// Why there are no results to show.
enum Failure {
    /// The list text could not be read (kept as the error so it can be worded in any language).
    Load(LoadError),
    /// The page could not fetch the list (the loader's message).
    Fetch(String),
}

enum Phase {
    Loading,
    Ready,
    Failed(Failure),
}

/// The widget: state, the loaded list, and the live DOM.
pub struct App {
    root: ShadowRoot,
    doc: Document,
    state: State,
    phase: Phase,
    matcher: Option<Matcher>,
    response: Option<RankResponse>,
    shell: Option<Shell>,
    combo: Option<Combo>,
    options: FilterOptions,
    mode: String,
    weights: Option<Weights>,
    /// Whether the state has changed since mounting (the URL is written only after that).
    touched: bool,
    export_url: Option<String>,
    crash_lang: Rc<Cell<Lang>>,
    /// Writes the URL a moment after typing stops (`history.replaceState` on every keystroke would
    /// cost more than the ranking and Chromium throttles it).
    url_flush: Option<js_sys::Function>,
    url_timer: Option<i32>,
    /// Fair mode (`mode="kiosk"`): attract screen, pickers, QR hand-off, idle reset.
    kiosk: fair::Kiosk,
}

thread_local! {
    static CRASH_TARGETS: RefCell<Vec<(ShadowRoot, Rc<Cell<Lang>>)>> = const { RefCell::new(Vec::new()) };
    static HOOK: Cell<bool> = const { Cell::new(false) };
}

/// Shows a readable error in every mounted widget when Rust panics (and still logs the panic in the
/// console). The wasm instance cannot be trusted after a panic, so the message asks for a reload.
fn install_panic_hook() {
    if HOOK.with(|h| h.replace(true)) {
        return;
    }
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let message = info.to_string();
        let _ = CRASH_TARGETS.try_with(|targets| {
            if let Ok(targets) = targets.try_borrow() {
                for (root, lang) in targets.iter() {
                    show_crash(root, lang.get(), &message);
                }
            }
        });
    }));
}

fn show_crash(root: &ShadowRoot, lang: Lang, message: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let u = i18n::ui(lang);
    let panel = dom::el(&doc, "div")
        .class("om-state om-error om-crash")
        .attr("role", "alert")
        .child(dom::el(&doc, "h3").class("om-state-title").text(u.crashed))
        .child(dom::el(&doc, "p").text(u.crashed_hint))
        .child(dom::el(&doc, "p").class("om-cause").text(&format!("{}{}", u.cause, message)))
        .child(dom::action_button(&doc, "om-button", "reload", None, u.reload))
        .build();
    // Rendered with fresh DOM calls only: the app's own state may be borrowed mid-panic.
    let container = dom::el(&doc, "div").class("om om-portal").attr("lang", lang.tag()).child(panel).build();
    root.replace_children_with_node_1(&container);
    // The reload button works without the (possibly broken) wasm listeners.
    if let Some(button) = container.query_selector("[data-action=reload]").ok().flatten() {
        let reload = Closure::<dyn FnMut()>::new(|| {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        });
        let _ = button.add_event_listener_with_callback("click", reload.as_ref().unchecked_ref());
        reload.forget();
    }
}

fn today() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    iso.get(..10).unwrap_or("").to_string()
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn location_hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// The label of a sector key in Simplified Chinese (the core reads a sector filter in any script).
fn sector_name(key: &str) -> Option<String> {
    let t = crate::taxonomy::Taxonomy::global();
    t.by_key(key).map(|n| t.label(n, Lang::ZhHans).to_string())
}

impl App {
    fn cx(&self) -> Ctx<'_> {
        Ctx::new(&self.doc, self.state.lang)
    }

    fn compute_options(&mut self) {
        let lang = self.state.lang;
        let t = crate::taxonomy::Taxonomy::global();
        let mut options = FilterOptions {
            sector: t.sectors().into_iter().map(|n| (t.node(n).key.clone(), t.label(n, lang).to_string())).collect(),
            ..FilterOptions::default()
        };
        if let Some(m) = &self.matcher {
            // Counted when the list loaded (`Matcher::facets`); very long texts are not choices.
            let choices = |v: &[(String, usize)]| -> Vec<String> {
                v.iter().map(|(t, _)| t.clone()).filter(|t| t.chars().count() <= 20).take(30).collect()
            };
            let (coop, stage) = (choices(&m.facets().cooperation), choices(&m.facets().stage));
            options.cooperation = coop.into_iter().map(|v| (v.clone(), i18n::term(lang, &v))).collect();
            options.stage = stage.into_iter().map(|v| (v.clone(), i18n::term(lang, &v))).collect();
        }
        self.options = options;
    }

    /// The element focused inside the shadow root, by its `data-key`.
    fn focus_key(&self) -> Option<String> {
        self.root.active_element().and_then(|e| e.get_attribute("data-key"))
    }

    fn restore_focus(&self, key: &str) {
        if self.focus_key().as_deref() == Some(key) {
            return;
        }
        let find = |k: &str| -> Option<Element> {
            let nodes = self.root.query_selector_all("[data-key]").ok()?;
            (0..nodes.length())
                .filter_map(|i| nodes.item(i))
                .filter_map(|n| n.dyn_into::<Element>().ok())
                .find(|e| e.get_attribute("data-key").as_deref() == Some(k))
        };
        let fallback = if self.state.view == View::Shortlist { "view-shortlist" } else { "view-results" };
        if let Some(e) = find(key).or_else(|| find(fallback)) {
            if let Ok(h) = e.dyn_into::<HtmlElement>() {
                let _ = h.focus();
            }
        }
    }

    /// Rebuilds the frame (new language, new list, new mode).
    fn render_shell(&mut self) {
        self.compute_options();
        let cx = self.cx();
        let shell = view::shell::render(&cx, &self.state, &self.options, &self.mode);
        self.root.replace_children_with_node_1(&shell.container);
        self.shell = Some(shell);
        self.combo = None;
        fair::decorate(self);
    }

    fn rank(&mut self) {
        self.response = self.matcher.as_ref().map(|m| {
            let sector = if self.state.sector.is_empty() {
                None
            } else {
                sector_name(&self.state.sector).or_else(|| Some(self.state.sector.clone()))
            };
            let q = self.state.query(sector, self.weights.as_ref(), Some(today()));
            m.rank(&q)
        });
    }

    fn render_status(&self) {
        let Some(shell) = &self.shell else { return };
        let cx = self.cx();
        let doc = &self.doc;
        dom::clear(&shell.status);
        let u = cx.ui;
        match (&self.phase, &self.matcher, &self.response) {
            (Phase::Loading, _, _) => {
                let _ = shell.status.append_child(&dom::el(doc, "p").class("om-count").text(u.loading).build());
            }
            (Phase::Failed(_), _, _) => {
                let _ = shell.status.append_child(&dom::el(doc, "p").class("om-count").text(u.load_failed).build());
            }
            (Phase::Ready, Some(m), Some(r)) => {
                let line = i18n::count_line(cx.lang, m.len(), r.matched, r.results.len(), self.state.has_query());
                let _ = shell.status.append_child(&dom::el(doc, "p").class("om-count").text(&line).build());
                if !r.warnings.is_empty() {
                    let ul = dom::el(doc, "ul").class("om-warnings").children(r.warnings.iter().map(|w| dom::el(doc, "li").text(w)));
                    let _ = shell.status.append_child(&ul.build());
                }
                if !m.rejected().is_empty() || !m.warnings().is_empty() {
                    let mut items: Vec<String> = m.rejected().iter().map(|r| r.message(cx.lang)).collect();
                    items.extend(m.warnings().iter().map(|w| w.message(cx.lang)));
                    let more = items.len().saturating_sub(50);
                    items.truncate(50);
                    if more > 0 {
                        items.push(format!("… +{more}"));
                    }
                    let details = dom::el(doc, "details")
                        .class("om-load-notes")
                        .child(dom::el(doc, "summary").attr("data-key", "load-notes").text(&format!(
                            "{}{}{}",
                            u.list_problems,
                            if cx.lang == Lang::En { ": " } else { "：" },
                            m.summary(cx.lang)
                        )))
                        .child(dom::el(doc, "ul").children(items.iter().map(|t| dom::el(doc, "li").text(t))));
                    let _ = shell.status.append_child(&details.build());
                }
            }
            _ => {}
        }
    }

    fn render_understood(&self) {
        let (Some(shell), Some(r)) = (&self.shell, &self.response) else { return };
        let u = i18n::ui(self.state.lang);
        let sep = if self.state.lang == Lang::En { ", " } else { "、" };
        let q = &r.query;
        let industry: Vec<String> = q.industry.iter().filter_map(|i| i.label.clone()).collect();
        let mut region: Vec<String> = q.region.iter().map(|r| r.name.clone()).collect();
        region.extend(q.zones.iter().cloned());
        for (input, parts) in [
            (Input::Industry, industry),
            (Input::Budget, q.budget.iter().map(|b| b.text.clone()).collect::<Vec<_>>()),
            (Input::Region, region),
        ] {
            let target = shell.understood(input);
            let text = if parts.is_empty() || self.state.input(input).trim().is_empty() {
                String::new()
            } else {
                format!("{}{}", u.understood, parts.join(sep))
            };
            target.set_text_content(Some(&text));
        }
    }

    fn shortlist_entries(&self) -> Vec<Entry> {
        let Some(m) = &self.matcher else {
            return self.state.shortlist.iter().map(|id| Entry { id: id.clone(), view: None, score: None }).collect();
        };
        // Scores for the current query: rank the whole list when it is small enough to do at once.
        let scored: Option<RankResponse> = (self.state.has_query() && m.len() <= 5000).then(|| {
            let sector = if self.state.sector.is_empty() { None } else { sector_name(&self.state.sector) };
            let mut q = self.state.query(sector, self.weights.as_ref(), Some(today()));
            q.top = Some(m.len().max(1));
            q.cooperation = None;
            q.stage = None;
            q.sector = None;
            m.rank(&q)
        });
        self.state
            .shortlist
            .iter()
            .map(|id| {
                let view = m.position(id).and_then(|i| m.project(i)).map(|p| crate::present::ProjectView::new(&p, self.state.lang));
                let score = scored.as_ref().and_then(|r| r.results.iter().find(|x| &x.id == id)).map(|x| (x.score, x.reasons.clone()));
                Entry { id: id.clone(), view, score }
            })
            .collect()
    }

    fn render_panels(&self) {
        let Some(shell) = &self.shell else { return };
        let cx = self.cx();
        let today = today();
        match (&self.phase, &self.matcher, &self.response) {
            (Phase::Loading, _, _) => view::results::loading(&cx, &shell.results),
            (Phase::Failed(f), _, _) => {
                let (cause, broken) = match f {
                    Failure::Load(e) => (e.message(cx.lang), true),
                    Failure::Fetch(s) => (s.clone(), false),
                };
                view::results::failed(&cx, &shell.results, &cause, broken);
            }
            (Phase::Ready, Some(m), Some(r)) => view::results::ready(&cx, &shell.results, m, r, &self.state, &today),
            _ => view::results::loading(&cx, &shell.results),
        }
        if self.state.view == View::Shortlist {
            let entries = self.shortlist_entries();
            let url = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
            view::shortlist::render(&cx, &shell.shortlist, &entries, &today, &url);
        } else {
            dom::clear(&shell.shortlist);
        }
        shell.shortlist_tab.set_text_content(Some(&i18n::shortlist_tab(cx.lang, self.state.shortlist.len())));
        for (tab, on) in
            [(&shell.results_tab, self.state.view == View::Results), (&shell.shortlist_tab, self.state.view == View::Shortlist)]
        {
            let _ = tab.set_attribute("aria-pressed", if on { "true" } else { "false" });
        }
        let _ = shell.results.toggle_attribute_with_force("hidden", self.state.view != View::Results);
        let _ = shell.shortlist.toggle_attribute_with_force("hidden", self.state.view != View::Shortlist);
    }

    fn render_footer(&self) {
        let Some(shell) = &self.shell else { return };
        let cx = self.cx();
        let doc = &self.doc;
        dom::clear(&shell.footer);
        if let Some(m) = &self.matcher {
            let meta = m.meta();
            let parts: Vec<&str> =
                [meta.title.as_deref(), meta.publisher.as_deref(), meta.updated.as_deref()].into_iter().flatten().collect();
            if !parts.is_empty() {
                let _ = shell.footer.append_child(&dom::el(doc, "p").class("om-source").text(&i18n::source_line(cx.lang, &parts)).build());
            }
            if let Some(notice) = &meta.notice {
                let _ = shell.footer.append_child(&dom::el(doc, "p").class("om-notice").text(notice).build());
            }
        }
        let _ = shell.footer.append_child(&dom::el(doc, "p").class("om-privacy").text(cx.ui.privacy).build());
    }

    fn render_combo(&self) {
        let Some(shell) = &self.shell else { return };
        let cx = self.cx();
        for i in Input::ALL.into_iter().filter(|i| i.has_suggestions()) {
            combo::render(&cx, i, shell.input(i), shell.listbox(i), self.combo.as_ref());
        }
    }

    /// Writes the URL soon (after typing), not on every keystroke.
    fn sync_url_later(&mut self) {
        if self.url_timer.is_some() {
            return;
        }
        let timer = match (&self.url_flush, web_sys::window()) {
            (Some(f), Some(w)) => w.set_timeout_with_callback_and_timeout_and_arguments_0(f, 400).ok(),
            _ => None,
        };
        match timer {
            Some(t) => self.url_timer = Some(t),
            None => self.sync_url(),
        }
    }

    /// Writes the state into the URL fragment (replacing the history entry: typing does not fill
    /// the back button) and the shortlist into localStorage.
    fn sync_url(&mut self) {
        if let Some(t) = self.url_timer.take() {
            if let Some(w) = web_sys::window() {
                w.clear_timeout_with_handle(t);
            }
        }
        if !self.touched {
            return;
        }
        let Some(w) = web_sys::window() else { return };
        let fragment = url::encode(&self.state);
        let current = location_hash();
        let current = current.trim_start_matches('#');
        if fragment == current || (fragment.is_empty() && !url::is_ours(current)) {
            return;
        }
        let loc = w.location();
        let base = format!("{}{}", loc.pathname().unwrap_or_default(), loc.search().unwrap_or_default());
        let target = if fragment.is_empty() { base } else { format!("{base}#{fragment}") };
        if let Ok(h) = w.history() {
            let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&target));
        }
    }

    fn save_shortlist(&self) {
        if self.mode == "kiosk" {
            return; // a kiosk keeps nothing of its visitors
        }
        if let Some(s) = storage() {
            let ids: Vec<String> = self.state.shortlist.iter().map(|id| url::encode_component(id)).collect();
            let _ = s.set_item(STORAGE_KEY, &ids.join(","));
        }
    }

    /// Re-ranks and re-renders everything below the form; `shell` also rebuilds the frame.
    fn refresh(&mut self, shell: bool) {
        let key = self.focus_key();
        self.crash_lang.set(self.state.lang);
        if shell || self.shell.is_none() {
            self.render_shell();
        }
        self.rank();
        self.sync_url();
        self.render_status();
        self.render_understood();
        self.render_panels();
        self.render_footer();
        self.render_combo();
        fair::update(self);
        if let Some(k) = key {
            self.restore_focus(&k);
        }
    }

    /// After typing: rank, results, hints and suggestions; the form stays as it is.
    fn on_typed(&mut self, input: Input, value: String) {
        *self.state.input_mut(input) = value;
        self.state.top = PAGE;
        self.touched = true;
        self.combo = if input.has_suggestions() {
            let items = combo::suggest(input, self.state.input(input), self.state.lang);
            (!items.is_empty()).then_some(Combo { input, items, active: None })
        } else {
            None
        };
        self.rank();
        self.sync_url_later();
        self.render_status();
        self.render_understood();
        self.render_panels();
        self.render_combo();
        fair::update(self);
    }

    fn pick(&mut self, input: Input, index: usize) {
        let Some(item) = self.combo.as_ref().filter(|c| c.input == input).and_then(|c| c.items.get(index)).cloned() else { return };
        let value = combo::replace_term(self.state.input(input), &item.insert);
        if let Some(shell) = &self.shell {
            shell.input(input).set_value(&value);
        }
        self.on_typed(input, value);
        self.combo = None;
        self.render_combo();
        if let Some(shell) = &self.shell {
            let _ = shell.input(input).focus();
        }
    }

    fn on_input(&mut self, e: Event) {
        if e.dyn_ref::<web_sys::InputEvent>().is_some_and(|ie| ie.is_composing()) {
            return;
        }
        self.on_edit(e);
    }

    fn on_edit(&mut self, e: Event) {
        let Some(target) = e.target() else { return };
        if let Some(inp) = target.dyn_ref::<HtmlInputElement>() {
            if let Some(input) = Input::from_name(&inp.name()) {
                self.on_typed(input, inp.value());
            }
        }
    }

    fn on_change(&mut self, e: Event) {
        let Some(sel) = e.target().and_then(|t| t.dyn_into::<HtmlSelectElement>().ok()) else { return };
        if let Some(f) = Filter::from_name(&sel.name()) {
            *self.state.filter_mut(f) = sel.value();
            self.state.top = PAGE;
            self.touched = true;
            self.refresh(false);
        }
    }

    fn on_keydown(&mut self, e: Event) {
        let Some(ke) = e.dyn_ref::<KeyboardEvent>() else { return };
        let Some(inp) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else { return };
        let Some(input) = Input::from_name(&inp.name()) else { return };
        if ke.is_composing() {
            return;
        }
        let key = ke.key();
        match key.as_str() {
            "ArrowDown" | "ArrowUp" => {
                if self.combo.as_ref().map(|c| c.input) != Some(input) {
                    let items = combo::suggest(input, self.state.input(input), self.state.lang);
                    self.combo = (!items.is_empty()).then_some(Combo { input, items, active: None });
                }
                if let Some(c) = self.combo.as_mut() {
                    let n = c.items.len();
                    c.active = Some(match (c.active, key.as_str()) {
                        (None, "ArrowDown") => 0,
                        (None, _) => n - 1,
                        (Some(i), "ArrowDown") => (i + 1) % n,
                        (Some(i), _) => (i + n - 1) % n,
                    });
                    e.prevent_default();
                }
                self.render_combo();
            }
            "Enter" => {
                if let Some(i) = self.combo.as_ref().filter(|c| c.input == input).and_then(|c| c.active) {
                    e.prevent_default();
                    self.pick(input, i);
                } else if self.combo.is_some() {
                    self.combo = None;
                    self.render_combo();
                }
            }
            "Escape" if self.combo.is_some() => {
                e.prevent_default();
                self.combo = None;
                self.render_combo();
            }
            _ => {}
        }
    }

    fn on_pointerdown(&mut self, e: Event) {
        let Some(option) =
            e.target().and_then(|t| t.dyn_into::<Element>().ok()).and_then(|t| t.closest("[data-action=pick]").ok().flatten())
        else {
            return;
        };
        // Keep the focus in the input, and pick at once (a tap also counts).
        e.prevent_default();
        let input = option.get_attribute("data-field").and_then(|f| Input::from_name(&f));
        let index = option.get_attribute("data-index").and_then(|i| i.parse::<usize>().ok());
        if let (Some(input), Some(index)) = (input, index) {
            self.pick(input, index);
        }
    }

    fn on_focusout(&mut self, e: Event) {
        let is_combo_input =
            e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).is_some_and(|i| Input::from_name(&i.name()).is_some());
        if is_combo_input && self.combo.is_some() {
            self.combo = None;
            self.render_combo();
        }
    }

    fn on_click(&mut self, e: Event) {
        let Some(target) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
        let Some(button) = target.closest("[data-action]").ok().flatten() else { return };
        let action = button.get_attribute("data-action").unwrap_or_default();
        let id = button.get_attribute("data-id");
        match action.as_str() {
            "lang" => {
                if let Some(tag) = id {
                    self.set_lang(Lang::from_tag(&tag), true);
                }
            }
            "star" | "remove" => {
                if let Some(id) = id {
                    self.state.toggle_star(&id);
                    self.touched = true;
                    self.save_shortlist();
                    self.refresh(false);
                }
            }
            "detail" => {
                if let Some(id) = id {
                    self.state.selected = if self.state.selected.as_deref() == Some(id.as_str()) { None } else { Some(id) };
                    self.touched = true;
                    self.refresh(false);
                }
            }
            "view-results" | "view-shortlist" => {
                self.state.view = if action == "view-results" { View::Results } else { View::Shortlist };
                self.touched = true;
                self.refresh(false);
            }
            "clear" => {
                self.state.clear_query();
                self.touched = true;
                self.refresh(true);
                self.restore_focus("industry");
            }
            "clear-region" | "clear-budget" => {
                let input = if action == "clear-region" { Input::Region } else { Input::Budget };
                self.state.input_mut(input).clear();
                if let Some(shell) = &self.shell {
                    shell.input(input).set_value("");
                }
                self.touched = true;
                self.refresh(false);
                self.restore_focus(input.name());
            }
            "clear-filters" => {
                for f in Filter::ALL {
                    self.state.filter_mut(f).clear();
                }
                self.touched = true;
                self.refresh(true);
                self.restore_focus("sector");
            }
            "more" => {
                self.state.top += PAGE;
                self.refresh(false);
            }
            "export" => self.export_csv(),
            "clear-shortlist" => {
                self.state.shortlist.clear();
                self.touched = true;
                self.save_shortlist();
                self.refresh(false);
            }
            "reload" => {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().reload();
                }
            }
            _ => {
                fair::on_click(self, &action, id.as_deref());
            }
        }
    }

    fn export_csv(&mut self) {
        let (text, file) = {
            let cx = self.cx();
            let rows = view::shortlist::csv_rows(&cx, &self.shortlist_entries(), &today());
            (csv::to_csv(&rows), format!("{}-{}.csv", cx.ui.csv_file, today()))
        };
        let parts = js_sys::Array::of1(&JsValue::from_str(&text));
        let bag = web_sys::BlobPropertyBag::new();
        bag.set_type("text/csv;charset=utf-8");
        let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag) else { return };
        let Ok(href) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
        if let Some(old) = self.export_url.replace(href.clone()) {
            let _ = web_sys::Url::revoke_object_url(&old);
        }
        let a = dom::el(&self.doc, "a").attr("href", &href).attr("download", &file).html();
        a.click();
    }

    fn set_lang(&mut self, lang: Lang, touched: bool) {
        if self.state.lang == lang && self.shell.is_some() {
            return;
        }
        self.state.lang = lang;
        self.touched |= touched;
        self.refresh(true);
    }

    fn on_hashchange(&mut self) {
        let mut next = self.state.clone();
        if url::decode(&location_hash(), &mut next) && next != self.state {
            self.state = next;
            self.refresh(true);
        }
    }
}

/// Listeners to remove when the widget is dropped: target, event type, callback.
type Listeners = Vec<(EventTarget, &'static str, Closure<dyn FnMut(Event)>)>;
/// A delegated event handler of the app.
type Handler = (&'static str, fn(&mut App, Event));

/// The handle `mount` returns: load a list, change language or mode. Dropping it (`free()`)
/// removes the widget's listeners.
#[wasm_bindgen]
pub struct WidgetHandle {
    app: Rc<RefCell<App>>,
    listeners: Listeners,
    _flush: Closure<dyn FnMut()>,
}

impl Drop for WidgetHandle {
    fn drop(&mut self) {
        for (target, ty, f) in &self.listeners {
            let _ = target.remove_event_listener_with_callback_and_bool(ty, f.as_ref().unchecked_ref(), true);
        }
        if let Ok(mut app) = self.app.try_borrow_mut() {
            if let (Some(t), Some(w)) = (app.url_timer.take(), web_sys::window()) {
                w.clear_timeout_with_handle(t);
            }
            let root = app.root.clone();
            let _ = CRASH_TARGETS.try_with(|t| {
                if let Ok(mut t) = t.try_borrow_mut() {
                    t.retain(|(r, _)| r != &root);
                }
            });
        }
    }
}

fn with_app(app: &Rc<RefCell<App>>, f: impl FnOnce(&mut App)) {
    // Events that our own DOM changes dispatch synchronously (focus moves) arrive while the app is
    // busy: they are ignored rather than re-entered.
    if let Ok(mut a) = app.try_borrow_mut() {
        f(&mut a);
    }
}

impl App {
    /// Shows a list that loaded, or why it did not.
    fn show_loaded(&mut self, loaded: Result<Matcher, LoadError>) {
        match loaded {
            Ok(m) => {
                self.matcher = Some(m);
                self.phase = Phase::Ready;
            }
            Err(e) => {
                self.matcher = None;
                self.phase = Phase::Failed(Failure::Load(e));
            }
        }
        self.refresh(true);
    }
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Loads a list from text (JSON or CSV; `name` guides the format) and shows it ranked.
    #[wasm_bindgen(js_name = loadText)]
    pub fn load_text(&self, text: &str, name: &str) {
        with_app(&self.app, |app| app.show_loaded(load_text(text, name).map(Matcher::new)));
    }

    /// Loads a list in the compact form (`opportunity-matcher convert LIST OUT.oml`) and shows it
    /// ranked: the stored index is used as it is, and the project records stay in a copy held by
    /// JavaScript, decoded when shown (a national list of 100,000 projects opens in a fraction of
    /// a second).
    #[wasm_bindgen(js_name = loadCompact)]
    pub fn load_compact(&self, bytes: &js_sys::Uint8Array) {
        with_app(&self.app, |app| app.show_loaded(crate::wasm::compact_matcher(bytes)));
    }

    /// Shows that the list could not be fetched, with the cause (`HTTP 404 data/list.json`).
    #[wasm_bindgen(js_name = loadError)]
    pub fn load_error(&self, message: &str) {
        with_app(&self.app, |app| {
            app.matcher = None;
            app.phase = Phase::Failed(Failure::Fetch(message.to_string()));
            app.refresh(false);
        });
    }

    /// Shows the loading state (a new `src` is being fetched).
    #[wasm_bindgen(js_name = setLoading)]
    pub fn set_loading(&self) {
        with_app(&self.app, |app| {
            app.phase = Phase::Loading;
            app.matcher = None;
            app.refresh(false);
        });
    }

    /// Switches the language (`zh-Hans`, `zh-Hant`, `en` or any BCP 47 tag) and re-renders.
    #[wasm_bindgen(js_name = setLang)]
    pub fn set_lang(&self, tag: &str) {
        with_app(&self.app, |app| app.set_lang(Lang::from_tag(tag), false));
    }

    /// The language shown (`zh-Hans`, `zh-Hant` or `en`).
    #[wasm_bindgen(getter)]
    pub fn lang(&self) -> String {
        self.app.try_borrow().map(|a| a.state.lang.tag().to_string()).unwrap_or_default()
    }

    /// `portal` (default) or `kiosk`.
    #[wasm_bindgen(js_name = setMode)]
    pub fn set_mode(&self, mode: &str) {
        with_app(&self.app, |app| {
            app.mode = if mode.trim().eq_ignore_ascii_case("kiosk") { "kiosk".into() } else { "portal".into() };
            app.refresh(true);
        });
    }

    /// Ranking weights as `industry=0.5,region=0.3` or JSON; empty restores the defaults.
    #[wasm_bindgen(js_name = setWeights)]
    pub fn set_weights(&self, weights: &str) {
        with_app(&self.app, |app| {
            app.weights = (!weights.trim().is_empty()).then(|| Weights::parse(weights));
            app.refresh(false);
        });
    }

    /// The ids shown, in rank order (for scripts and tests).
    #[wasm_bindgen(js_name = resultIds)]
    pub fn result_ids(&self) -> Vec<String> {
        self.app
            .try_borrow()
            .ok()
            .and_then(|a| a.response.as_ref().map(|r| r.results.iter().map(|x| x.id.clone()).collect()))
            .unwrap_or_default()
    }

    /// Panics on purpose, to check that a panic shows a readable error (used by the tests).
    #[doc(hidden)]
    #[wasm_bindgen(js_name = debugPanic)]
    pub fn debug_panic(&self) {
        panic!("debugPanic() was called: this is the test of the error display");
    }
}

/// Options of [`mount`]: `{lang, mode, weights}`, all optional.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct MountOptions {
    lang: Option<String>,
    mode: Option<String>,
    weights: Option<serde_json::Value>,
    /// Fair mode: seconds before an idle kiosk resets (number or numeric string).
    idle: Option<serde_json::Value>,
    /// Fair mode: the public page the QR code points at.
    #[serde(rename = "shareBase")]
    share_base: Option<String>,
}

fn adopt_style(doc: &Document, root: &ShadowRoot) {
    let adopted = web_sys::CssStyleSheet::new().ok().and_then(|sheet| {
        sheet.replace_sync(STYLE).ok()?;
        let list = js_sys::Array::of1(&sheet);
        js_sys::Reflect::set(root, &JsValue::from_str("adoptedStyleSheets"), &list).ok()?;
        Some(())
    });
    if adopted.is_none() {
        // Browsers without constructable stylesheets get a <style> element (needs `style-src` to
        // allow it under a CSP; every current browser takes the branch above).
        let style = dom::el(doc, "style").text(STYLE).build();
        let _ = root.append_child(&style);
    }
}

/// Mounts the widget into `root`: a `ShadowRoot`, or an element (whose open shadow root is used or
/// attached). `options` is `{lang, mode, weights}`. Shows the loading state until
/// [`WidgetHandle::load_text`] or [`WidgetHandle::load_error`] is called.
#[wasm_bindgen]
pub fn mount(root: JsValue, options: JsValue) -> Result<WidgetHandle, JsError> {
    install_panic_hook();
    let window = web_sys::window().ok_or_else(|| JsError::new("opportunity-matcher: no window"))?;
    let doc = window.document().ok_or_else(|| JsError::new("opportunity-matcher: no document"))?;
    let root: ShadowRoot = if root.is_instance_of::<ShadowRoot>() {
        root.unchecked_into()
    } else if let Some(element) = root.dyn_ref::<Element>() {
        match element.shadow_root() {
            Some(r) => r,
            None => element
                .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
                .map_err(|_| JsError::new("opportunity-matcher: cannot attach a shadow root to this element"))?,
        }
    } else {
        return Err(JsError::new("opportunity-matcher: mount(root) needs a ShadowRoot or an Element"));
    };

    let json = js_sys::JSON::stringify(&options).ok().and_then(|s| s.as_string()).unwrap_or_default();
    let opts: MountOptions = serde_json::from_str(&json).unwrap_or_default();
    let weights = match &opts.weights {
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => Some(Weights::parse(s)),
        Some(v @ serde_json::Value::Object(_)) => Some(Weights::parse(&v.to_string())),
        _ => None,
    };

    let mut state = State { lang: opts.lang.as_deref().map(Lang::from_tag).unwrap_or_default(), ..State::default() };
    // A kiosk never brings back a shortlist: the last visitor's stays theirs.
    let kiosk_mode = opts.mode.as_deref().is_some_and(|m| m.eq_ignore_ascii_case("kiosk"));
    if !url::decode(&location_hash(), &mut state) && !kiosk_mode {
        // No shared view in the address: bring back the starred projects of an earlier visit.
        if let Some(saved) = storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten()) {
            state.shortlist = saved.split(',').map(url::decode_component).filter(|s| !s.trim().is_empty()).take(200).collect();
        }
    }

    adopt_style(&doc, &root);
    let kiosk = fair::Kiosk::new(&state, opts.idle.as_ref(), opts.share_base.clone());
    let crash_lang = Rc::new(Cell::new(state.lang));
    CRASH_TARGETS.with(|t| t.borrow_mut().push((root.clone(), crash_lang.clone())));

    let app = Rc::new(RefCell::new(App {
        root: root.clone(),
        doc,
        state,
        phase: Phase::Loading,
        matcher: None,
        response: None,
        shell: None,
        combo: None,
        options: FilterOptions::default(),
        mode: if opts.mode.as_deref().is_some_and(|m| m.eq_ignore_ascii_case("kiosk")) { "kiosk".into() } else { "portal".into() },
        weights,
        touched: false,
        export_url: None,
        crash_lang,
        url_flush: None,
        url_timer: None,
        kiosk,
    }));
    let weak = Rc::downgrade(&app);
    let flush = Closure::<dyn FnMut()>::new(move || {
        if let Some(app) = weak.upgrade() {
            with_app(&app, |a| {
                a.url_timer = None;
                a.sync_url();
            });
        }
    });
    app.borrow_mut().url_flush = Some(flush.as_ref().unchecked_ref::<js_sys::Function>().clone());
    app.borrow_mut().refresh(true);

    let mut listeners: Listeners = Vec::new();
    let root_target: EventTarget = root.clone().into();
    let handlers: [Handler; 8] = [
        ("click", App::on_click),
        ("input", App::on_input),
        ("compositionend", App::on_edit),
        ("change", App::on_change),
        ("keydown", App::on_keydown),
        ("pointerdown", App::on_pointerdown),
        ("mousedown", |_, e| {
            let on_option =
                e.target().and_then(|t| t.dyn_into::<Element>().ok()).and_then(|t| t.closest("[role=option]").ok().flatten()).is_some();
            if on_option {
                e.prevent_default();
            }
        }),
        ("focusout", App::on_focusout),
    ];
    for (ty, f) in handlers {
        let app = app.clone();
        let closure = Closure::<dyn FnMut(Event)>::new(move |e: Event| with_app(&app, |a| f(a, e)));
        // Capture phase: events that do not bubble (or are dispatched without `bubbles`) still arrive.
        let _ = root_target.add_event_listener_with_callback_and_bool(ty, closure.as_ref().unchecked_ref(), true);
        listeners.push((root_target.clone(), ty, closure));
    }
    {
        let app2 = app.clone();
        let submit = Closure::<dyn FnMut(Event)>::new(move |e: Event| {
            e.prevent_default();
            with_app(&app2, |a| {
                a.combo = None;
                a.render_combo();
            });
        });
        let _ = root_target.add_event_listener_with_callback_and_bool("submit", submit.as_ref().unchecked_ref(), true);
        listeners.push((root_target.clone(), "submit", submit));
    }
    {
        let app2 = app.clone();
        let hash = Closure::<dyn FnMut(Event)>::new(move |_e: Event| with_app(&app2, |a| a.on_hashchange()));
        let win: EventTarget = window.into();
        let _ = win.add_event_listener_with_callback_and_bool("hashchange", hash.as_ref().unchecked_ref(), true);
        listeners.push((win, "hashchange", hash));
    }
    fair::install(&app, &mut listeners);
    Ok(WidgetHandle { app, listeners, _flush: flush })
}
