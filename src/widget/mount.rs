//! The element's handle on the widget: [`mount`] builds it into a shadow root and returns a
//! [`WidgetHandle`] through which the element's loader (`www/opportunity-matcher.js`) and host
//! pages load lists and change the language, mode and weights. Every call becomes an
//! [`Action`] for the controller.

use super::action::{Action, KioskAction, NewList};
use super::browser;
use super::controller::Controller;
use super::events::{self, Listener};
use super::state::{Kiosk, Mode, Search, State};
use super::{crash, dom, fair, url};
use crate::list::load_text;
use crate::rank::{Matcher, Weights};
use crate::Lang;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, ShadowRoot};

/// `style.css` without comments and needless whitespace (build.rs).
const STYLE: &str = include_str!(concat!(env!("OUT_DIR"), "/style.min.css"));

/// The handle `mount` returns: load a list, change language or mode. Dropping it (`free()`)
/// removes the widget's listeners and stops its timers.
#[wasm_bindgen]
pub struct WidgetHandle {
    controller: Rc<Controller>,
    _listeners: Vec<Listener>,
    clock: Option<(i32, Closure<dyn FnMut()>)>,
}

impl Drop for WidgetHandle {
    fn drop(&mut self) {
        if let (Some((id, _)), Some(w)) = (&self.clock, web_sys::window()) {
            w.clear_interval_with_handle(*id);
        }
        self.controller.stop();
    }
}

#[wasm_bindgen]
impl WidgetHandle {
    fn dispatch(&self, action: Action) {
        self.controller.dispatch(action, None);
    }

    /// Loads a list from text (JSON or CSV; `name` guides the format) and shows it ranked.
    #[wasm_bindgen(js_name = loadText)]
    pub fn load_text(&self, text: &str, name: &str) {
        self.dispatch(Action::Loaded(NewList::new(load_text(text, name).map(Matcher::new))));
    }

    /// Loads a list from a file's bytes and shows it ranked: the one path for `src` and dropped
    /// files (see `Matcher.fromBytes`) — the compact form, a spreadsheet (through the spreadsheet
    /// module, fetched the first time one is opened), or CSV/TSV/JSON in any encoding the core
    /// detects. `name` is the file's name.
    #[wasm_bindgen(js_name = loadBytes)]
    pub fn load_bytes(&self, bytes: &js_sys::Uint8Array, name: &str) {
        let controller = Rc::downgrade(&self.controller);
        crate::wasm::open_list(bytes, name, move |list| {
            if let Some(c) = controller.upgrade() {
                c.dispatch(Action::Loaded(NewList::new(list)), None);
            }
        });
    }

    /// Loads a list in the compact form (`opportunity-matcher convert LIST OUT.oml`) and shows it
    /// ranked: the stored index is used as it is, and the project records stay in a copy held by
    /// JavaScript, decoded when shown (a national list of 100,000 projects opens in a fraction of
    /// a second).
    #[wasm_bindgen(js_name = loadCompact)]
    pub fn load_compact(&self, bytes: &js_sys::Uint8Array) {
        self.dispatch(Action::Loaded(NewList::new(crate::wasm::compact_matcher(bytes))));
    }

    /// Shows that the list could not be fetched, with the cause (`HTTP 404 data/list.json`).
    #[wasm_bindgen(js_name = loadError)]
    pub fn load_error(&self, message: &str) {
        self.dispatch(Action::FetchFailed(message.to_string()));
    }

    /// Shows the loading state (a new `src` is being fetched).
    #[wasm_bindgen(js_name = setLoading)]
    pub fn set_loading(&self) {
        self.dispatch(Action::Loading);
    }

    /// Shows how much of a large list has arrived while it downloads: `received` bytes of `total`
    /// (0 when the size is not known). Ignored once the list is shown.
    #[wasm_bindgen(js_name = setProgress)]
    pub fn set_progress(&self, received: f64, total: f64) {
        self.dispatch(Action::Progress(received.max(0.0) as u64, total.max(0.0) as u64));
    }

