//! The controller (as in wasm-bindgen's todomvc example, without a framework): it owns the state
//! and the live DOM, and takes [`Action`]s one at a time. For each it calls
//! [`update`](super::update::update), draws what the [`Outcome`] says changed, moves the focus and
//! runs the effects. An action that arrives while another is being handled — an event that the
//! widget's own DOM changes fire, a host page calling the handle from an event the widget raised —
//! waits in a queue and is handled next, never dropped and never re-entered.

use super::action::{Action, KioskAction, NewList};
use super::browser;
use super::fair::{self, attract::Figures};
use super::state::{Input, Mode, Panel, State};
use super::update::{update, Effect, Focus, Outcome, Redraw};
use super::url;
use super::view::frame::{self, FilterOptions, Frame};
use super::view::{combo, results, shortlist, status, Ctx};
use crate::rank::RankResponse;
use crate::Lang;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, Element, Event, HtmlElement, HtmlInputElement, ShadowRoot};

/// Milliseconds the address waits after a keystroke (`history.replaceState` on every keystroke
/// would cost more than the ranking, and Chromium throttles it).
const ADDRESS_DELAY_MS: i32 = 400;

/// The widget at run time: the state, and the actions waiting their turn.
pub struct Controller {
    app: RefCell<App>,
    queue: RefCell<VecDeque<(Action, Option<Event>)>>,
}

/// The state and everything drawn from it.
struct App {
    state: State,
    root: ShadowRoot,
    doc: web_sys::Document,
    frame: Option<Frame>,
    /// The kiosk's parts of the frame (fair mode only).
    kiosk: Option<fair::Parts>,
    /// The list ranked for the current search.
    response: Option<RankResponse>,
    /// The kiosk's figures of the loaded list.
    figures: Option<Figures>,
    /// The object URL of the last CSV download.
    export_url: Option<String>,
    /// The language the crash screen speaks.
    crash_lang: Rc<Cell<Lang>>,
    /// Writes the address once typing pauses.
    address_flush: Closure<dyn FnMut()>,
    address_timer: Option<i32>,
    me: Weak<Controller>,
}

impl Controller {
    pub fn new(state: State, root: ShadowRoot, doc: web_sys::Document, crash_lang: Rc<Cell<Lang>>) -> Rc<Controller> {
        Rc::new_cyclic(|me: &Weak<Controller>| {
            let weak = me.clone();
            let address_flush = Closure::<dyn FnMut()>::new(move || {
                if let Some(c) = weak.upgrade() {
                    if let Ok(mut app) = c.app.try_borrow_mut() {
                        app.address_timer = None;
                        app.write_address();
                    }
                }
            });
            let app = App {
                state,
                root,
                doc,
                frame: None,
                kiosk: None,
                response: None,
                figures: None,
                export_url: None,
                crash_lang,
                address_flush,
                address_timer: None,
                me: me.clone(),
            };
            Controller { app: RefCell::new(app), queue: RefCell::new(VecDeque::new()) }
        })
    }

    /// Handles `action` (brought by `event`, if any) now, or after the one being handled.
    pub fn dispatch(&self, action: Action, event: Option<&Event>) {
        self.queue.borrow_mut().push_back((action, event.cloned()));
        // Busy: the loop below, further up the stack, takes it next.
        let Ok(mut app) = self.app.try_borrow_mut() else { return };
        loop {
            let next = self.queue.borrow_mut().pop_front();
            let Some((action, event)) = next else { break };
            app.handle(action, event.as_ref());
        }
    }

    /// Draws the whole widget (once, when mounted).
    pub fn start(&self) {
        if let Ok(mut app) = self.app.try_borrow_mut() {
            app.draw(Redraw::Frame, &Focus::Keep);
        }
    }

    /// One second of the kiosk's clock.
    pub fn tick(&self) {
        let idle = match self.app.try_borrow() {
            Ok(app) if app.state.mode == Mode::Kiosk => app.idle_seconds(),
            _ => return,
        };
        self.dispatch(Action::Kiosk(KioskAction::Tick { now: browser::now(), idle }), None);
    }

    /// Reads the state (nothing while an action is being handled).
    pub fn read<T: Default>(&self, f: impl FnOnce(&State, Option<&RankResponse>) -> T) -> T {
        self.app.try_borrow().map(|app| f(&app.state, app.response.as_ref())).unwrap_or_default()
    }

    /// The share link of the current view, as the kiosk's QR code encodes it.
    pub fn share_link(&self) -> Option<String> {
        let app = self.app.try_borrow().ok()?;
        url::share_link(app.share_base().as_deref(), &app.state.search)
    }

    /// Stops the timers and forgets the root (the handle was dropped).
    pub fn stop(&self) {
        if let Ok(mut app) = self.app.try_borrow_mut() {
            if let (Some(t), Some(w)) = (app.address_timer.take(), web_sys::window()) {
                w.clear_timeout_with_handle(t);
            }
            super::crash::unregister(&app.root);
        }
    }
}

