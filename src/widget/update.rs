//! The one place the widget's state changes: [`update`] takes the state and an [`Action`] and
//! says what to redraw and what else the controller must do ([`Outcome`]). It is plain Rust — no
//! DOM, no clock, no storage: time comes in the actions that need it, and everything outside the
//! state (the address, `localStorage`, printing, files) is an [`Effect`] the controller runs.
//!
//! ```
//! use opportunity_matcher::widget::action::Action;
//! use opportunity_matcher::widget::state::{Input, Mode, Search, State};
//! use opportunity_matcher::widget::update::{update, Redraw};
//! let mut state = State::new(Search::default(), Mode::Portal, None, 0.0);
//! let outcome = update(&mut state, Action::Typed(Input::Budget, "30亿".into()));
//! assert_eq!((state.search.budget.as_str(), outcome.redraw), ("30亿", Redraw::Typing));
//! ```

use super::action::{Action, Key, KioskAction, NewList};
use super::state::{
    picked_region_text, Failure, Filter, HantState, Input, ListState, Mode, Report, Search, State, PAGE, STAFF_TAPS, STAFF_TAP_WINDOW_MS,
};
use super::suggest::{self, replace_term};
use crate::rank::Weights;
use crate::Lang;

/// How much of the screen to draw again. Each level is what its actions change; the controller
/// draws it once the action is done.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Redraw {
    /// Nothing visible changed.
    #[default]
    Nothing,
    /// The kiosk's countdown and idle warning (and its QR code, should the host have changed `share-base`).
    Clock,
    /// The type-ahead listbox.
    Suggestions,
    /// The kiosk's own parts: attract screen, quick choices, hand-off, print view, report, clock.
    Kiosk,
    /// What typing changes: the ranking and everything below the form, the understood hints, the
    /// listbox and the kiosk's parts; the address is written once typing pauses.
    Typing,
    /// As [`Redraw::Typing`], and the footer, the address at once and the focus kept where it was.
    Results,
    /// The whole frame built again (language, list, mode, a cleared form), then as [`Redraw::Results`].
    Frame,
}

/// Where the keyboard focus goes after the redraw.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Focus {
    /// Where it was (after a redraw that replaced the focused element, on its successor).
    #[default]
    Keep,
    /// To the element with this `data-key` (an input's name, a button's `action:id`).
    Move(String),
    /// Nowhere: the kiosk forgot its visitor.
    Drop,
}

/// What the controller does besides drawing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Cancels the browser's default for the event that brought the action (arrow keys and Enter
    /// in the type-ahead).
    PreventDefault,
    /// Accepts the file being dragged (the drop will be a copy).
    AcceptDrag,
    /// Keeps the shortlist in `localStorage` (ids only).
    SaveShortlist,
    /// Removes the kept shortlist.
    ForgetShortlist,
    /// Scrolls the page back to the top.
    ScrollToTop,
    /// Downloads the shortlist as CSV.
    ExportCsv,
    /// Reloads the page.
    Reload,
    /// Asks for full screen.
    Fullscreen,
    /// Opens the browser's print dialog (the print view is drawn first).
    Print,
    /// Opens the file picker.
    OpenFilePicker,
    /// Reads the file dropped with the event that brought the action.
    ReadDroppedFile,
    /// Reads the file chosen in the file picker that brought the action.
    ReadChosenFile,
    /// Fetches the Simplified→Traditional display table (it comes back as [`Action::HantFetched`]).
    FetchHantTable,
}

/// What an action did: what to redraw, where the focus goes, and what else to do (in order).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    pub redraw: Redraw,
    pub focus: Focus,
    pub effects: Vec<Effect>,
}

impl Outcome {
    fn redraw(redraw: Redraw) -> Outcome {
        Outcome { redraw, ..Outcome::default() }
    }

    fn effect(effect: Effect) -> Outcome {
        Outcome { effects: vec![effect], ..Outcome::default() }
    }

    fn with(mut self, effect: Effect) -> Outcome {
        self.effects.push(effect);
        self
    }

    fn focus(mut self, key: &str) -> Outcome {
        self.focus = Focus::Move(key.to_string());
        self
    }
}

/// Applies `action` to `state`.
pub fn update(state: &mut State, action: Action) -> Outcome {
    let mut outcome = apply(state, action);
    if outcome.redraw == Redraw::Frame {
        // A frame built anew has no listbox open.
        state.suggestions = None;
    }
    // Whatever brought 繁 (the switch, the host, a link, a kiosk's reset), the display table is
    // fetched the first time it is needed, and only then.
    if state.search.lang == Lang::ZhHant && matches!(state.hant, HantState::Absent) {
        state.hant = HantState::Fetching;
        outcome.effects.push(Effect::FetchHantTable);
    }
    outcome
}