    /// Switches the language (`zh-Hans`, `zh-Hant`, `en` or any BCP 47 tag) and re-renders.
    #[wasm_bindgen(js_name = setLang)]
    pub fn set_lang(&self, tag: &str) {
        self.dispatch(Action::SetLang(Lang::from_tag(tag)));
    }

    /// The language shown (`zh-Hans`, `zh-Hant` or `en`).
    #[wasm_bindgen(getter)]
    pub fn lang(&self) -> String {
        self.controller.read(|s, _| s.search.lang.tag().to_string())
    }

    /// `portal` (default) or `kiosk`.
    #[wasm_bindgen(js_name = setMode)]
    pub fn set_mode(&self, mode: &str) {
        self.dispatch(Action::SetMode(Mode::parse(mode)));
    }

    /// Ranking weights as `industry=0.5,region=0.3` or JSON; empty restores the defaults.
    #[wasm_bindgen(js_name = setWeights)]
    pub fn set_weights(&self, weights: &str) {
        self.dispatch(Action::SetWeights(weights.to_string()));
    }

    /// The ids shown, in rank order (for scripts and tests).
    #[wasm_bindgen(js_name = resultIds)]
    pub fn result_ids(&self) -> Vec<String> {
        self.controller.read(|_, r| r.map(|r| r.results.iter().map(|x| x.id.clone()).collect()).unwrap_or_default())
    }

    /// The query as typed: `{industry, budget, region, sector, cooperation, stage}` (strings, empty
    /// when unused; `sector` is a sector key of `sectors()`).
    #[wasm_bindgen(getter)]
    pub fn query(&self) -> JsValue {
        self.controller.read(|s, _| Some(super::host::query_object(&s.search))).unwrap_or(JsValue::NULL)
    }

    /// Replaces the query (the form shows it) and ranks: an object with any of `industry, budget,
    /// region, sector, cooperation, stage` (a field left out is cleared), or a string for the
    /// industry alone. Returns the names of fields that are not part of a query (ignored).
    #[wasm_bindgen(js_name = setQuery)]
    pub fn set_query(&self, query: JsValue) -> Vec<String> {
        let (fields, unknown) = super::host::query_fields(&query);
        self.dispatch(Action::SetQuery(Box::new(fields)));
        unknown
    }

    /// Fair mode: resets the kiosk now, as the idle timer does: clears the query, filters,
    /// shortlist, language, URL fragment and scroll position, and shows the attract screen.
    #[wasm_bindgen(js_name = resetKiosk)]
    pub fn reset_kiosk(&self) {
        self.dispatch(Action::Kiosk(KioskAction::Reset { now: browser::now() }));
    }

    /// Fair mode: the share link of the current view on the public portal (`share-base`), as the
    /// QR code encodes it; empty when there is nothing to share or no public address.
    #[wasm_bindgen(js_name = shareLink)]
    pub fn share_link(&self) -> String {
        self.controller.share_link().unwrap_or_default()
    }

    /// Panics on purpose, to check that a panic shows a readable error (used by the tests).
    #[doc(hidden)]
    #[wasm_bindgen(js_name = debugPanic)]
    pub fn debug_panic(&self) {
        panic!("debugPanic() was called: this is the test of the error display");
    }
}

/// Options of [`mount`]: `{lang, mode, weights, idle, shareBase}`, all optional.
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

/// Adopts the widget's and the fair's stylesheets into the shadow root.
fn adopt_styles(doc: &Document, root: &ShadowRoot) {
    let sheets = js_sys::Array::new();
    for css in [STYLE, fair::STYLE] {
        let Ok(sheet) = web_sys::CssStyleSheet::new() else { break };
        if sheet.replace_sync(css).is_err() {
            break;
        }
        sheets.push(&sheet);
    }
    let adopted = sheets.length() == 2 && js_sys::Reflect::set(root, &JsValue::from_str("adoptedStyleSheets"), &sheets).is_ok();
    if !adopted {
        // Browsers without constructable stylesheets get <style> elements (needs `style-src` to
        // allow them under a CSP; every current browser takes the branch above).
        for css in [STYLE, fair::STYLE] {
            let _ = root.append_child(&dom::el(doc, "style").text(css).build());
        }
    }
}

