//! What the widget shows, drawn from the state: the live DOM of the frame and the kiosk, the
//! ranking the results are drawn from, and the address bar. One render sequence for every action,
//! each [`Redraw`] level a part of it. The state comes in read-only: drawing cannot change it.

use super::browser;
use super::dom::{self, el};
use super::fair::{self, attract::Figures};
use super::i18n::Announcement;
use super::state::{HantState, Input, Mode, Panel, State};
use super::update::{Focus, Redraw};
use super::url;
use super::view::frame::{self, FilterOptions, Frame};
use super::view::{combo, results, shortlist, status, Ctx};
use crate::rank::RankResponse;
use crate::Lang;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, ShadowRoot};

/// Milliseconds after a keystroke before the typing counts as paused: then the address is written
/// (`history.replaceState` on every keystroke would cost more than the ranking, and Chromium
/// throttles it) and the live region says what changed (a screen reader announcing every
/// keystroke's ranking and warnings would never stop talking).
const PAUSE_MS: i32 = 500;

pub struct Screen {
    pub root: ShadowRoot,
    pub doc: Document,
    frame: Option<Frame>,
    /// The kiosk's parts of the frame (fair mode only).
    kiosk: Option<fair::Parts>,
    /// The list ranked for the current search.
    response: Option<RankResponse>,
    /// The kiosk's figures of the loaded list.
    figures: Option<Figures>,
    /// The language the crash screen speaks.
    crash_lang: Rc<Cell<Lang>>,
    /// Writes the address and announces the results once typing pauses (the controller's closure).
    address_flush: js_sys::Function,
    address_timer: Option<i32>,
    /// What the live region said last (it speaks only when that changes).
    announced: String,
    /// Whether a list's first results have been drawn (see [`Screen::lay_out_later_below_the_screen`]).
    first_results_drawn: bool,
}

impl Screen {
    /// A screen in `root` that has drawn nothing yet; `address_flush` calls [`Screen::settle`].
    pub fn new(root: ShadowRoot, doc: Document, crash_lang: Rc<Cell<Lang>>, address_flush: js_sys::Function) -> Screen {
        Screen {
            root,
            doc,
            frame: None,
            kiosk: None,
            response: None,
            figures: None,
            crash_lang,
            address_flush,
            address_timer: None,
            announced: String::new(),
            first_results_drawn: false,
        }
    }

    /// Whether the frame has been drawn.
    pub fn has_frame(&self) -> bool {
        self.frame.is_some()
    }

    /// The ranking shown.
    pub fn response(&self) -> Option<&RankResponse> {
        self.response.as_ref()
    }

    /// The kiosk's hidden file input ("load a list").
    pub fn file_input(&self) -> Option<&Element> {
        self.kiosk.as_ref().map(|k| &k.file)
    }

    /// The page share links point at (the `shareBase` option, the host's `share-base`, this page).
    pub fn share_base(&self, state: &State) -> Option<String> {
        browser::share_base(&self.root.host(), state.kiosk.share_base_option.as_deref())
    }

    /// The kiosk's idle limit in force now (the host's `idle` may change on a running kiosk).
    pub fn idle_seconds(&self, state: &State) -> u32 {
        state.kiosk.idle_seconds(self.root.host().get_attribute("idle").as_deref())
    }