fn apply(state: &mut State, action: Action) -> Outcome {
    use Action as A;
    match action {
        A::Mounted => Outcome::redraw(Redraw::Frame),
        A::HantFetched(fetched) => {
            state.hant = match fetched.and_then(|text| crate::hant::HantTable::parse(&text)) {
                Ok(table) => HantState::Ready(Box::new(table)),
                Err(why) => HantState::Failed(why),
            };
            // The frame too: the filters' options are list text.
            Outcome::redraw(if state.search.lang == Lang::ZhHant { Redraw::Frame } else { Redraw::Nothing })
        }
        A::Loading => {
            state.list = ListState::Loading;
            state.progress = None;
            Outcome::redraw(Redraw::Results)
        }
        A::Progress(received, total) => match state.list {
            ListState::Loading => {
                state.progress = Some((received, total));
                Outcome::redraw(Redraw::Results)
            }
            _ => Outcome::default(),
        },
        A::Loaded(NewList(loaded)) => {
            state.progress = None;
            state.list = match loaded {
                Ok(m) => ListState::Ready(m),
                Err(e) => ListState::Failed(Failure::Load(e)),
            };
            Outcome::redraw(Redraw::Frame)
        }
        A::FetchFailed(message) => {
            state.list = ListState::Failed(Failure::Fetch(message));
            Outcome::redraw(Redraw::Results)
        }
        A::SetLang(lang) => set_lang(state, lang, false),
        A::ChooseLang(lang) => set_lang(state, lang, true),
        A::SetMode(mode) => {
            state.mode = mode;
            Outcome::redraw(Redraw::Frame)
        }
        A::SetWeights(text) => {
            state.weights = (!text.trim().is_empty()).then(|| Weights::parse(&text));
            Outcome::redraw(Redraw::Results)
        }
        A::HashChanged(fragment) => {
            let mut next = state.search.clone();
            if super::url::decode(&fragment, &mut next) && next != state.search {
                state.search = next;
                Outcome::redraw(Redraw::Frame)
            } else {
                Outcome::default()
            }
        }
        A::Typed(input, value) => typed(state, input, value),
        A::FilterChosen(filter, value) => {
            *state.search.filter_mut(filter) = value;
            state.search.top = PAGE;
            state.touched = true;
            Outcome::redraw(Redraw::Results)
        }
        A::KeyPressed(input, key) => key_pressed(state, input, key),
        A::Pick(input, index) => pick(state, input, index),
        A::CloseSuggestions => close_suggestions(state),
        A::Star(id) => {
            state.search.toggle_star(&id);
            shortlist_changed(state)
        }
        A::Remove(id) => {
            if !state.search.is_starred(&id) {
                return Outcome::default();
            }
            state.search.toggle_star(&id);
            shortlist_changed(state)
        }
        A::ClearShortlist => {
            state.search.shortlist.clear();
            shortlist_changed(state)
        }
        A::ToggleDetail(id) => {
            let open = state.search.selected.as_deref() == Some(id.as_str());
            state.search.selected = if open { None } else { Some(id) };
            state.touched = true;
            Outcome::redraw(Redraw::Results)
        }
        A::ShowPanel(panel) => {
            state.search.panel = panel;
            state.touched = true;
            Outcome::redraw(Redraw::Results)
        }
        A::ClearQuery => {
            state.search.clear_query();
            state.touched = true;
            Outcome::redraw(Redraw::Frame).focus(Input::Industry.name())
        }
        A::SetQuery(fields) => {
            state.search.clear_query();
            let [industry, budget, region, sector, cooperation, stage] = *fields;
            for (input, value) in Input::ALL.into_iter().zip([industry, budget, region]) {
                *state.search.input_mut(input) = value;
            }
            for (filter, value) in Filter::ALL.into_iter().zip([sector, cooperation, stage]) {
                *state.search.filter_mut(filter) = value;
            }
            state.touched = true;
            Outcome::redraw(Redraw::Frame)
        }
        A::ClearInput(input) => {
            state.search.input_mut(input).clear();
            state.touched = true;
            Outcome::redraw(Redraw::Results).focus(input.name())
        }
        A::ClearFilters => {
            for f in Filter::ALL {
                state.search.filter_mut(f).clear();
            }
            state.touched = true;
            Outcome::redraw(Redraw::Frame).focus(Filter::Sector.name())
        }
        A::ShowMore => {
            state.search.top += PAGE;
            Outcome::redraw(Redraw::Results)
        }
        A::Export => Outcome::effect(Effect::ExportCsv),
        A::Reload => Outcome::effect(Effect::Reload),
        A::Skip(to) => Outcome::default().focus(to.key()),
        A::Kiosk(k) => kiosk(state, k),
    }
}

fn set_lang(state: &mut State, lang: Lang, by_visitor: bool) -> Outcome {
    if state.search.lang == lang {
        return Outcome::default();
    }
    state.search.lang = lang;
    state.touched |= by_visitor;
    if by_visitor && matches!(state.hant, HantState::Failed(_)) {
        // The visitor asks for 繁 again: try the table again (the network may be back).
        state.hant = HantState::Absent;
    }
    Outcome::redraw(Redraw::Frame)
}

fn typed(state: &mut State, input: Input, value: String) -> Outcome {
    *state.search.input_mut(input) = value;
    state.search.top = PAGE;
    state.touched = true;
    state.suggestions = if input.has_suggestions() { suggest::open(input, state.search.input(input), state.search.lang) } else { None };
    Outcome::redraw(Redraw::Typing)
}

fn key_pressed(state: &mut State, input: Input, key: Key) -> Outcome {
    match key {
        Key::Down | Key::Up => {
            if state.suggestions.as_ref().map(|c| c.input) != Some(input) {
                state.suggestions = suggest::open(input, state.search.input(input), state.search.lang);
            }
            let mut outcome = Outcome::redraw(Redraw::Suggestions);
            if let Some(c) = state.suggestions.as_mut() {
                suggest::step(c, key == Key::Down);
                outcome.effects.push(Effect::PreventDefault);
            }
            outcome
        }
        Key::Enter => match state.suggestions.as_ref().filter(|c| c.input == input).and_then(|c| c.active) {
            Some(i) => pick(state, input, i).with(Effect::PreventDefault),
            None => close_suggestions(state),
        },
        Key::Escape if state.suggestions.is_some() => close_suggestions(state).with(Effect::PreventDefault),
        Key::Escape => Outcome::default(),
    }
}

fn pick(state: &mut State, input: Input, index: usize) -> Outcome {
    let Some(item) = state.suggestions.as_ref().filter(|c| c.input == input).and_then(|c| c.items.get(index)) else {
        return Outcome::default();
    };
    let value = replace_term(state.search.input(input), &item.insert);
    let outcome = typed(state, input, value);
    state.suggestions = None;
    outcome.focus(input.name())
}

fn close_suggestions(state: &mut State) -> Outcome {
    match state.suggestions.take() {
        Some(_) => Outcome::redraw(Redraw::Suggestions),
        None => Outcome::default(),
    }
}

fn shortlist_changed(state: &mut State) -> Outcome {
    state.touched = true;
    let outcome = Outcome::redraw(Redraw::Results);
    // A kiosk keeps nothing of its visitors.
    if state.mode == Mode::Kiosk {
        outcome
    } else {
        outcome.with(Effect::SaveShortlist)
    }
}

