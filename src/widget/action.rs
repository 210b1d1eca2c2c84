//! Everything that can happen to the widget, as one type: what the visitor does (buttons, typing,
//! keys), what the host page and the loader do (`loadText`, `setLang` …), and the kiosk's own
//! events (a tick of its clock, a file dropped). The controller turns DOM events into actions and
//! hands them to [`super::update::update`].
//!
//! Buttons carry their action in the DOM as `data-action` (and `data-id`): [`Action::dom`] writes
//! that pair and [`Action::from_dom`] reads it back, so the strings live here only.
//!
//! ```
//! use opportunity_matcher::widget::action::Action;
//! let star = Action::Star("SC-0001".into());
//! let (action, id) = star.dom().unwrap();
//! assert_eq!((action, id.as_deref()), ("star", Some("SC-0001")));
//! assert_eq!(Action::from_dom(action, id.as_deref()), Some(star));
//! ```

use super::state::{Filter, Input, Mode, Panel, Picker, PrintMode};
use crate::list::LoadError;
use crate::rank::Matcher;
use crate::Lang;

/// The `data-action` of a type-ahead option (it carries `data-field` and `data-index` instead of
/// `data-id`, and acts on `pointerdown` so that the input keeps the focus).
pub const PICK: &str = "pick";

/// Where a skip link moves the keyboard focus.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SkipTo {
    /// From the form to the ranked list.
    Results,
    /// From the top of the ranked list past its cards to "show more".
    More,
}

impl SkipTo {
    /// Its `data-id`.
    pub fn name(self) -> &'static str {
        match self {
            SkipTo::Results => "results",
            SkipTo::More => "more",
        }
    }

    /// The `data-key` of the element that receives the focus.
    pub fn key(self) -> &'static str {
        match self {
            SkipTo::Results => "results-list",
            SkipTo::More => "more",
        }
    }
}

/// A key pressed in one of the text inputs that the type-ahead listens to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Down,
    Up,
    Enter,
    Escape,
}

impl Key {
    /// The key of a `KeyboardEvent.key`, if it is one the type-ahead uses.
    pub fn from_dom(key: &str) -> Option<Key> {
        match key {
            "ArrowDown" => Some(Key::Down),
            "ArrowUp" => Some(Key::Up),
            "Enter" => Some(Key::Enter),
            "Escape" => Some(Key::Escape),
            _ => None,
        }
    }
}

/// Something that happened to the widget.
#[derive(Debug, PartialEq)]
pub enum Action {
    /// The widget was mounted: the first drawing (and whatever its language needs fetched).
    Mounted,
    /// The Simplified→Traditional display table for 繁 arrived (its text), or could not be fetched
    /// (why).
    HantFetched(Result<String, String>),

    // The host page and the element's loader.
    /// A new list is being fetched.
    Loading,
    /// A large list is downloading: bytes received, and its size (0 when unknown).
    Progress(u64, u64),
    /// A list was read (from the element's `src`, or given with `loadText` / `loadCompact`).
    Loaded(NewList),
    /// The list could not be fetched (the loader's message).
    FetchFailed(String),
    /// The host set the language (`lang` attribute, `setLang`).
    SetLang(Lang),
    SetMode(Mode),
    /// Ranking weights as `industry=0.5,region=0.3` or JSON; blank restores the defaults.
    SetWeights(String),
    /// The address's fragment changed (back button, a link on the page).
    HashChanged(String),

    // The form.
    /// The investor typed in an input (its whole new value).
    Typed(Input, String),
    /// A filter was chosen (its value; empty for "any").
    FilterChosen(Filter, String),
    /// A key the type-ahead listens to, pressed in an input.
    KeyPressed(Input, Key),
    /// A type-ahead option was picked (its index in the open listbox).
    Pick(Input, usize),
    /// The type-ahead closes (the input lost the focus, the form was submitted).
    CloseSuggestions,

    // Buttons.
    /// The language switch.
    ChooseLang(Lang),
    /// The star of a result: onto the shortlist, or off it.
    Star(String),
    /// Off the shortlist (the comparison's remove button).
    Remove(String),
    /// Opens or closes a project's details.
    ToggleDetail(String),
    ShowPanel(Panel),
    /// Forgets the query and the filters.
    ClearQuery,
    /// The host page set the query (the element's `query` property): industry, budget and region
    /// as typed, then the sector, cooperation and stage filters; what is not given is cleared.
    SetQuery(Box<[String; 6]>),
    /// Empties one input (offered when few projects fit).
    ClearInput(Input),
    ClearFilters,
    ShowMore,
    /// Downloads the shortlist as CSV.
    Export,
    ClearShortlist,
    /// Reloads the page (after the list failed to load).
    Reload,
    /// A skip link: the focus jumps past what is in between.
    Skip(SkipTo),