/// Mounts the widget into `root`: a `ShadowRoot`, or an element (whose open shadow root is used or
/// attached). `options` is `{lang, mode, weights, idle, shareBase}`. Shows the loading state until
/// [`WidgetHandle::load_text`] or [`WidgetHandle::load_error`] is called.
#[wasm_bindgen]
pub fn mount(root: JsValue, options: JsValue) -> Result<WidgetHandle, JsError> {
    mount_with(root, options, None)
}

/// [`mount`] with the list's bytes already at hand (`name` its file name): the element's loader
/// calls it when the list arrived before the wasm, the usual case, since the wasm is the larger
/// download. The widget is then drawn once, with its results, instead of once empty and again
/// when [`WidgetHandle::load_bytes`] follows (on a phone the form's drawing is felt). A workbook,
/// read by the spreadsheet module later, is shown loading until then, as with `mount`.
#[wasm_bindgen(js_name = mountWithList)]
pub fn mount_with_list(root: JsValue, options: JsValue, bytes: &js_sys::Uint8Array, name: &str) -> Result<WidgetHandle, JsError> {
    mount_with(root, options, Some((bytes, name)))
}

fn mount_with(root: JsValue, options: JsValue, list: Option<(&js_sys::Uint8Array, &str)>) -> Result<WidgetHandle, JsError> {
    crash::install_hook();
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
    let mode = opts.mode.as_deref().map(Mode::parse).unwrap_or_default();

    let mut search = Search { lang: opts.lang.as_deref().map(Lang::from_tag).unwrap_or_default(), ..Search::default() };
    // A kiosk never brings back a shortlist: the last visitor's stays theirs.
    if !url::decode(&browser::location_hash(), &mut search) && mode == Mode::Portal {
        // No shared view in the address: bring back the starred projects of an earlier visit.
        search.shortlist = browser::saved_shortlist();
    }
    let now = browser::now();
    let kiosk = Kiosk::new(&search, opts.idle.as_ref(), opts.share_base.clone(), now);
    let state = State { kiosk, ..State::new(search, mode, weights, now) };

    adopt_styles(&doc, &root);
    let crash_lang = crash::register(&root, state.search.lang);
    let controller = Controller::new(state, root.clone(), doc, crash_lang);
    match list {
        None => controller.start(),
        Some((bytes, name)) => start_with_list(&controller, bytes, name),
    }
    let listeners = events::listen(&controller, &root, &window);

    // The kiosk's clock (it does nothing unless the mode is, or becomes, `kiosk`). Only in the
    // build with fair mode: the portal build becomes a kiosk by being replaced with that build (the
    // loader restarts the element), so on a visitor's phone nothing wakes the page every second.
    let clock = if cfg!(feature = "kiosk") {
        let weak = Rc::downgrade(&controller);
        let tick = Closure::<dyn FnMut()>::new(move || {
            if let Some(c) = weak.upgrade() {
                c.tick();
            }
        });
        window.set_interval_with_callback_and_timeout_and_arguments_0(tick.as_ref().unchecked_ref(), 1000).ok().map(|id| (id, tick))
    } else {
        None
    };
    Ok(WidgetHandle { controller, _listeners: listeners, clock })
}

/// Starts the widget with the list read first when it can be read at once (drawn once), else (a
/// workbook) starts it empty and loads the list when the spreadsheet module has read it.
fn start_with_list(controller: &Rc<Controller>, bytes: &js_sys::Uint8Array, name: &str) {
    let read_at_once: Rc<std::cell::RefCell<Option<Action>>> = Rc::default();
    let started = Rc::new(std::cell::Cell::new(false));
    {
        let (read_at_once, started, controller) = (read_at_once.clone(), started.clone(), Rc::downgrade(controller));
        crate::wasm::open_list(bytes, name, move |list| {
            let loaded = Action::Loaded(NewList::new(list));
            if !started.get() {
                *read_at_once.borrow_mut() = Some(loaded);
            } else if let Some(c) = controller.upgrade() {
                c.dispatch(loaded, None);
            }
        });
    }
    started.set(true);
    let loaded = read_at_once.borrow_mut().take();
    match loaded {
        Some(loaded) => controller.start_with(loaded),
        None => controller.start(),
    }
}