/// Sets an input as if it had been typed (a kiosk choice), closes the project that was open.
fn choose(state: &mut State, input: Input, value: String) -> Outcome {
    *state.search.input_mut(input) = value;
    state.search.top = PAGE;
    state.search.selected = None;
    state.touched = true;
    state.suggestions = None;
    Outcome::redraw(Redraw::Results)
}

/// The same choice again clears it.
fn toggled(current: &str, value: String) -> String {
    if current.trim() == value {
        String::new()
    } else {
        value
    }
}

/// Forgets the visitor: search, shortlist (kept and stored), open project, language, suggestions,
/// report, focus and scroll position; back to the attract screen when `attract`.
fn reset(state: &mut State, attract: bool, now: Option<f64>) -> Outcome {
    state.search = Search { lang: state.kiosk.default_lang, ..Search::default() };
    state.suggestions = None;
    state.touched = true;
    let k = &mut state.kiosk;
    k.attract = attract;
    k.picker = Default::default();
    k.province = None;
    k.report = None;
    k.warned = false;
    k.staff = false;
    k.staff_taps.clear();
    if let Some(now) = now {
        k.last_activity = now;
    }
    Outcome { redraw: Redraw::Frame, focus: Focus::Drop, effects: vec![Effect::ForgetShortlist, Effect::ScrollToTop] }
}

