//! Fair mode (`mode="kiosk"`): the widget on a touch kiosk, a laptop or a projector at an investment
//! fair, often offline (SPEC §1 scene 2).
//!
//! On top of the ordinary widget it adds:
//!
//! | module | what |
//! |---|---|
//! | [`attract`] | the attract screen shown when nobody uses the kiosk: the list's headline figures and two SVG charts ([`chart`]) |
//! | [`pickers`] | an on-screen way to enter industry, budget and region without a keyboard: sector chips, amount presets, a province → city picker |
//! | [`handoff`] | the QR code of the share link (on the configured public portal, `share-base`), the link as short text, and the print view |
//! | [`loader`] | loading a list file dropped on the kiosk or picked with the file picker, decoded with `TextDecoder` (UTF-8, UTF-16, GBK/GB18030), with a validation report |
//! | this module | the kiosk state, the idle timer with its visible countdown and the reset that keeps nothing of the last visitor |
//!
//! Host attributes read here (also accepted as `mount` options): `idle` (seconds without a touch
//! before the reset, default 90, `0` = never) and `share-base` (the public page the QR code points
//! at; default: this page when it is served over http(s)). Both are read when needed, so changing
//! them on a running kiosk takes effect at once.
//!
//! The widget calls in at four points: [`decorate`] after it builds its frame, [`update`] after
//! every change, [`on_click`] for actions it does not know, and [`install`] once when mounted.

mod attract;
mod chart;
mod handoff;
pub mod i18n;
mod loader;
mod pickers;

use super::state::{Input, State, PAGE};
use super::{dom, App, WidgetHandle};
use crate::list::{LoadError, Rejection, Warning};
use crate::Lang;
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventTarget, HtmlElement};

/// `style.css` without comments and needless whitespace (build.rs).
const STYLE: &str = include_str!(concat!(env!("OUT_DIR"), "/fair.min.css"));
/// Seconds without a touch before the kiosk resets, unless `idle` says otherwise.
pub const DEFAULT_IDLE: u32 = 90;

/// Which quick-choice panel is open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Picker {
    #[default]
    Industry,
    Budget,
    Region,
}

/// Print one page per project, or one compact table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PrintMode {
    #[default]
    Pages,
    Summary,
}

/// The outcome of loading a list file, kept so the report can be worded in any language.
pub struct Report {
    pub file: String,
    pub encoding: &'static str,
    /// How the file's table was read (none for a compact list or a file that could not be read).
    pub reading: Option<crate::list::TableReading>,
    pub outcome: Result<(usize, Vec<Rejection>, Vec<Warning>), LoadError>,
}

/// The elements fair mode adds to the widget's frame.
pub struct Parts {
    pub attract: Element,
    pub countdown: Element,
    pub clock_box: Element,
    pub warning: Element,
    pub warning_text: Element,
    pub pickers: Element,
    pub handoff: Element,
    pub print: Element,
    pub report: Element,
    pub file: Element,
}

/// Fair-mode state, kept by the widget's `App` (inactive unless the mode is `kiosk`).
pub struct Kiosk {
    /// The attract screen is shown.
    pub attract: bool,
    /// The language the kiosk returns to when it resets.
    pub default_lang: Lang,
    /// `Date.now()` of the last touch, key or scroll.
    pub last_activity: f64,
    /// Open quick-choice panel, and the province opened in the region picker (its code).
    pub picker: Picker,
    pub province: Option<u32>,
    pub print_mode: PrintMode,
    /// The report of the last list file loaded, until it is closed.
    pub report: Option<Report>,
    /// A file is being dragged over the kiosk (`Date.now()` of the last dragover).
    pub dragging: Option<f64>,
    /// Options given to `mount` (they win over the host attributes).
    pub idle_option: Option<u32>,
    pub share_base_option: Option<String>,
    pub parts: Option<Parts>,
    /// What the QR, print view and attract screen were last drawn for (to skip needless redraws).
    drawn_link: Option<String>,
    drawn_print: String,
    drawn_attract: String,
    warning_shown: bool,
    /// Cached figures of the loaded list.
    figures: Option<attract::Figures>,
    timer: Option<(i32, Closure<dyn FnMut()>)>,
}