impl App {
    fn handle(&mut self, action: Action, event: Option<&Event>) {
        let Outcome { redraw, focus, effects } = update(&mut self.state, action);
        if focus == Focus::Drop {
            if let Some(active) = self.root.active_element().and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
                let _ = active.blur();
            }
        }
        self.draw(redraw, &focus);
        for effect in effects {
            self.run(effect, event);
        }
    }

    fn cx(&self) -> (web_sys::Document, Lang) {
        (self.doc.clone(), self.state.search.lang)
    }

    fn share_base(&self) -> Option<String> {
        browser::share_base(&self.root.host(), self.state.kiosk.share_base_option.as_deref())
    }

    fn idle_seconds(&self) -> u32 {
        self.state.kiosk.idle_seconds(self.root.host().get_attribute("idle").as_deref())
    }

    /// Draws what changed: one sequence for every action, each [`Redraw`] level a part of it.
    fn draw(&mut self, redraw: Redraw, focus: &Focus) {
        match redraw {
            Redraw::Nothing => {}
            Redraw::Clock => self.draw_kiosk(true),
            Redraw::Suggestions => self.draw_suggestions(),
            Redraw::Kiosk => self.draw_kiosk(false),
            Redraw::Typing | Redraw::Results | Redraw::Frame => {
                let typing = redraw == Redraw::Typing;
                let kept = if *focus == Focus::Keep && !typing { self.focused_key() } else { None };
                self.crash_lang.set(self.state.search.lang);
                if redraw == Redraw::Frame || self.frame.is_none() {
                    self.draw_frame();
                }
                self.draw_results(typing);
                if let Some(key) = kept {
                    self.focus(&key);
                }
            }
        }
        if let Focus::Move(key) = focus {
            self.focus(key);
        }
    }

    /// Builds the frame for the language, list and mode, laid out as a portal or a kiosk.
    fn draw_frame(&mut self) {
        let (doc, lang) = self.cx();
        let cx = Ctx::new(&doc, lang);
        let options = FilterOptions::new(self.state.list.matcher(), lang);
        let pieces = frame::pieces(&cx, &self.state.search, &options, self.state.mode);
        let (frame, kiosk) = match self.state.mode {
            Mode::Portal => (frame::portal(pieces), None),
            Mode::Kiosk => {
                let (frame, parts) = fair::frame(&cx, pieces);
                (frame, Some(parts))
            }
        };
        self.root.replace_children_with_node_1(&frame.container);
        self.frame = Some(frame);
        self.kiosk = kiosk;
    }

    /// Ranks, then draws everything below the form (the footer too unless typing), the listbox
    /// and the kiosk's parts; writes the address (a moment later when typing).
    fn draw_results(&mut self, typing: bool) {
        let today = browser::today();
        self.response = self.state.rank(&today);
        if typing {
            self.write_address_soon();
        } else {
            self.write_address();
        }
        let (doc, lang) = self.cx();
        let cx = Ctx::new(&doc, lang);
        let Some(f) = self.frame.as_mut() else { return };
        let (state, response) = (&self.state, self.response.as_ref());
        status::status(&cx, &f.status, &state.list, response, &state.search);
        status::understood(&cx, f, &state.search, response);
        f.show_inputs(&state.search);
        results::render(&cx, &f.results, &state.list, response, &state.search, &today);
        if state.search.panel == Panel::Shortlist {
            shortlist::render(&cx, &f.shortlist, &state.shortlist_entries(&today), &today, &browser::location_href());
        } else {
            super::dom::clear(&f.shortlist);
        }
        frame::show_panel(&cx, f, &state.search);
        if !typing {
            status::footer(&cx, &f.footer, &state.list);
        }
        self.draw_suggestions();
        self.draw_kiosk(false);
    }

    fn draw_suggestions(&self) {
        let Some(f) = &self.frame else { return };
        let (doc, lang) = self.cx();
        let cx = Ctx::new(&doc, lang);
        for i in Input::ALL.into_iter().filter(|i| i.has_suggestions()) {
            combo::render(&cx, i, f.input(i), f.listbox(i), self.state.suggestions.as_ref());
        }
    }

    /// The kiosk's parts, or only its clock.
    fn draw_kiosk(&mut self, clock_only: bool) {
        if self.kiosk.is_none() {
            return;
        }
        let today = browser::today();
        let share_base = self.share_base();
        let countdown = self.state.kiosk.countdown(browser::now(), self.idle_seconds());
        let (doc, lang) = self.cx();
        let cx = Ctx::new(&doc, lang);
        let (Some(f), Some(parts)) = (&self.frame, self.kiosk.as_mut()) else { return };
        let figures = fair::attract::figures(&mut self.figures, self.state.list.matcher(), lang);
        let inputs =
            fair::Inputs { response: self.response.as_ref(), figures, share_base: share_base.as_deref(), countdown, today: &today };
        if clock_only {
            fair::render_clock(&cx, parts, &self.state, &inputs);
        } else {
            fair::render(&cx, parts, &f.container, &self.state, &inputs);
        }
    }

    /// Writes the search into the address (when the visitor changed anything since mounting).
    fn write_address(&mut self) {
        if let Some(t) = self.address_timer.take() {
            if let Some(w) = web_sys::window() {
                w.clear_timeout_with_handle(t);
            }
        }
        if self.state.touched {
            browser::write_fragment(&url::encode(&self.state.search));
        }
    }

    fn write_address_soon(&mut self) {
        if self.address_timer.is_some() {
            return;
        }
        let timer = web_sys::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(self.address_flush.as_ref().unchecked_ref(), ADDRESS_DELAY_MS).ok()
        });
        match timer {
            Some(t) => self.address_timer = Some(t),
            None => self.write_address(),
        }
    }

    /// The `data-key` of the element focused inside the widget.
    fn focused_key(&self) -> Option<String> {
        self.root.active_element().and_then(|e| e.get_attribute("data-key"))
    }

    /// Focuses the element with `data-key` = `key` (or the tab of the panel shown, when it is gone).
    fn focus(&self, key: &str) {
        if self.focused_key().as_deref() == Some(key) {
            return;
        }
        let find = |k: &str| -> Option<Element> {
            let nodes = self.root.query_selector_all("[data-key]").ok()?;
            (0..nodes.length())
                .filter_map(|i| nodes.item(i))
                .filter_map(|n| n.dyn_into::<Element>().ok())
                .find(|e| e.get_attribute("data-key").as_deref() == Some(k))
        };
        let (tab, _) = Action::ShowPanel(self.state.search.panel).dom().unwrap_or_default();
        if let Some(e) = find(key).or_else(|| find(tab)) {
            if let Ok(h) = e.dyn_into::<HtmlElement>() {
                let _ = h.focus();
            }
        }
    }

    fn run(&mut self, effect: Effect, event: Option<&Event>) {
        match effect {
            Effect::PreventDefault => {
                if let Some(e) = event {
                    e.prevent_default();
                }
            }
            Effect::AcceptDrag => {
                if let Some(e) = event {
                    e.prevent_default();
                    if let Some(dt) = e.dyn_ref::<DragEvent>().and_then(|d| d.data_transfer()) {
                        dt.set_drop_effect("copy");
                    }
                }
            }
            Effect::SaveShortlist => browser::save_shortlist(&self.state.search.shortlist),
            Effect::ForgetShortlist => browser::forget_shortlist(),
            Effect::ScrollToTop => browser::scroll_to_top(),
            Effect::ExportCsv => self.export_csv(),
            Effect::Reload => browser::reload(),
            Effect::Fullscreen => browser::fullscreen(&self.doc),
            Effect::Print => browser::print(),
            Effect::OpenFilePicker => {
                if let Some(parts) = &self.kiosk {
                    browser::click_soon(&parts.file);
                }
            }
            Effect::ReadDroppedFile => {
                let Some(e) = event else { return };
                let file = e.dyn_ref::<DragEvent>().and_then(|d| d.data_transfer()).and_then(|dt| dt.files()).and_then(|f| f.get(0));
                if let Some(file) = file {
                    // The drop stops here, so that the element's own drop handler (which loads
                    // without a report) does not load the file a second time.
                    e.prevent_default();
                    e.stop_propagation();
                    self.read(file);
                }
            }
            Effect::ReadChosenFile => {
                let Some(input) = event.and_then(|e| e.target()).and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else { return };
                let file = input.files().and_then(|f| f.get(0));
                input.set_value("");
                if let Some(file) = file {
                    self.read(file);
                }
            }
        }
    }

    fn export_csv(&mut self) {
        let (doc, lang) = self.cx();
        let cx = Ctx::new(&doc, lang);
        let today = browser::today();
        let rows = shortlist::csv_rows(&cx, &self.state.shortlist_entries(&today), &today);
        let file = format!("{}-{}.csv", cx.ui.csv_file, today);
        browser::download(&doc, &super::csv::to_csv(&rows), "text/csv;charset=utf-8", &file, &mut self.export_url);
    }

    /// Reads a list file dropped or picked at the kiosk; it replaces the list when it is read.
    fn read(&self, file: web_sys::File) {
        let Some(me) = self.me.upgrade() else { return };
        me.dispatch(Action::Kiosk(KioskAction::Reading), None);
        let weak = self.me.clone();
        browser::read_list_file(file, move |file, encoding, list| {
            if let Some(c) = weak.upgrade() {
                c.dispatch(Action::Kiosk(KioskAction::Activity { now: browser::now() }), None);
                c.dispatch(Action::Kiosk(KioskAction::FileLoaded { file, encoding, list: NewList::new(list) }), None);
            }
        });
    }
}