    /// Fair mode.
    Kiosk(KioskAction),
}

/// What happens at the fair kiosk. Times are `Date.now()` milliseconds.
#[derive(Debug, PartialEq)]
pub enum KioskAction {
    // Buttons.
    /// Leaves the attract screen.
    Start,
    /// Starts over without the attract screen.
    Restart,
    /// "Still there?" — yes.
    Continue,
    Fullscreen,
    /// Opens a quick-choice panel.
    Picker(Picker),
    /// An industry chip (its label; empty for "any"; the chosen one again clears it).
    Industry(String),
    /// An amount preset in yuan (none for "any"; the chosen one again clears it).
    Budget(Option<u64>),
    /// A province of the region picker (its code): opens its cities and chooses it.
    Province(u32),
    /// A city (or a municipality's district) of the region picker.
    City(u32),
    /// Back from a province's cities to all provinces.
    AllProvinces,
    /// No region.
    AnyRegion,
    Print(PrintMode),
    /// Opens the file picker to load a list.
    OpenFile,
    /// A tap on the kiosk's title (five quick ones open the staff panel).
    StaffTap {
        now: f64,
    },
    /// The staff key (Ctrl+Shift+L) opens or closes the staff panel; its close button closes it.
    ToggleStaff,
    /// Closes the list report.
    CloseReport,

    // Not buttons.
    /// A touch, key, wheel or scroll: someone is there.
    Activity {
        now: f64,
    },
    /// The clock's second, with the idle limit in force now (the host may change `idle` on a running kiosk).
    Tick {
        now: f64,
        idle: u32,
    },
    /// Back to the attract screen, keeping nothing of the visitor (the handle's `resetKiosk`).
    Reset {
        now: f64,
    },
    /// A file is dragged over the kiosk.
    DragOver {
        now: f64,
    },
    /// The drag left the kiosk.
    DragLeft,
    /// A file was dropped on the kiosk.
    Dropped,
    /// A file was chosen with the file picker.
    FileChosen,
    /// A dropped or picked file is being read.
    Reading,
    /// A list file was read: its name, the encoding its bytes were read in, and the list or why not.
    FileLoaded {
        file: String,
        encoding: &'static str,
        list: NewList,
    },
    /// The report dialog was closed by the browser (its Escape key).
    ReportClosed,
}

/// A list just read, for the update to take over. Two are never equal: lists are not compared
/// project by project (this only lets actions be compared in tests).
#[derive(Debug)]
pub struct NewList(pub Result<Box<Matcher>, LoadError>);

impl NewList {
    pub fn new(list: Result<Matcher, LoadError>) -> NewList {
        NewList(list.map(Box::new))
    }
}

impl PartialEq for NewList {
    fn eq(&self, _: &NewList) -> bool {
        false
    }
}

impl Action {
    /// The `data-action` and `data-id` of a button that does this; none for what no button does.
    pub fn dom(&self) -> Option<(&'static str, Option<String>)> {
        use Action as A;
        use KioskAction as K;
        let id = |s: &str| Some(s.to_string());
        Some(match self {
            A::ChooseLang(l) => ("lang", id(l.tag())),
            A::Star(p) => ("star", id(p)),
            A::Remove(p) => ("remove", id(p)),
            A::ToggleDetail(p) => ("detail", id(p)),
            A::ShowPanel(Panel::Results) => ("view-results", None),
            A::ShowPanel(Panel::Shortlist) => ("view-shortlist", None),
            A::ClearQuery => ("clear", None),
            A::ClearInput(Input::Industry) => ("clear-industry", None),
            A::ClearInput(Input::Budget) => ("clear-budget", None),
            A::ClearInput(Input::Region) => ("clear-region", None),
            A::ClearFilters => ("clear-filters", None),
            A::ShowMore => ("more", None),
            A::Export => ("export", None),
            A::ClearShortlist => ("clear-shortlist", None),
            A::Reload => ("reload", None),
            A::Skip(to) => ("skip", id(to.name())),
            A::Kiosk(k) => match k {
                K::Start => ("k-start", None),
                K::Restart => ("k-restart", None),
                K::Continue => ("k-continue", None),
                K::Fullscreen => ("k-fullscreen", None),
                K::Picker(p) => ("k-picker", id(p.name())),
                K::Industry(label) => ("k-industry", id(label)),
                K::Budget(yuan) => ("k-budget", Some(yuan.map(|y| y.to_string()).unwrap_or_default())),
                K::Province(code) => ("k-province", Some(code.to_string())),
                K::City(code) => ("k-city", Some(code.to_string())),
                K::AllProvinces => ("k-provinces", None),
                K::AnyRegion => ("k-region-any", id("")),
                K::Print(PrintMode::Pages) => ("k-print", id("pages")),
                K::Print(PrintMode::Summary) => ("k-print", id("summary")),
                K::OpenFile => ("k-load", None),
                K::StaffTap { .. } => ("k-staff-tap", None),
                K::ToggleStaff => ("k-staff", None),
                K::CloseReport => ("k-report-close", None),
                _ => return None,
            },
            _ => return None,
        })
    }

