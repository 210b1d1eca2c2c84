//! The controller (as in wasm-bindgen's todomvc example, without a framework): it owns the state
//! and the [`Screen`], and takes [`Action`]s one at a time. For each it calls
//! [`update`](super::update::update), has the screen draw what the [`Outcome`] says changed, and
//! runs the effects. An action that arrives while another is being handled — an event that the
//! widget's own DOM changes fire, a host page calling the handle from an event the widget raised —
//! waits in a queue and is handled next, never dropped and never re-entered.

use super::action::{Action, KioskAction, NewList};
use super::browser;
use super::screen::Screen;
use super::state::{Mode, State};
use super::update::{update, Effect, Focus, Outcome};
use super::view::{shortlist, Ctx};
use super::{crash, host, url};
use crate::rank::RankResponse;
use crate::Lang;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, Event, HtmlInputElement, ShadowRoot};

/// The widget at run time: the state and its screen, and the actions waiting their turn.
pub struct Controller {
    app: RefCell<App>,
    queue: RefCell<VecDeque<(Action, Option<Event>)>>,
    /// Writes the address once typing pauses (the screen sets it off).
    _address_flush: Closure<dyn FnMut()>,
}

struct App {
    state: State,
    screen: Screen,
    /// The object URL of the last CSV download.
    export_url: Option<String>,
    me: Weak<Controller>,
    /// What the host page was last told through the element's events ([`host`](super::host)).
    announced: host::Announced,
}

impl Controller {
    pub fn new(state: State, root: ShadowRoot, doc: web_sys::Document, crash_lang: Rc<Cell<Lang>>) -> Rc<Controller> {
        Rc::new_cyclic(|me: &Weak<Controller>| {
            let weak = me.clone();
            let address_flush = Closure::<dyn FnMut()>::new(move || {
                if let Some(c) = weak.upgrade() {
                    if let Ok(mut app) = c.app.try_borrow_mut() {
                        let App { state, screen, .. } = &mut *app;
                        screen.settle(state);
                    }
                }
            });
            let flush: js_sys::Function = address_flush.as_ref().unchecked_ref::<js_sys::Function>().clone();
            let announced = host::Announced::new(&state.search);
            let app = App { state, screen: Screen::new(root, doc, crash_lang, flush), export_url: None, me: me.clone(), announced };
            Controller { app: RefCell::new(app), queue: RefCell::new(VecDeque::new()), _address_flush: address_flush }
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
        self.dispatch(Action::Mounted, None);
    }

    /// Starts the widget and handles `then` (the list, read before the widget started) with one
    /// drawing: `Mounted`'s state change and effects (in 繁, fetching the Traditional table) without
    /// its frame, then `then`, which draws the whole frame.
    pub fn start_with(&self, then: Action) {
        if let Ok(mut app) = self.app.try_borrow_mut() {
            let Outcome { effects, .. } = update(&mut app.state, Action::Mounted);
            for effect in effects {
                app.run(effect, None);
            }
        }
        self.dispatch(then, None);
        // Should `then` not have drawn the frame, draw it as `start` would.
        if self.app.try_borrow().is_ok_and(|app| !app.screen.has_frame()) {
            self.start();
        }
    }

    /// One second of the kiosk's clock.
    pub fn tick(&self) {
        let idle = match self.app.try_borrow() {
            Ok(app) if app.state.mode == Mode::Kiosk => app.screen.idle_seconds(&app.state),
            _ => return,
        };
        self.dispatch(Action::Kiosk(KioskAction::Tick { now: browser::now(), idle }), None);
    }

    /// Reads the state and the ranking shown (nothing while an action is being handled).
    pub fn read<T: Default>(&self, f: impl FnOnce(&State, Option<&RankResponse>) -> T) -> T {
        self.app.try_borrow().map(|app| f(&app.state, app.screen.response())).unwrap_or_default()
    }

    /// The share link of the current view, as the kiosk's QR code encodes it.
    pub fn share_link(&self) -> Option<String> {
        let app = self.app.try_borrow().ok()?;
        url::share_link(app.screen.share_base(&app.state).as_deref(), &app.state.search)
    }

    /// Stops the address timer and forgets the root (the handle was dropped).
    pub fn stop(&self) {
        if let Ok(mut app) = self.app.try_borrow_mut() {
            app.screen.cancel_address();
            crash::unregister(&app.screen.root);
        }
    }
}

impl App {
    fn handle(&mut self, action: Action, event: Option<&Event>) {
        let Outcome { redraw, focus, effects } = update(&mut self.state, action);
        if focus == Focus::Drop {
            self.screen.blur();
        }
        self.screen.draw(&self.state, redraw, &focus);
        for effect in effects {
            self.run(effect, event);
        }
        let host = self.screen.root.host();
        host::notify(&mut self.announced, &host, &self.state.search, self.state.list.matcher(), self.screen.response());
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
            Effect::Fullscreen => browser::fullscreen(&self.screen.doc),
            Effect::Print => browser::print(),
            Effect::OpenFilePicker => {
                if let Some(file) = self.screen.file_input() {
                    browser::click_soon(file);
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
            Effect::FetchHantTable => {
                let Some(url) = browser::hant_table_url(&self.screen.root.host()) else {
                    return self.dispatch_later(Action::HantFetched(Err("no address for s2twp.tsv".into())));
                };
                let weak = self.me.clone();
                browser::fetch_text(&url, move |fetched| {
                    if let Some(c) = weak.upgrade() {
                        c.dispatch(Action::HantFetched(fetched), None);
                    }
                });
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
        let cx = Ctx::of(&self.screen.doc, &self.state);
        let today = browser::today();
        let rows = shortlist::csv_rows(&cx, &self.state.shortlist_entries(&today), &today);
        let file = format!("{}-{}.csv", cx.ui.csv_file, today);
        browser::download(cx.doc, &crate::csv::to_csv(&rows), "text/csv;charset=utf-8", &file, &mut self.export_url);
    }

    /// Hands an action to the controller's queue (taken once the one being handled is done).
    fn dispatch_later(&self, action: Action) {
        if let Some(me) = self.me.upgrade() {
            me.dispatch(action, None);
        }
    }

    /// Reads a list file dropped or picked at the kiosk; it replaces the list once read.
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