    /// Takes the focus away (before a redraw that must not give it back).
    pub fn blur(&self) {
        if let Some(active) = self.root.active_element().and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
            let _ = active.blur();
        }
    }

    /// Draws what `redraw` says changed, then moves the focus.
    pub fn draw(&mut self, state: &State, redraw: Redraw, focus: &Focus) {
        match redraw {
            Redraw::Nothing => {}
            Redraw::Clock => self.draw_kiosk(state, true),
            Redraw::Suggestions => self.draw_suggestions(state),
            Redraw::Kiosk => self.draw_kiosk(state, false),
            Redraw::Typing | Redraw::Results | Redraw::Frame => {
                let typing = redraw == Redraw::Typing;
                let kept = if *focus == Focus::Keep && !typing { self.focused_key() } else { None };
                self.crash_lang.set(state.search.lang);
                if redraw == Redraw::Frame || self.frame.is_none() {
                    self.draw_frame(state);
                }
                self.draw_results(state, typing);
                if let Some(key) = kept {
                    self.focus(state, &key);
                }
            }
        }
        if let Focus::Move(key) = focus {
            self.focus(state, key);
        }
    }

    /// Builds the frame for the language, list and mode, laid out as a portal or a kiosk.
    fn draw_frame(&mut self, state: &State) {
        let cx = Ctx::of(&self.doc, state);
        let options = FilterOptions::new(state.list.matcher(), cx.lang, cx.hant);
        let pieces = frame::pieces(&cx, &state.search, &options, state.mode);
        // Whether 繁 is drawn through the Traditional table yet (tests and screenshots wait for it).
        if state.search.lang == Lang::ZhHant {
            let hant = match &state.hant {
                HantState::Ready(_) => "ready",
                HantState::Failed(_) => "failed",
                _ => "fetching",
            };
            let _ = pieces.frame.container.set_attribute("data-hant", hant);
        }
        let (frame, kiosk) = match state.mode {
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
    fn draw_results(&mut self, state: &State, typing: bool) {
        let today = browser::today();
        self.response = state.rank(&today);
        if typing {
            self.settle_soon(state);
        } else {
            self.settle(state);
        }
        let cx = Ctx::of(&self.doc, state);
        let Some(f) = self.frame.as_mut() else { return };
        let response = self.response.as_ref();
        status::status(&cx, &f.status, &state.list, response, &state.search, &state.hant, state.progress);
        status::understood(&cx, f, &state.search, response);
        f.show_inputs(&state.search);
        results::render(&cx, &f.results, &state.list, response, &state.search, &today);
        if !self.first_results_drawn && response.is_some_and(|r| !r.results.is_empty()) {
            self.first_results_drawn = true;
            lay_out_later_below_the_screen(&f.container);
        }
        if state.search.panel == Panel::Shortlist {
            shortlist::render(&cx, &f.shortlist, &state.shortlist_entries(&today), &today, &browser::location_href());
        } else {
            super::dom::clear(&f.shortlist);
        }
        frame::show_panel(&cx, f, &state.search);
        if !typing {
            status::footer(&cx, &f.footer, &state.list);
        }
        self.draw_suggestions(state);
        self.draw_kiosk(state, false);
    }

    fn draw_suggestions(&self, state: &State) {
        let Some(f) = &self.frame else { return };
        let cx = Ctx::of(&self.doc, state);
        for i in Input::ALL.into_iter().filter(|i| i.has_suggestions()) {
            combo::render(&cx, i, f.input(i), f.listbox(i), state.suggestions.as_ref());
        }
    }

    /// The kiosk's parts, or only its clock.
    fn draw_kiosk(&mut self, state: &State, clock_only: bool) {
        if self.kiosk.is_none() {
            return;
        }
        let today = browser::today();
        let share_base = self.share_base(state);
        let countdown = state.kiosk.countdown(browser::now(), self.idle_seconds(state));
        let cx = Ctx::of(&self.doc, state);
        let (Some(f), Some(parts)) = (&self.frame, self.kiosk.as_mut()) else { return };
        let figures = fair::attract::figures(&mut self.figures, state.list.matcher(), cx.lang);
        let staff_attribute = self.root.host().has_attribute("staff");
        let inputs = fair::Inputs {
            response: self.response.as_ref(),
            figures,
            share_base: share_base.as_deref(),
            countdown,
            today: &today,
            staff_attribute,
        };
        if clock_only {
            fair::render_clock(&cx, parts, state, &inputs);
        } else {
            fair::render(&cx, parts, &f.container, state, &inputs);
        }
    }

    /// What settles once typing pauses, or at once after anything else: the search written into
    /// the address (once the visitor changed anything since mounting), and the live region told
    /// what changed.
    pub fn settle(&mut self, state: &State) {
        self.cancel_address();
        if state.touched {
            browser::write_fragment(&url::encode(&state.search));
        }
        self.announce(state);
    }

    /// [`Screen::settle`] once typing pauses: each keystroke starts the wait again.
    fn settle_soon(&mut self, state: &State) {
        self.cancel_address();
        let timer =
            web_sys::window().and_then(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(&self.address_flush, PAUSE_MS).ok());
        match timer {
            Some(t) => self.address_timer = Some(t),
            None => self.settle(state),
        }
    }

    /// Tells the live region how many results there are and which is first (with the query's
    /// warnings), when that changed since it last spoke.
    fn announce(&mut self, state: &State) {
        let (Some(f), Some(m), Some(r)) = (&self.frame, state.list.matcher(), self.response.as_ref()) else { return };
        let first = r.results.first().and_then(|x| m.project(x.index)).map(|p| state.view(&p));
        let a = Announcement::new(
            state.search.lang,
            m.len(),
            r.matched,
            r.results.len(),
            state.search.has_query() || state.search.has_filters(),
            first.as_ref().map(|v| v.name.as_str()),
            &r.warnings,
        );
        let text = a.text();
        if text == self.announced {
            return;
        }
        self.announced = text;
        let doc = &self.doc;
        let chinese = first.as_ref().is_some_and(|v| v.is_untranslated("name"));
        let line = el(doc, "p").text(&a.head);
        let line = match &a.first {
            Some(name) => line.child(el(doc, "span").attr_if(chinese, "lang", "zh").text(name)),
            None => line,
        };
        f.live.replace_children_with_node_1(&line.child(dom::text(doc, &a.tail)).build());
    }

    /// Forgets a pending address write.
    pub fn cancel_address(&mut self) {
        if let (Some(t), Some(w)) = (self.address_timer.take(), web_sys::window()) {
            w.clear_timeout_with_handle(t);
        }
    }

    /// The `data-key` of the element focused inside the widget.
    fn focused_key(&self) -> Option<String> {
        self.root.active_element().and_then(|e| e.get_attribute("data-key"))
    }

    /// Focuses the element with `data-key` = `key` (or the tab of the panel shown, when it is gone).
    fn focus(&self, state: &State, key: &str) {
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
        let (tab, _) = super::action::Action::ShowPanel(state.search.panel).dom().unwrap_or_default();
        if let Some(e) = find(key).or_else(|| find(tab)) {
            if let Ok(h) = e.dyn_into::<HtmlElement>() {
                let _ = h.focus();
            }
        }
    }
}

/// The first results a page shows are painted before the cards below the screen are laid out: the
/// frame carries `om-first` (the stylesheet gives its cards `content-visibility: auto`) until the
/// frame after the one that painted them. On a phone two or three of the twenty cards are on the
/// screen, and laying out the others first delayed the first card by about 100 ms at 4× CPU
/// throttling (BENCHMARKS.md, "First results on a phone"). Only the first results: afterwards
/// every card is laid out as usual (its text as `innerText`, printing, find in page).
fn lay_out_later_below_the_screen(container: &Element) {
    let Some(window) = web_sys::window() else { return };
    if container.class_list().add_1("om-first").is_err() {
        return;
    }
    let container = container.clone();
    let lift = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = container.class_list().remove_1("om-first");
    });
    // A timeout posted from an animation frame runs after that frame is painted.
    let after_paint = wasm_bindgen::closure::Closure::once_into_js(move || {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(lift.unchecked_ref());
        }
    });
    let _ = window.request_animation_frame(after_paint.unchecked_ref());
}