impl Kiosk {
    /// A kiosk state for a widget mounted with `state` (taken from the URL fragment: a shared link
    /// opens on its results, anything else on the attract screen) and the `mount` options `idle`
    /// (seconds, a number or a numeric string) and `shareBase`.
    pub fn new(state: &State, idle: Option<&serde_json::Value>, share_base: Option<String>) -> Kiosk {
        let idle = idle.and_then(|v| match v {
            serde_json::Value::Number(n) => n.as_f64(),
            serde_json::Value::String(s) => s.trim().parse::<f64>().ok(),
            _ => None,
        });
        let idle = idle.filter(|s| s.is_finite() && *s >= 0.0).map(|s| s.round().min(86_400.0) as u32);
        Kiosk {
            attract: !state.has_query() && state.shortlist.is_empty(),
            default_lang: state.lang,
            last_activity: js_sys::Date::now(),
            picker: Picker::default(),
            province: None,
            print_mode: PrintMode::default(),
            report: None,
            dragging: None,
            idle_option: idle,
            share_base_option: share_base.filter(|s| !s.trim().is_empty()),
            parts: None,
            drawn_link: None,
            drawn_print: String::new(),
            drawn_attract: String::new(),
            warning_shown: false,
            figures: None,
            timer: None,
        }
    }
}

impl Drop for Kiosk {
    fn drop(&mut self) {
        if let (Some((id, _)), Some(w)) = (&self.timer, web_sys::window()) {
            w.clear_interval_with_handle(*id);
        }
    }
}

fn is_kiosk(app: &App) -> bool {
    app.mode == "kiosk"
}

fn host(app: &App) -> Element {
    app.root.host()
}

/// Seconds of idleness before the reset (0: never).
fn idle_seconds(app: &App) -> u32 {
    if let Some(s) = app.kiosk.idle_option {
        return s;
    }
    match host(app).get_attribute("idle") {
        Some(v) => {
            let v = v.trim();
            if v.eq_ignore_ascii_case("off") || v.eq_ignore_ascii_case("never") {
                0
            } else {
                v.parse::<f64>().ok().filter(|s| s.is_finite() && *s >= 0.0).map_or(DEFAULT_IDLE, |s| s.round().min(86_400.0) as u32)
            }
        }
        None => DEFAULT_IDLE,
    }
}

/// The public page share links point at: the `share-base` option or attribute, else this page when
/// it is served over http(s); `None` from `file://` without a `share-base`.
fn share_base(app: &App) -> Option<String> {
    let configured = app.kiosk.share_base_option.clone().or_else(|| host(app).get_attribute("share-base"));
    let base = match configured.map(|s| s.trim().to_string()).filter(|s| !s.is_empty()) {
        Some(b) => b,
        None => {
            let loc = web_sys::window()?.location();
            let protocol = loc.protocol().ok()?;
            if protocol != "http:" && protocol != "https:" {
                return None;
            }
            format!("{}{}{}", loc.origin().ok()?, loc.pathname().ok()?, loc.search().ok()?)
        }
    };
    // Only web addresses: a QR code must never carry a `javascript:` or `data:` link.
    dom::is_http(&base).then(|| base.split('#').next().unwrap_or("").to_string())
}

/// The share link of the current view (`None` when there is nothing to share or no public address).
pub fn share_link(app: &App) -> Option<String> {
    let fragment = super::url::encode(&app.state);
    if fragment.is_empty() {
        return None;
    }
    Some(format!("{}#{}", share_base(app)?, fragment))
}

/// A small clock drawn in SVG (emoji fonts are not on every kiosk).
fn clock_icon(doc: &web_sys::Document) -> Element {
    let svg = chart::svg_el(doc, "svg");
    for (k, v) in [("class", "om-k-clock-icon"), ("viewBox", "0 0 24 24"), ("aria-hidden", "true"), ("focusable", "false")] {
        let _ = svg.set_attribute(k, v);
    }
    let circle = chart::svg_el(doc, "circle");
    for (k, v) in [("cx", "12"), ("cy", "13"), ("r", "9"), ("fill", "none"), ("stroke", "currentColor"), ("stroke-width", "2.2")] {
        let _ = circle.set_attribute(k, v);
    }
    let hands = chart::svg_el(doc, "path");
    for (k, v) in
        [("d", "M12 8v5l3.5 2M9 2h6"), ("fill", "none"), ("stroke", "currentColor"), ("stroke-width", "2.2"), ("stroke-linecap", "round")]
    {
        let _ = hands.set_attribute(k, v);
    }
    let _ = svg.append_child(&circle);
    let _ = svg.append_child(&hands);
    svg
}