    /// The action of a button's `data-action` and `data-id`; none for an unknown action or a
    /// button without the id its action needs.
    pub fn from_dom(action: &str, id: Option<&str>) -> Option<Action> {
        use Action as A;
        use KioskAction as K;
        let with_id = |f: fn(String) -> Action| id.map(|id| f(id.to_string()));
        let code = || id.and_then(|c| c.parse::<u32>().ok()).unwrap_or(0);
        Some(match action {
            "lang" => return id.map(|tag| A::ChooseLang(Lang::from_tag(tag))),
            "star" => return with_id(A::Star),
            "remove" => return with_id(A::Remove),
            "detail" => return with_id(A::ToggleDetail),
            "view-results" => A::ShowPanel(Panel::Results),
            "view-shortlist" => A::ShowPanel(Panel::Shortlist),
            "clear" => A::ClearQuery,
            "clear-industry" => A::ClearInput(Input::Industry),
            "clear-budget" => A::ClearInput(Input::Budget),
            "clear-region" => A::ClearInput(Input::Region),
            "clear-filters" => A::ClearFilters,
            "more" => A::ShowMore,
            "export" => A::Export,
            "clear-shortlist" => A::ClearShortlist,
            "reload" => A::Reload,
            "skip" => return [SkipTo::Results, SkipTo::More].into_iter().find(|t| Some(t.name()) == id).map(A::Skip),
            "k-start" => A::Kiosk(K::Start),
            "k-restart" => A::Kiosk(K::Restart),
            "k-continue" => A::Kiosk(K::Continue),
            "k-fullscreen" => A::Kiosk(K::Fullscreen),
            "k-picker" => A::Kiosk(K::Picker(Picker::ALL.into_iter().find(|p| Some(p.name()) == id).unwrap_or_default())),
            "k-industry" => A::Kiosk(K::Industry(id.unwrap_or("").to_string())),
            "k-budget" => A::Kiosk(K::Budget(id.and_then(|y| y.parse::<u64>().ok()))),
            "k-province" => A::Kiosk(K::Province(code())),
            "k-city" => A::Kiosk(K::City(code())),
            "k-provinces" => A::Kiosk(K::AllProvinces),
            "k-region-any" => A::Kiosk(K::AnyRegion),
            "k-print" => A::Kiosk(K::Print(if id == Some("summary") { PrintMode::Summary } else { PrintMode::Pages })),
            "k-load" => A::Kiosk(K::OpenFile),
            // The time is the event's (the click reader stamps it).
            "k-staff-tap" => A::Kiosk(K::StaffTap { now: 0.0 }),
            "k-staff" => A::Kiosk(K::ToggleStaff),
            "k-report-close" => A::Kiosk(K::CloseReport),
            _ => return None,
        })
    }