fn kiosk(state: &mut State, action: KioskAction) -> Outcome {
    use KioskAction as K;
    let lang = state.search.lang;
    let is_kiosk = state.mode == Mode::Kiosk;
    match action {
        K::Start => {
            state.kiosk.attract = false;
            Outcome::redraw(Redraw::Results)
        }
        K::Restart => reset(state, false, None),
        K::Reset { now } => reset(state, true, Some(now)),
        K::Continue => Outcome::redraw(Redraw::Clock),
        K::Fullscreen => Outcome::effect(Effect::Fullscreen),
        K::Picker(p) => {
            state.kiosk.picker = p;
            Outcome::redraw(Redraw::Kiosk).focus(&format!("k-picker:{}", p.name()))
        }
        K::Industry(label) => {
            let value = toggled(&state.search.industry, label);
            choose(state, Input::Industry, value)
        }
        K::Budget(yuan) => {
            let value = yuan.map(|y| crate::money::format_yuan(y, lang)).unwrap_or_default();
            let value = toggled(&state.search.budget, value);
            choose(state, Input::Budget, value)
        }
        K::Province(code) => {
            state.kiosk.province = Some(code);
            choose(state, Input::Region, picked_region_text(code, lang))
        }
        K::City(code) => choose(state, Input::Region, picked_region_text(code, lang)),
        K::AllProvinces => {
            state.kiosk.province = None;
            Outcome::redraw(Redraw::Kiosk).focus("k-picker:region")
        }
        K::AnyRegion => {
            state.kiosk.province = None;
            choose(state, Input::Region, String::new())
        }
        K::Print(mode) => {
            state.kiosk.print_mode = mode;
            Outcome { redraw: Redraw::Kiosk, effects: vec![Effect::Print], ..Outcome::default() }
        }
        K::OpenFile => Outcome::effect(Effect::OpenFilePicker),
        K::StaffTap { now } if is_kiosk => {
            let taps = &mut state.kiosk.staff_taps;
            taps.retain(|t| now - t <= STAFF_TAP_WINDOW_MS && *t <= now);
            taps.push(now);
            if taps.len() < STAFF_TAPS {
                return Outcome::default();
            }
            taps.clear();
            state.kiosk.staff = true;
            Outcome::redraw(Redraw::Kiosk).focus("k-load")
        }
        K::ToggleStaff if is_kiosk => {
            state.kiosk.staff = !state.kiosk.staff;
            state.kiosk.staff_taps.clear();
            let outcome = Outcome::redraw(Redraw::Kiosk);
            if state.kiosk.staff {
                outcome.focus("k-load")
            } else {
                outcome
            }
        }
        K::CloseReport => {
            state.kiosk.report = None;
            Outcome::redraw(Redraw::Kiosk)
        }
        K::ReportClosed => {
            state.kiosk.report = None;
            Outcome::default()
        }
        K::Activity { now } if is_kiosk => {
            state.kiosk.last_activity = now;
            if std::mem::take(&mut state.kiosk.warned) {
                Outcome::redraw(Redraw::Clock)
            } else {
                Outcome::default()
            }
        }
        K::Tick { now, idle } if is_kiosk => {
            let mut redraw = Redraw::Clock;
            // A drag that left without a drop (or a dragleave that never came) ends the highlight.
            if state.kiosk.dragging.is_some_and(|t| now - t > 1500.0) {
                state.kiosk.dragging = None;
                redraw = Redraw::Kiosk;
            }
            let countdown = state.kiosk.countdown(now, idle);
            if countdown.running && countdown.left == 0 {
                return reset(state, true, Some(now));
            }
            state.kiosk.warned = countdown.warn;
            Outcome::redraw(redraw)
        }
        K::DragOver { now } if is_kiosk => {
            let first = state.kiosk.dragging.replace(now).is_none();
            Outcome { redraw: if first { Redraw::Kiosk } else { Redraw::Nothing }, effects: vec![Effect::AcceptDrag], ..Outcome::default() }
        }
        K::DragLeft => match state.kiosk.dragging.take() {
            Some(_) => Outcome::redraw(Redraw::Kiosk),
            None => Outcome::default(),
        },
        K::Dropped if is_kiosk => {
            state.kiosk.dragging = None;
            Outcome { redraw: Redraw::Kiosk, effects: vec![Effect::ReadDroppedFile], ..Outcome::default() }
        }
        K::FileChosen if is_kiosk => Outcome::effect(Effect::ReadChosenFile),
        K::Reading => {
            state.kiosk.reading = true;
            Outcome::redraw(Redraw::Kiosk)
        }
        K::FileLoaded { file, encoding, list: NewList(list) } => {
            state.kiosk.reading = false;
            let mut reading = None;
            let outcome = match list {
                Ok(m) => {
                    reading = m.reading().cloned();
                    let summary = (m.len(), m.rejected().to_vec(), m.warnings().to_vec());
                    state.list = ListState::Ready(m);
                    // Starred ids and the open project belonged to the old list.
                    state.search.shortlist.clear();
                    state.search.selected = None;
                    state.touched = true;
                    Ok(summary)
                }
                // The old list stays in use.
                Err(e) => Err(e),
            };
            state.kiosk.report = Some(Report { file, encoding, reading, outcome });
            Outcome::redraw(Redraw::Frame)
        }
        // Activity, ticks, drags and files outside fair mode.
        K::Activity { .. } | K::Tick { .. } | K::DragOver { .. } | K::Dropped | K::FileChosen | K::StaffTap { .. } | K::ToggleStaff => {
            Outcome::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::list::load_text;
    use crate::rank::Matcher;
    use crate::widget::action::{Key, SkipTo};
    use crate::widget::state::{Panel, Picker, PrintMode};

    const CSV: &str = "项目编号,项目名称,所属行业,细分领域,项目地点,总投资,拟引资额\n\
        BAT-1,成都动力电池产业园,装备制造,动力电池,四川省成都市双流区,50亿元,30亿元\n\
        GZ-1,贵阳大数据中心,数字经济,数据中心,贵州省贵阳市,20亿元,10亿元\n";

    fn matcher(csv: &str) -> Matcher {
        Matcher::new(load_text(csv, "list.csv").unwrap())
    }

    fn portal() -> State {
        let mut s = State::new(Search::default(), Mode::Portal, None, 0.0);
        update(&mut s, Action::Loaded(NewList::new(Ok(matcher(CSV)))));
        s
    }

    fn kiosk_at(now: f64) -> State {
        let mut s = State::new(Search::default(), Mode::Kiosk, None, now);
        update(&mut s, Action::Loaded(NewList::new(Ok(matcher(CSV)))));
        s
    }

    fn k(state: &mut State, action: KioskAction) -> Outcome {
        update(state, Action::Kiosk(action))
    }

    #[test]
    fn the_list_loads_fails_or_is_being_fetched() {
        let mut s = State::new(Search::default(), Mode::Portal, None, 0.0);
        assert_eq!(update(&mut s, Action::Loaded(NewList::new(Ok(matcher(CSV))))).redraw, Redraw::Frame);
        assert_eq!(s.list.matcher().map(Matcher::len), Some(2));
        assert_eq!(update(&mut s, Action::Loading).redraw, Redraw::Results);
        assert!(matches!(s.list, ListState::Loading));
        let broken = load_text("{ not json", "list.json").map(Matcher::new);
        assert_eq!(update(&mut s, Action::Loaded(NewList::new(broken))).redraw, Redraw::Frame);
        assert!(matches!(s.list, ListState::Failed(Failure::Load(_))));
        update(&mut s, Action::FetchFailed("HTTP 404 — list.json".into()));
        assert!(matches!(&s.list, ListState::Failed(Failure::Fetch(m)) if m.contains("404")));
        assert!(!s.touched, "nothing the visitor did");
    }

    #[test]
    fn the_language_set_by_the_host_is_not_the_visitors_doing_but_the_switch_is() {
        let mut s = portal();
        assert_eq!(update(&mut s, Action::SetLang(Lang::ZhHans)), Outcome::default(), "already shown");
        assert_eq!(update(&mut s, Action::SetLang(Lang::En)).redraw, Redraw::Frame);
        assert_eq!((s.search.lang, s.touched), (Lang::En, false));
        assert_eq!(update(&mut s, Action::ChooseLang(Lang::ZhHant)).redraw, Redraw::Frame);
        assert_eq!((s.search.lang, s.touched), (Lang::ZhHant, true));
    }

    #[test]
    fn a_new_frame_closes_the_suggestions() {
        let mut s = portal();
        update(&mut s, Action::Typed(Input::Industry, "动力".into()));
        assert!(s.suggestions.is_some());
        update(&mut s, Action::ChooseLang(Lang::En));
        assert_eq!(s.suggestions, None);
    }

    #[test]
    fn mode_and_weights_come_from_the_host() {
        let mut s = portal();
        assert_eq!(update(&mut s, Action::SetMode(Mode::Kiosk)).redraw, Redraw::Frame);
        assert_eq!(s.mode, Mode::Kiosk);
        assert_eq!(update(&mut s, Action::SetWeights("industry=0.9".into())).redraw, Redraw::Results);
        assert_eq!(s.weights, Some(Weights::parse("industry=0.9")));
        update(&mut s, Action::SetWeights("  ".into()));
        assert_eq!(s.weights, None, "blank restores the defaults");
    }

    #[test]
    fn a_changed_fragment_replaces_the_search_and_a_foreign_one_is_left_alone() {
        let mut s = portal();
        assert_eq!(update(&mut s, Action::HashChanged("#q=AI&s=GZ-1&lang=en".into())).redraw, Redraw::Frame);
        assert_eq!((s.search.industry.as_str(), s.search.shortlist.as_slice(), s.search.lang), ("AI", &["GZ-1".to_string()][..], Lang::En));
        assert_eq!(update(&mut s, Action::HashChanged("#q=AI&s=GZ-1&lang=en".into())), Outcome::default(), "the same view");
        assert_eq!(update(&mut s, Action::HashChanged("#contact".into())), Outcome::default(), "the host page's anchor");
        assert_eq!(s.search.industry, "AI");
    }

    #[test]
    fn typing_ranks_again_resets_the_page_and_opens_suggestions() {
        let mut s = portal();
        s.search.top = 60;
        let o = update(&mut s, Action::Typed(Input::Industry, "动力".into()));
        assert_eq!(o.redraw, Redraw::Typing);
        assert_eq!((s.search.industry.as_str(), s.search.top, s.touched), ("动力", PAGE, true));
        assert!(s.suggestions.as_ref().is_some_and(|c| c.input == Input::Industry && c.items.iter().any(|i| i.label == "动力电池")));
        update(&mut s, Action::Typed(Input::Budget, "30亿".into()));
        assert_eq!(s.suggestions, None, "the budget has no type-ahead");
        assert!(s.rank("2024-05-01").unwrap().query.budget.is_some(), "the budget is read");
    }

    #[test]
    fn keys_move_through_suggestions_and_enter_picks_the_highlighted_one() {
        let mut s = portal();
        update(&mut s, Action::Typed(Input::Industry, "食品饮料、动力".into()));
        let o = update(&mut s, Action::KeyPressed(Input::Industry, Key::Down));
        assert_eq!((o.redraw, o.effects), (Redraw::Suggestions, vec![Effect::PreventDefault]));
        assert_eq!(s.suggestions.as_ref().and_then(|c| c.active), Some(0));
        let first = s.suggestions.as_ref().unwrap().items[0].insert.clone();
        let o = update(&mut s, Action::KeyPressed(Input::Industry, Key::Enter));
        assert_eq!(o.redraw, Redraw::Typing);
        assert_eq!(o.focus, Focus::Move("industry".into()));
        assert!(o.effects.contains(&Effect::PreventDefault));
        assert_eq!(s.search.industry, format!("食品饮料、{first}"), "only the term being typed is replaced");
        assert_eq!(s.suggestions, None);
    }

    #[test]
    fn arrows_open_the_suggestions_of_the_input_they_are_pressed_in() {
        let mut s = portal();
        update(&mut s, Action::Typed(Input::Industry, "动力".into()));
        s.search.region = "成都".into();
        update(&mut s, Action::KeyPressed(Input::Region, Key::Up));
        let c = s.suggestions.as_ref().expect("region suggestions");
        assert_eq!((c.input, c.active), (Input::Region, Some(c.items.len() - 1)));
        let o = update(&mut s, Action::KeyPressed(Input::Budget, Key::Down));
        assert_eq!((o.redraw, o.effects.len(), s.suggestions.is_none()), (Redraw::Suggestions, 0, true), "nothing to suggest for a budget");
    }

    #[test]
    fn enter_without_a_highlight_and_escape_close_the_suggestions() {
        let mut s = portal();
        update(&mut s, Action::Typed(Input::Industry, "动力".into()));
        assert_eq!(update(&mut s, Action::KeyPressed(Input::Industry, Key::Enter)).redraw, Redraw::Suggestions);
        assert_eq!(s.suggestions, None);
        assert_eq!(update(&mut s, Action::KeyPressed(Input::Industry, Key::Enter)), Outcome::default());
        update(&mut s, Action::Typed(Input::Industry, "动力".into()));
        assert_eq!(update(&mut s, Action::KeyPressed(Input::Industry, Key::Escape)).effects, vec![Effect::PreventDefault]);
        assert_eq!(update(&mut s, Action::KeyPressed(Input::Industry, Key::Escape)), Outcome::default(), "Escape is the page's again");
        update(&mut s, Action::Typed(Input::Industry, "动力".into()));
        assert_eq!(update(&mut s, Action::CloseSuggestions).redraw, Redraw::Suggestions);
        assert_eq!(update(&mut s, Action::CloseSuggestions), Outcome::default());
    }

    #[test]
    fn a_tapped_suggestion_is_picked_and_a_stale_one_is_ignored() {
        let mut s = portal();
        update(&mut s, Action::Typed(Input::Region, "成都".into()));
        let second = s.suggestions.as_ref().unwrap().items.get(1).map(|i| i.insert.clone());
        assert_eq!(update(&mut s, Action::Pick(Input::Industry, 0)), Outcome::default(), "the listbox is the region's");
        assert_eq!(update(&mut s, Action::Pick(Input::Region, 99)), Outcome::default());
        if let Some(second) = second {
            update(&mut s, Action::Pick(Input::Region, 1));
            assert_eq!(s.search.region, second);
        }
    }

    #[test]
    fn a_filter_ranks_again_from_the_first_page() {
        let mut s = portal();
        s.search.top = 40;
        assert_eq!(update(&mut s, Action::FilterChosen(Filter::Stage, "在谈".into())).redraw, Redraw::Results);
        assert_eq!((s.search.stage.as_str(), s.search.top, s.touched), ("在谈", PAGE, true));
    }

    #[test]
    fn stars_are_kept_in_the_portal_and_never_at_the_kiosk() {
        let mut s = portal();
        let o = update(&mut s, Action::Star("BAT-1".into()));
        assert_eq!((o.redraw, o.effects), (Redraw::Results, vec![Effect::SaveShortlist]));
        update(&mut s, Action::Star("GZ-1".into()));
        update(&mut s, Action::Star("BAT-1".into()));
        assert_eq!(s.search.shortlist, ["GZ-1"], "a second star takes it off");
        assert_eq!(update(&mut s, Action::Remove("BAT-1".into())), Outcome::default(), "not on the shortlist");
        assert_eq!(update(&mut s, Action::Remove("GZ-1".into())).effects, vec![Effect::SaveShortlist]);
        assert!(s.search.shortlist.is_empty());
        update(&mut s, Action::Star("GZ-1".into()));
        assert_eq!(update(&mut s, Action::ClearShortlist).effects, vec![Effect::SaveShortlist]);
        assert!(s.search.shortlist.is_empty());

        let mut kiosk = kiosk_at(0.0);
        let o = update(&mut kiosk, Action::Star("BAT-1".into()));
        assert_eq!((o.redraw, o.effects.len()), (Redraw::Results, 0));
        assert_eq!(update(&mut kiosk, Action::ClearShortlist).effects.len(), 0);
    }

    #[test]
    fn details_panels_and_more_results() {
        let mut s = portal();
        update(&mut s, Action::ToggleDetail("BAT-1".into()));
        assert_eq!(s.search.selected.as_deref(), Some("BAT-1"));
        update(&mut s, Action::ToggleDetail("GZ-1".into()));
        assert_eq!(s.search.selected.as_deref(), Some("GZ-1"), "one open at a time");
        update(&mut s, Action::ToggleDetail("GZ-1".into()));
        assert_eq!(s.search.selected, None);
        assert_eq!(update(&mut s, Action::ShowPanel(Panel::Shortlist)).redraw, Redraw::Results);
        assert_eq!(s.search.panel, Panel::Shortlist);
        s.touched = false;
        update(&mut s, Action::ShowMore);
        update(&mut s, Action::ShowMore);
        assert_eq!((s.search.top, s.touched), (3 * PAGE, false), "more results is not a change to share");
    }

    #[test]
    fn clearing_moves_the_focus_to_what_was_cleared() {
        let mut s = portal();
        s.search.industry = "AI".into();
        s.search.budget = "30亿".into();
        s.search.region = "成都".into();
        s.search.sector = "ei".into();
        s.search.stage = "前期".into();
        s.search.shortlist = vec!["BAT-1".into()];
        let o = update(&mut s, Action::ClearInput(Input::Region));
        assert_eq!((o.redraw, o.focus), (Redraw::Results, Focus::Move("region".into())));
        assert_eq!((s.search.region.as_str(), s.search.budget.as_str()), ("", "30亿"));
        let o = update(&mut s, Action::ClearFilters);
        assert_eq!((o.redraw, o.focus), (Redraw::Frame, Focus::Move("sector".into())));
        assert!(!s.search.has_filters() && s.search.has_query());
        let o = update(&mut s, Action::ClearQuery);
        assert_eq!((o.redraw, o.focus), (Redraw::Frame, Focus::Move("industry".into())));
        assert!(!s.search.has_query());
        assert_eq!(s.search.shortlist, ["BAT-1"], "the shortlist stays");
    }

    #[test]
    fn skip_links_only_move_the_focus() {
        let mut s = portal();
        let o = update(&mut s, Action::Skip(SkipTo::Results));
        assert_eq!(o, Outcome { focus: Focus::Move("results-list".into()), ..Outcome::default() });
        assert_eq!(update(&mut s, Action::Skip(SkipTo::More)).focus, Focus::Move("more".into()), "the show-more button's key");
        assert!(!s.touched, "nothing to share changed");
    }

    #[test]
    fn export_and_reload_are_effects_only() {
        let mut s = portal();
        assert_eq!(update(&mut s, Action::Export), Outcome { effects: vec![Effect::ExportCsv], ..Outcome::default() });
        assert_eq!(update(&mut s, Action::Reload).effects, vec![Effect::Reload]);
        assert!(!s.touched);
    }

    #[test]
    fn kiosk_choices_write_the_inputs_and_the_same_choice_again_clears_them() {
        let mut s = kiosk_at(0.0);
        k(&mut s, KioskAction::Start);
        assert!(!s.kiosk.attract);
        s.search.selected = Some("BAT-1".into());
        assert_eq!(k(&mut s, KioskAction::Industry("动力电池".into())).redraw, Redraw::Results);
        assert_eq!((s.search.industry.as_str(), s.search.selected.as_deref()), ("动力电池", None));
        k(&mut s, KioskAction::Industry("动力电池".into()));
        assert_eq!(s.search.industry, "");
        k(&mut s, KioskAction::Budget(Some(3_000_000_000)));
        assert_eq!(s.search.budget, "30亿元");
        k(&mut s, KioskAction::Budget(Some(3_000_000_000)));
        assert_eq!(s.search.budget, "");
        k(&mut s, KioskAction::Province(510000));
        assert_eq!((s.search.region.as_str(), s.kiosk.province), ("四川省", Some(510000)));
        k(&mut s, KioskAction::City(510100));
        assert_eq!((s.search.region.as_str(), s.kiosk.province), ("成都市", Some(510000)));
        assert_eq!(s.rank("2024-05-01").unwrap().results[0].id, "BAT-1");
        k(&mut s, KioskAction::AnyRegion);
        assert_eq!((s.search.region.as_str(), s.kiosk.province), ("", None));
        update(&mut s, Action::ChooseLang(Lang::En));
        k(&mut s, KioskAction::Budget(Some(50_000_000)));
        assert_eq!(s.search.budget, "50 million yuan", "written in the display language");
    }

    #[test]
    fn kiosk_panels_print_and_files_are_redraws_and_effects() {
        let mut s = kiosk_at(0.0);
        let o = k(&mut s, KioskAction::Picker(Picker::Budget));
        assert_eq!((o.redraw, o.focus, s.kiosk.picker), (Redraw::Kiosk, Focus::Move("k-picker:budget".into()), Picker::Budget));
        s.kiosk.province = Some(510000);
        assert_eq!(k(&mut s, KioskAction::AllProvinces).focus, Focus::Move("k-picker:region".into()));
        assert_eq!(s.kiosk.province, None);
        let o = k(&mut s, KioskAction::Print(PrintMode::Summary));
        assert_eq!((o.redraw, o.effects, s.kiosk.print_mode), (Redraw::Kiosk, vec![Effect::Print], PrintMode::Summary));
        assert_eq!(k(&mut s, KioskAction::Fullscreen).effects, vec![Effect::Fullscreen]);
        assert_eq!(k(&mut s, KioskAction::OpenFile).effects, vec![Effect::OpenFilePicker]);
        assert_eq!(k(&mut s, KioskAction::Continue).redraw, Redraw::Clock);
    }

    #[test]
    fn a_dropped_list_replaces_the_old_one_and_is_reported_a_broken_one_keeps_it() {
        let mut s = kiosk_at(0.0);
        s.search.shortlist = vec!["BAT-1".into()];
        s.search.selected = Some("BAT-1".into());
        let o = k(&mut s, KioskAction::DragOver { now: 10.0 });
        assert_eq!((o.redraw, o.effects), (Redraw::Kiosk, vec![Effect::AcceptDrag]));
        assert_eq!(k(&mut s, KioskAction::DragOver { now: 20.0 }).redraw, Redraw::Nothing, "highlighted already");
        assert_eq!(k(&mut s, KioskAction::Dropped).effects, vec![Effect::ReadDroppedFile]);
        assert_eq!(s.kiosk.dragging, None);
        k(&mut s, KioskAction::Reading);
        assert!(s.kiosk.reading);

        let list = matcher("项目名称,所属行业,项目地点\n宜宾白酒园,食品饮料,四川省宜宾市\n无名地项目,食品饮料,火星\n");
        let o = k(&mut s, KioskAction::FileLoaded { file: "new.csv".into(), encoding: "GBK/GB18030", list: NewList::new(Ok(list)) });
        assert_eq!(o.redraw, Redraw::Frame);
        assert!(!s.kiosk.reading);
        assert_eq!(s.list.matcher().map(Matcher::len), Some(1));
        assert!(s.search.shortlist.is_empty() && s.search.selected.is_none(), "they belonged to the old list");
        let report = s.kiosk.report.as_ref().unwrap();
        assert_eq!((report.file.as_str(), report.encoding), ("new.csv", "GBK/GB18030"));
        assert!(matches!(&report.outcome, Ok((1, rejected, _)) if rejected.len() == 1 && rejected[0].row == 3));

        let broken = load_text("{ not json", "broken.json").map(Matcher::new);
        k(&mut s, KioskAction::FileLoaded { file: "broken.json".into(), encoding: "UTF-8", list: NewList::new(broken) });
        assert!(matches!(s.kiosk.report.as_ref().map(|r| &r.outcome), Some(Err(_))));
        assert_eq!(s.list.matcher().map(Matcher::len), Some(1), "the list in use stays");
        assert_eq!(k(&mut s, KioskAction::CloseReport).redraw, Redraw::Kiosk);
        assert!(s.kiosk.report.is_none());
        s.kiosk.report = Some(Report { file: "x".into(), encoding: "UTF-8", reading: None, outcome: Ok((0, vec![], vec![])) });
        assert_eq!(k(&mut s, KioskAction::ReportClosed), Outcome::default());
        assert!(s.kiosk.report.is_none());
    }

    #[test]
    fn a_drag_that_never_left_stops_highlighting_after_a_moment() {
        let mut s = kiosk_at(0.0);
        k(&mut s, KioskAction::DragOver { now: 1_000.0 });
        assert_eq!(k(&mut s, KioskAction::Tick { now: 2_000.0, idle: 90 }).redraw, Redraw::Clock);
        assert_eq!(k(&mut s, KioskAction::Tick { now: 3_000.0, idle: 90 }).redraw, Redraw::Kiosk);
        assert_eq!(s.kiosk.dragging, None);
        k(&mut s, KioskAction::DragOver { now: 4_000.0 });
        assert_eq!(k(&mut s, KioskAction::DragLeft).redraw, Redraw::Kiosk);
        assert_eq!(k(&mut s, KioskAction::DragLeft), Outcome::default());
    }

    #[test]
    fn the_idle_kiosk_warns_then_forgets_its_visitor() {
        let mut s = kiosk_at(0.0);
        k(&mut s, KioskAction::Start);
        update(&mut s, Action::ChooseLang(Lang::En));
        k(&mut s, KioskAction::Industry("动力电池".into()));
        update(&mut s, Action::Star("BAT-1".into()));
        k(&mut s, KioskAction::Picker(Picker::Region));
        k(&mut s, KioskAction::Province(510000));
        k(&mut s, KioskAction::Tick { now: 60_000.0, idle: 90 });
        assert!(!s.kiosk.warned);
        k(&mut s, KioskAction::Tick { now: 75_000.0, idle: 90 });
        assert!(s.kiosk.warned, "the last 20 seconds warn");
        assert_eq!(k(&mut s, KioskAction::Activity { now: 76_000.0 }).redraw, Redraw::Clock, "a touch takes the warning down");
        assert!(!s.kiosk.warned);
        assert_eq!(k(&mut s, KioskAction::Activity { now: 77_000.0 }), Outcome::default(), "nothing to take down");
        assert_eq!(k(&mut s, KioskAction::Tick { now: 166_500.0, idle: 90 }).redraw, Redraw::Clock, "a second before the reset");
        let o = k(&mut s, KioskAction::Tick { now: 167_000.0, idle: 90 });
        assert_eq!(o, Outcome { redraw: Redraw::Frame, focus: Focus::Drop, effects: vec![Effect::ForgetShortlist, Effect::ScrollToTop] });
        assert_eq!(s.search, Search::default(), "nothing of the visitor, the language included");
        assert!(s.kiosk.attract && s.kiosk.province.is_none() && s.kiosk.picker == Picker::Industry && s.suggestions.is_none());
        assert_eq!(s.kiosk.last_activity, 167_000.0);
        assert!(s.touched, "the address is cleared too");
        assert!(!s.kiosk.countdown(200_000.0, 90).running, "the attract screen does not count down");
    }

    #[test]
    fn start_over_and_the_handles_reset() {
        let mut s = kiosk_at(0.0);
        k(&mut s, KioskAction::Start);
        k(&mut s, KioskAction::Industry("动力电池".into()));
        let o = k(&mut s, KioskAction::Restart);
        assert_eq!((o.redraw, o.focus), (Redraw::Frame, Focus::Drop));
        assert!(!s.kiosk.attract && s.search.industry.is_empty(), "start over stays out of the attract screen");
        k(&mut s, KioskAction::Reset { now: 5.0 });
        assert!(s.kiosk.attract);
        assert_eq!(s.kiosk.last_activity, 5.0);
    }

    #[test]
    fn the_traditional_table_is_fetched_once_the_first_time_it_is_needed() {
        let mut s = portal();
        assert!(!update(&mut s, Action::Typed(Input::Industry, "AI".into())).effects.contains(&Effect::FetchHantTable));
        let o = update(&mut s, Action::ChooseLang(Lang::ZhHant));
        assert_eq!((o.redraw, o.effects), (Redraw::Frame, vec![Effect::FetchHantTable]));
        assert!(matches!(s.hant, HantState::Fetching));
        update(&mut s, Action::ChooseLang(Lang::En));
        assert_eq!(update(&mut s, Action::ChooseLang(Lang::ZhHant)).effects, vec![], "already on its way");
        assert!(s.hant_table().is_none(), "shown as written until it arrives");

        let o = update(&mut s, Action::HantFetched(Ok("@chars\n电\t電\n池\t池\n".into())));
        assert_eq!(o.redraw, Redraw::Frame, "the list is drawn again in Traditional characters");
        assert_eq!(s.hant_table().map(|t| t.convert("电池")).as_deref(), Some("電池"));
        update(&mut s, Action::ChooseLang(Lang::En));
        assert!(s.hant_table().is_none(), "English never uses it");
        assert_eq!(update(&mut s, Action::ChooseLang(Lang::ZhHant)).effects, vec![], "fetched once");
    }

    #[test]
    fn a_widget_mounted_in_traditional_or_reset_to_it_fetches_the_table_too() {
        let mut s = State::new(Search { lang: Lang::ZhHant, ..Search::default() }, Mode::Portal, None, 0.0);
        assert_eq!(
            update(&mut s, Action::Mounted),
            Outcome { redraw: Redraw::Frame, effects: vec![Effect::FetchHantTable], ..Outcome::default() }
        );
        let mut k = kiosk_at(0.0);
        k.kiosk.default_lang = Lang::ZhHant;
        assert!(update(&mut k, Action::Kiosk(KioskAction::Reset { now: 1.0 })).effects.contains(&Effect::FetchHantTable));
        let mut linked = portal();
        assert!(update(&mut linked, Action::HashChanged("#q=AI&lang=zh-Hant".into())).effects.contains(&Effect::FetchHantTable));
    }

    #[test]
    fn a_table_that_cannot_be_read_leaves_the_list_as_written_and_is_tried_again_when_asked() {
        let mut s = portal();
        update(&mut s, Action::ChooseLang(Lang::ZhHant));
        update(&mut s, Action::HantFetched(Err("HTTP 404".into())));
        assert!(matches!(&s.hant, HantState::Failed(why) if why == "HTTP 404"));
        update(&mut s, Action::ChooseLang(Lang::En));
        assert_eq!(update(&mut s, Action::ChooseLang(Lang::ZhHant)).effects, vec![Effect::FetchHantTable]);
        update(&mut s, Action::HantFetched(Ok("<html>not the table</html>".into())));
        assert!(matches!(&s.hant, HantState::Failed(why) if why.contains("line 1")), "{:?}", s.hant);
        assert!(s.hant_table().is_none());
    }

    #[test]
    fn the_staff_panel_opens_with_five_quick_taps_or_the_key_and_closes_for_the_next_visitor() {
        let mut s = kiosk_at(0.0);
        for (i, t) in [0.0, 500.0, 1000.0, 1500.0].into_iter().enumerate() {
            assert_eq!(k(&mut s, KioskAction::StaffTap { now: t }), Outcome::default(), "tap {}", i + 1);
        }
        assert!(!s.kiosk.staff);
        // The fifth tap comes too late for the first: four within the window, still closed.
        assert_eq!(k(&mut s, KioskAction::StaffTap { now: 3200.0 }), Outcome::default());
        assert!(!s.kiosk.staff, "taps spread over more than three seconds do not open it");
        let o = k(&mut s, KioskAction::StaffTap { now: 3400.0 });
        assert_eq!((o.redraw, o.focus), (Redraw::Kiosk, Focus::Move("k-load".into())), "the focus goes to the load button");
        assert!(s.kiosk.staff && s.kiosk.staff_taps.is_empty());

        assert_eq!(k(&mut s, KioskAction::ToggleStaff).redraw, Redraw::Kiosk);
        assert!(!s.kiosk.staff, "the key or the close button closes it");
        k(&mut s, KioskAction::ToggleStaff);
        assert!(s.kiosk.staff);
        k(&mut s, KioskAction::Reset { now: 9000.0 });
        assert!(!s.kiosk.staff, "the idle reset closes it");
        k(&mut s, KioskAction::ToggleStaff);
        k(&mut s, KioskAction::Restart);
        assert!(!s.kiosk.staff, "so does start over");

        let mut p = portal();
        assert_eq!(update(&mut p, Action::Kiosk(KioskAction::ToggleStaff)), Outcome::default());
        for t in 0..6 {
            update(&mut p, Action::Kiosk(KioskAction::StaffTap { now: t as f64 }));
        }
        assert!(!p.kiosk.staff, "a portal has no staff panel");
    }

    #[test]
    fn a_portal_ignores_the_kiosks_clock_drags_and_files() {
        let mut s = portal();
        s.search.industry = "AI".into();
        for action in [
            KioskAction::Tick { now: 1e12, idle: 1 },
            KioskAction::Activity { now: 5.0 },
            KioskAction::DragOver { now: 5.0 },
            KioskAction::Dropped,
            KioskAction::FileChosen,
        ] {
            assert_eq!(k(&mut s, action), Outcome::default());
        }
        assert_eq!(s.search.industry, "AI");
        assert_eq!(s.kiosk.dragging, None);
    }

    #[test]
    fn a_query_set_by_the_host_page_replaces_the_typed_one_and_keeps_the_shortlist() {
        let mut s = State::new(Search::default(), Mode::Portal, None, 0.0);
        update(&mut s, Action::Typed(Input::Region, "成都".into()));
        update(&mut s, Action::Star("P-1".into()));
        let fields = ["新能源".to_string(), "5亿".into(), String::new(), "manufacturing".into(), String::new(), String::new()];
        let outcome = update(&mut s, Action::SetQuery(Box::new(fields)));
        assert_eq!(outcome.redraw, Redraw::Frame, "the form shows what was set");
        assert_eq!((s.search.industry.as_str(), s.search.budget.as_str(), s.search.region.as_str()), ("新能源", "5亿", ""));
        assert_eq!(s.search.sector, "manufacturing");
        assert_eq!(s.search.shortlist, vec!["P-1".to_string()]);
        assert!(s.touched, "the address follows");
    }
}