/// Adds the kiosk's parts to the frame the widget has just built (kiosk mode only).
pub fn decorate(app: &mut App) {
    app.kiosk.parts = None;
    app.kiosk.drawn_link = None;
    app.kiosk.drawn_print.clear();
    app.kiosk.drawn_attract.clear();
    app.kiosk.warning_shown = false;
    if !is_kiosk(app) {
        return;
    }
    let Some(shell) = &app.shell else { return };
    let doc = &app.doc;
    let lang = app.state.lang;
    let f = i18n::fair_ui(lang);
    let u = super::i18n::ui(lang);
    let container = shell.container.clone();

    // Header: countdown, start over, staff tools.
    let countdown = dom::el(doc, "span").class("om-k-clock").attr("aria-hidden", "true").build();
    let clock_box = dom::el(doc, "p")
        .class("om-k-countdown")
        .attr("title", f.countdown_label)
        .hidden(true)
        .child(clock_icon(doc))
        .child(&countdown)
        .child(dom::sr_only(doc, f.countdown_label))
        .build();
    let bar = dom::el(doc, "div")
        .class("om-k-bar")
        .child(&clock_box)
        .child(dom::action_button(doc, "om-button om-secondary", "k-restart", None, f.start_over))
        .child(dom::action_button(doc, "om-button om-secondary om-k-fullscreen", "k-fullscreen", None, f.fullscreen))
        .build();
    if let Some(header) = container.query_selector(".om-header").ok().flatten() {
        let _ = header.append_child(&bar);
    }

    // The idle warning: a sticky bar with the seconds left and a big "continue" button.
    let warning_text = dom::el(doc, "p").class("om-k-warning-text").build();
    let warning = dom::el(doc, "div")
        .class("om-k-warning")
        .attr("role", "alert")
        .hidden(true)
        .child(dom::el(doc, "p").class("om-k-warning-title").text(f.still_there))
        .child(&warning_text)
        .child(dom::action_button(doc, "om-button", "k-continue", None, f.keep_going))
        .build();

    // Three columns: the query with its quick choices, the results, the hand-off.
    let pickers = dom::el(doc, "section").class("om-k-pickers").attr("aria-label", f.pick).build();
    let query = dom::el(doc, "div").class("om-k-col om-k-query").build();
    let main = dom::el(doc, "div").class("om-k-col om-k-main").build();
    let handoff = dom::el(doc, "section").class("om-k-handoff").attr("aria-label", f.handoff).build();
    let file = dom::el(doc, "input")
        .class("om-k-file")
        .attr("type", "file")
        .attr("accept", ".xlsx,.xls,.ods,.et,.csv,.tsv,.json,.txt,.oml,text/csv,application/json")
        .attr("aria-label", f.load_list)
        .hidden(true)
        .build();
    let staff = dom::el(doc, "section")
        .class("om-k-staff")
        .attr("aria-label", f.staff)
        .child(dom::el(doc, "h3").class("om-k-h").text(f.staff))
        .child(dom::action_button(doc, "om-button om-secondary om-k-load", "k-load", None, f.load_list))
        .child(dom::el(doc, "p").class("om-hint").text(f.load_hint))
        .child(&file);
    let side = dom::el(doc, "div").class("om-k-col om-k-side").child(&handoff).child(staff).build();
    if let Some(form) = container.query_selector(".om-form").ok().flatten() {
        let _ = query.append_child(&form);
    }
    let _ = query.append_child(&pickers);
    let tabs = shell.results_tab.parent_element();
    for e in [Some(shell.status.clone()), tabs, Some(shell.results.clone()), Some(shell.shortlist.clone())].into_iter().flatten() {
        let _ = main.append_child(&e);
    }
    let cols = dom::el(doc, "div").class("om-k-cols").child(&query).child(&main).child(&side).build();
    let footer: &Element = &shell.footer;
    let _ = container.insert_before(&cols, Some(footer));
    let _ = container.insert_before(&warning, Some(&cols));

    let attract = dom::el(doc, "section").class("om-attract").attr("data-action", "k-start").attr("aria-label", f.attract_title).build();
    let _ = container.insert_before(&attract, container.first_child().as_ref());

    let print = dom::el(doc, "section").class("om-print").attr("aria-hidden", "true").build();
    let report = dom::el(doc, "dialog").class("om-k-report").attr("aria-label", f.report_title).build();
    let drop = dom::el(doc, "div").class("om-k-drop").attr("aria-hidden", "true").child(dom::el(doc, "p").text(f.drop_here)).build();
    let _ = container.append_child(&print);
    let _ = container.append_child(&report);
    let _ = container.append_child(&drop);
    let _ = container.set_attribute("aria-label", u.title);

    app.kiosk.parts = Some(Parts { attract, countdown, clock_box, warning, warning_text, pickers, handoff, print, report, file });
}