    /// True for the kiosk's buttons (a press also counts as someone being there).
    pub fn is_kiosk_button(&self) -> bool {
        matches!(self, Action::Kiosk(_)) && self.dom().is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every action a button can carry.
    fn buttons() -> Vec<Action> {
        use Action as A;
        use KioskAction as K;
        let mut all = vec![
            A::Star("SC-0001".into()),
            A::Remove("id with spaces, and 中文".into()),
            A::ToggleDetail("P-1".into()),
            A::ShowPanel(Panel::Results),
            A::ShowPanel(Panel::Shortlist),
            A::ClearQuery,
            A::ClearFilters,
            A::ShowMore,
            A::Export,
            A::ClearShortlist,
            A::Reload,
            A::Skip(SkipTo::Results),
            A::Skip(SkipTo::More),
            A::Kiosk(K::Start),
            A::Kiosk(K::Restart),
            A::Kiosk(K::Continue),
            A::Kiosk(K::Fullscreen),
            A::Kiosk(K::Industry("动力电池".into())),
            A::Kiosk(K::Industry(String::new())),
            A::Kiosk(K::Budget(Some(3_000_000_000))),
            A::Kiosk(K::Budget(None)),
            A::Kiosk(K::Province(510000)),
            A::Kiosk(K::City(510100)),
            A::Kiosk(K::AllProvinces),
            A::Kiosk(K::AnyRegion),
            A::Kiosk(K::Print(PrintMode::Pages)),
            A::Kiosk(K::Print(PrintMode::Summary)),
            A::Kiosk(K::OpenFile),
            A::Kiosk(K::StaffTap { now: 0.0 }),
            A::Kiosk(K::ToggleStaff),
            A::Kiosk(K::CloseReport),
        ];
        all.extend(Lang::ALL.map(A::ChooseLang));
        all.extend(Input::ALL.map(A::ClearInput));
        all.extend(Picker::ALL.map(|p| A::Kiosk(K::Picker(p))));
        all
    }

    #[test]
    fn every_button_action_reads_back_from_its_data_attributes() {
        for action in buttons() {
            let (name, id) = action.dom().unwrap_or_else(|| panic!("{action:?} has no DOM form"));
            assert_eq!(Action::from_dom(name, id.as_deref()).as_ref(), Some(&action), "{name} {id:?}");
        }
    }

    #[test]
    fn the_stable_data_action_names_do_not_change() {
        // Tests and host pages select buttons by these names.
        let names: Vec<&str> = buttons().iter().filter_map(|a| a.dom()).map(|(n, _)| n).collect();
        for name in ["star", "remove", "detail", "view-results", "view-shortlist", "lang", "export", "clear-region", "clear-budget"] {
            assert!(names.contains(&name), "{name}");
        }
        for name in ["k-picker", "k-budget", "k-industry", "k-province", "k-city", "k-print", "k-load", "k-report-close", "k-start"] {
            assert!(names.contains(&name), "{name}");
        }
    }

    #[test]
    fn what_no_button_does_has_no_dom_form() {
        assert_eq!(Action::SetMode(Mode::Kiosk).dom(), None);
        assert_eq!(Action::Typed(Input::Industry, "AI".into()).dom(), None);
        assert_eq!(Action::Kiosk(KioskAction::Tick { now: 0.0, idle: 90 }).dom(), None);
        assert!(!Action::Kiosk(KioskAction::Dropped).is_kiosk_button());
        assert!(Action::Kiosk(KioskAction::Start).is_kiosk_button());
        assert!(!Action::ShowMore.is_kiosk_button());
    }

    #[test]
    fn unknown_or_incomplete_buttons_do_nothing_and_odd_ids_are_read_leniently() {
        assert_eq!(Action::from_dom("launch", None), None);
        assert_eq!(Action::from_dom(PICK, Some("0")), None, "an option is picked on pointerdown, not on click");
        assert_eq!(Action::from_dom("star", None), None);
        assert_eq!(Action::from_dom("lang", None), None);
        assert_eq!(Action::from_dom("lang", Some("zh-TW")), Some(Action::ChooseLang(Lang::ZhHant)));
        assert_eq!(Action::from_dom("k-budget", Some("lots")), Some(Action::Kiosk(KioskAction::Budget(None))));
        assert_eq!(Action::from_dom("k-picker", Some("?")), Some(Action::Kiosk(KioskAction::Picker(Picker::Industry))));
        assert_eq!(Action::from_dom("k-print", None), Some(Action::Kiosk(KioskAction::Print(PrintMode::Pages))));
    }

    #[test]
    fn keys_the_type_ahead_uses() {
        assert_eq!(Key::from_dom("ArrowDown"), Some(Key::Down));
        assert_eq!(Key::from_dom("Escape"), Some(Key::Escape));
        assert_eq!(Key::from_dom("a"), None);
    }
}