/// Brings the kiosk's parts up to date with the state (after every change of the widget).
pub fn update(app: &mut App) {
    if !is_kiosk(app) || app.kiosk.parts.is_none() {
        return;
    }
    let attracting = app.kiosk.attract;
    if let Some(shell) = &app.shell {
        let _ = shell.container.class_list().toggle_with_force("om-attracting", attracting);
        let dragging = app.kiosk.dragging.is_some();
        let _ = shell.container.class_list().toggle_with_force("om-dragging", dragging);
    }
    attract::render(app);
    if !attracting {
        pickers::render(app);
        handoff::render(app);
    }
    handoff::render_print(app);
    loader::render_report(app);
    tick(app);
}

/// Marks a touch, key or scroll: the idle countdown starts again.
pub fn activity(app: &mut App) {
    app.kiosk.last_activity = js_sys::Date::now();
    if app.kiosk.warning_shown {
        tick(app);
    }
}

/// Once a second (and after every change): the countdown, the warning, the reset when it is due.
fn tick(app: &mut App) {
    if !is_kiosk(app) {
        return;
    }
    // A drag that left without a drop (or a dragleave that never came) ends the drop highlight.
    if app.kiosk.dragging.is_some_and(|t| js_sys::Date::now() - t > 1500.0) {
        app.kiosk.dragging = None;
        if let Some(shell) = &app.shell {
            let _ = shell.container.class_list().remove_1("om-dragging");
        }
    }
    let idle = idle_seconds(app);
    let running = !app.kiosk.attract && idle > 0;
    let elapsed = ((js_sys::Date::now() - app.kiosk.last_activity) / 1000.0).max(0.0);
    let left = (idle as f64 - elapsed).ceil().max(0.0) as u32;
    if running && left == 0 {
        reset(app, true);
        return;
    }
    let warn = running && left <= (idle / 3).clamp(5, 20);
    let lang = app.state.lang;
    let Some(parts) = &app.kiosk.parts else { return };
    let _ = parts.clock_box.toggle_attribute_with_force("hidden", !running);
    parts.countdown.set_text_content(Some(&if running { i18n::clock(left) } else { String::new() }));
    if warn {
        parts.warning_text.set_text_content(Some(&i18n::resetting_in(lang, left)));
    }
    if warn != app.kiosk.warning_shown {
        let _ = parts.warning.toggle_attribute_with_force("hidden", !warn);
        app.kiosk.warning_shown = warn;
    }
    // A share-base changed on the running kiosk shows in the QR code within a second.
    if running {
        handoff::render(app);
    }
}

/// Forgets the visitor: query, filters, shortlist, open project, language, scroll position, the
/// URL fragment and the stored shortlist; back to the attract screen when `attract`.
pub fn reset(app: &mut App, attract: bool) {
    let lang = app.kiosk.default_lang;
    app.state = State { lang, ..State::default() };
    app.state.top = PAGE;
    app.combo = None;
    app.touched = true;
    app.kiosk.attract = attract;
    app.kiosk.picker = Picker::default();
    app.kiosk.province = None;
    app.kiosk.report = None;
    app.kiosk.warning_shown = false;
    app.kiosk.last_activity = js_sys::Date::now();
    if let Some(s) = super::storage() {
        let _ = s.remove_item(super::STORAGE_KEY);
    }
    if let Some(active) = app.root.active_element().and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = active.blur();
    }
    app.refresh(true);
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Sets one of the three inputs as if it had been typed, and re-ranks.
fn set_input(app: &mut App, input: Input, value: String) {
    if let Some(shell) = &app.shell {
        shell.input(input).set_value(&value);
    }
    *app.state.input_mut(input) = value;
    app.state.top = PAGE;
    app.state.selected = None;
    app.touched = true;
    app.combo = None;
    app.refresh(false);
}

/// The fair's buttons (`data-action="k-…"`); returns false for an action that is not the fair's.
pub fn on_click(app: &mut App, action: &str, id: Option<&str>) -> bool {
    if !action.starts_with("k-") {
        return false;
    }
    activity(app);
    match action {
        "k-start" => {
            app.kiosk.attract = false;
            app.refresh(false);
        }
        "k-restart" => reset(app, false),
        "k-continue" => tick(app),
        "k-fullscreen" => {
            if let Some(root) = app.doc.document_element() {
                let _ = root.request_fullscreen();
            }
        }
        "k-picker" => {
            app.kiosk.picker = match id {
                Some("budget") => Picker::Budget,
                Some("region") => Picker::Region,
                _ => Picker::Industry,
            };
            pickers::render(app);
            refocus(app, &format!("k-picker:{}", id.unwrap_or("industry")));
        }
        "k-industry" => {
            let value = id.unwrap_or("").to_string();
            let value = if app.state.industry.trim() == value { String::new() } else { value };
            set_input(app, Input::Industry, value);
        }
        "k-budget" => {
            let value = id.and_then(|y| y.parse::<u64>().ok()).map(|y| crate::money::format_yuan(y, app.state.lang)).unwrap_or_default();
            let value = if app.state.budget.trim() == value { String::new() } else { value };
            set_input(app, Input::Budget, value);
        }
        "k-province" | "k-city" => {
            let code = id.and_then(|c| c.parse::<u32>().ok()).unwrap_or(0);
            if action == "k-province" {
                app.kiosk.province = Some(code);
            }
            let value = pickers::region_text(code, app.state.lang);
            set_input(app, Input::Region, value);
        }
        "k-provinces" => {
            app.kiosk.province = None;
            pickers::render(app);
            refocus(app, "k-picker:region");
        }
        "k-region-any" => {
            app.kiosk.province = None;
            set_input(app, Input::Region, String::new());
        }
        "k-print" => {
            app.kiosk.print_mode = if id == Some("summary") { PrintMode::Summary } else { PrintMode::Pages };
            handoff::render_print(app);
            if let Some(w) = web_sys::window() {
                let _ = w.print();
            }
        }
        "k-load" => {
            // Opens the file picker. Clicking the input right away would re-enter the click listener
            // that is running now, so the click is queued (still within the tap's user activation).
            if let (Some(input), Some(w)) = (app.kiosk.parts.as_ref().map(|p| p.file.clone()), web_sys::window()) {
                if let Ok(click) = js_sys::Reflect::get(&input, &JsValue::from_str("click")).and_then(|f| f.dyn_into::<js_sys::Function>())
                {
                    let _ = w.set_timeout_with_callback(&click.bind0(&input));
                }
            }
        }
        "k-report-close" => {
            app.kiosk.report = None;
            loader::render_report(app);
        }
        _ => {}
    }
    true
}

fn refocus(app: &App, key: &str) {
    let Ok(Some(e)) = app.root.query_selector(&format!("[data-key=\"{key}\"]")) else { return };
    if let Ok(h) = e.dyn_into::<HtmlElement>() {
        let _ = h.focus();
    }
}

/// Adopts the fair stylesheet next to the widget's.
fn adopt_style(app: &App) {
    let root = &app.root;
    let done = web_sys::CssStyleSheet::new().ok().and_then(|sheet| {
        sheet.replace_sync(STYLE).ok()?;
        let key = JsValue::from_str("adoptedStyleSheets");
        let current = js_sys::Reflect::get(root, &key).ok()?;
        let list: js_sys::Array = js_sys::Array::from(&current);
        list.push(&sheet);
        js_sys::Reflect::set(root, &key, &list).ok()?;
        Some(())
    });
    if done.is_none() {
        let style = dom::el(&app.doc, "style").text(STYLE).build();
        let _ = root.append_child(&style);
    }
}

type Listeners = Vec<(EventTarget, &'static str, Closure<dyn FnMut(Event)>)>;

fn listen(target: &EventTarget, ty: &'static str, capture: bool, listeners: &mut Listeners, f: impl FnMut(Event) + 'static) {
    let closure = Closure::<dyn FnMut(Event)>::new(f);
    let _ = target.add_event_listener_with_callback_and_bool(ty, closure.as_ref().unchecked_ref(), capture);
    listeners.push((target.clone(), ty, closure));
}

fn with_weak(app: &Weak<RefCell<App>>, f: impl FnOnce(&mut App)) {
    if let Some(app) = app.upgrade() {
        if let Ok(mut a) = app.try_borrow_mut() {
            f(&mut a);
        }
    }
}

/// Once, when the widget is mounted: the fair stylesheet, activity listeners, the file drop and
/// picker, and the one-second timer. Everything does nothing unless the mode is `kiosk`.
pub fn install(app: &Rc<RefCell<App>>, listeners: &mut Listeners) {
    {
        let a = app.borrow();
        adopt_style(&a);
    }
    let root: EventTarget = app.borrow().root.clone().into();
    let weak = Rc::downgrade(app);

    // Any touch, key, wheel or scroll inside the widget counts as someone being there.
    for ty in ["pointerdown", "keydown", "input", "wheel", "touchstart", "scroll"] {
        let w = weak.clone();
        listen(&root, ty, true, listeners, move |_e| {
            with_weak(&w, |a| {
                if is_kiosk(a) {
                    activity(a)
                }
            })
        });
    }
    // A list file dropped anywhere on the kiosk, or chosen with the file picker.
    for ty in ["dragenter", "dragover"] {
        let w = weak.clone();
        listen(&root, ty, false, listeners, move |e| with_weak(&w, |a| loader::on_drag(a, &e)));
    }
    {
        let w = weak.clone();
        listen(&root, "dragleave", false, listeners, move |e| with_weak(&w, |a| loader::on_dragleave(a, &e)));
    }
    {
        let w = weak.clone();
        listen(&root, "drop", false, listeners, move |e| {
            let w2 = w.clone();
            with_weak(&w, |a| loader::on_drop(a, &e, w2));
        });
    }
    {
        let w = weak.clone();
        listen(&root, "change", false, listeners, move |e| {
            let w2 = w.clone();
            with_weak(&w, |a| loader::on_file_chosen(a, &e, w2));
        });
    }
    // Close the report with the dialog's own Escape key too.
    {
        let w = weak.clone();
        listen(&root, "close", true, listeners, move |e| {
            let is_report = e.target().and_then(|t| t.dyn_into::<Element>().ok()).is_some_and(|t| t.class_list().contains("om-k-report"));
            if is_report {
                with_weak(&w, |a| a.kiosk.report = None);
            }
        });
    }

    // The countdown.
    let w = weak.clone();
    let timer = Closure::<dyn FnMut()>::new(move || with_weak(&w, tick));
    if let Some(win) = web_sys::window() {
        if let Ok(id) = win.set_interval_with_callback_and_timeout_and_arguments_0(timer.as_ref().unchecked_ref(), 1000) {
            app.borrow_mut().kiosk.timer = Some((id, timer));
        }
    }
}

/// Fair-mode controls for pages and tests.
#[wasm_bindgen]
impl WidgetHandle {
    /// Resets the kiosk now, as the idle timer does: clears the query, filters, shortlist,
    /// language, URL fragment and scroll position, and shows the attract screen.
    #[wasm_bindgen(js_name = resetKiosk)]
    pub fn reset_kiosk(&self) {
        if let Ok(mut a) = self.app.try_borrow_mut() {
            reset(&mut a, true);
        }
    }

    /// The share link of the current view on the public portal (`share-base`), as the QR code
    /// encodes it; empty when there is nothing to share or no public address.
    #[wasm_bindgen(js_name = shareLink)]
    pub fn share_link(&self) -> String {
        self.app.try_borrow().ok().and_then(|a| share_link(&a)).unwrap_or_default()
    }
}
