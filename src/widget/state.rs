//! What the widget shows, as plain data: the investor's search (what a link shares, see
//! [`super::url`]), the list and whether it loaded, the open suggestions, the mode, and the kiosk's
//! own state. [`super::update`] is the only code that changes it; views read it. Nothing here
//! touches the DOM, so all of it compiles and is tested natively.
//!
//! ```
//! use opportunity_matcher::widget::state::{Mode, Search, State};
//! let mut state = State::new(Search::default(), Mode::Portal, None, 0.0);
//! state.search.industry = "动力电池".into();
//! assert_eq!(state.query("2024-05-01").industry.as_deref(), Some("动力电池"));
//! ```

use crate::hant::HantTable;
use crate::list::{LoadError, Rejection, Warning};
use crate::present::ProjectView;
use crate::rank::{Matcher, Query, RankResponse, Weights};
use crate::Lang;

/// Results shown at first, and added by "show more".
pub const PAGE: usize = 20;
/// Seconds without a touch before a kiosk resets, unless `idle` says otherwise.
pub const DEFAULT_IDLE: u32 = 90;
/// Projects a shortlist keeps at most (from a link or from storage).
pub const SHORTLIST_MAX: usize = 200;
/// A list at most this long is ranked whole to score the shortlist for the current search.
const SCORE_WHOLE_LIST_MAX: usize = 5000;

/// How the widget is used: embedded in a portal page, or full screen at a fair.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// On a web page (the default).
    #[default]
    Portal,
    /// A touch kiosk at an investment fair: attract screen, quick choices, QR hand-off, idle reset.
    Kiosk,
}

impl Mode {
    /// The `mode` attribute or option: `kiosk` (any case), anything else is a portal.
    ///
    /// ```
    /// use opportunity_matcher::widget::state::Mode;
    /// assert_eq!(Mode::parse(" Kiosk"), Mode::Kiosk);
    /// assert_eq!(Mode::parse("fair"), Mode::Portal);
    /// ```
    pub fn parse(text: &str) -> Mode {
        if text.trim().eq_ignore_ascii_case("kiosk") {
            Mode::Kiosk
        } else {
            Mode::Portal
        }
    }
}

/// Which panel is shown below the form.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Panel {
    /// The ranked results.
    #[default]
    Results,
    /// The shortlist compared side by side.
    Shortlist,
}

/// What the investor is looking at: the query as typed, the filters, the shortlist, the open
/// project, the panel, the language and how many results. The URL fragment is its serialisation.
#[derive(Clone, Debug, PartialEq)]
pub struct Search {
    /// Industry as typed.
    pub industry: String,
    /// Budget as typed.
    pub budget: String,
    /// Region as typed.
    pub region: String,
    /// Sector filter: a taxonomy sector key, or empty.
    pub sector: String,
    /// Cooperation filter as written in the list, or empty.
    pub cooperation: String,
    /// Stage filter as written in the list, or empty.
    pub stage: String,
    /// Starred project ids, in the order they were starred.
    pub shortlist: Vec<String>,
    /// The project whose details are open.
    pub selected: Option<String>,
    /// Results or shortlist.
    pub panel: Panel,
    /// Display language.
    pub lang: Lang,
    /// How many results to show.
    pub top: usize,
}

impl Default for Search {
    fn default() -> Self {
        Search {
            industry: String::new(),
            budget: String::new(),
            region: String::new(),
            sector: String::new(),
            cooperation: String::new(),
            stage: String::new(),
            shortlist: Vec::new(),
            selected: None,
            panel: Panel::Results,
            lang: Lang::ZhHans,
            top: PAGE,
        }
    }
}

/// One of the three text inputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    Industry,
    Budget,
    Region,
}

impl Input {
    pub const ALL: [Input; 3] = [Input::Industry, Input::Budget, Input::Region];

    /// The `name` attribute (a stable hook for tests and host pages).
    pub fn name(self) -> &'static str {
        match self {
            Input::Industry => "industry",
            Input::Budget => "budget",
            Input::Region => "region",
        }
    }

    pub fn from_name(name: &str) -> Option<Input> {
        Input::ALL.into_iter().find(|i| i.name() == name)
    }

    /// True for the inputs with type-ahead suggestions.
    pub fn has_suggestions(self) -> bool {
        self != Input::Budget
    }
}

/// One of the three filter selects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Filter {
    Sector,
    Cooperation,
    Stage,
}

impl Filter {
    pub const ALL: [Filter; 3] = [Filter::Sector, Filter::Cooperation, Filter::Stage];

    pub fn name(self) -> &'static str {
        match self {
            Filter::Sector => "sector",
            Filter::Cooperation => "cooperation",
            Filter::Stage => "stage",
        }
    }

    pub fn from_name(name: &str) -> Option<Filter> {
        Filter::ALL.into_iter().find(|f| f.name() == name)
    }
}

fn opt(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

impl Search {
    pub fn input(&self, i: Input) -> &str {
        match i {
            Input::Industry => &self.industry,
            Input::Budget => &self.budget,
            Input::Region => &self.region,
        }
    }

    pub fn input_mut(&mut self, i: Input) -> &mut String {
        match i {
            Input::Industry => &mut self.industry,
            Input::Budget => &mut self.budget,
            Input::Region => &mut self.region,
        }
    }

    pub fn filter(&self, f: Filter) -> &str {
        match f {
            Filter::Sector => &self.sector,
            Filter::Cooperation => &self.cooperation,
            Filter::Stage => &self.stage,
        }
    }

    pub fn filter_mut(&mut self, f: Filter) -> &mut String {
        match f {
            Filter::Sector => &mut self.sector,
            Filter::Cooperation => &mut self.cooperation,
            Filter::Stage => &mut self.stage,
        }
    }

    /// True when the investor typed anything in the three inputs.
    pub fn has_query(&self) -> bool {
        Input::ALL.iter().any(|i| !self.input(*i).trim().is_empty())
    }

    /// True when any filter is set.
    pub fn has_filters(&self) -> bool {
        Filter::ALL.iter().any(|f| !self.filter(*f).is_empty())
    }

    /// Stars or unstars a project; returns whether it is now starred.
    pub fn toggle_star(&mut self, id: &str) -> bool {
        if let Some(pos) = self.shortlist.iter().position(|s| s == id) {
            self.shortlist.remove(pos);
            false
        } else {
            self.shortlist.push(id.to_string());
            true
        }
    }

    pub fn is_starred(&self, id: &str) -> bool {
        self.shortlist.iter().any(|s| s == id)
    }

    /// Forgets the query and filters (not the shortlist or language).
    pub fn clear_query(&mut self) {
        for i in Input::ALL {
            self.input_mut(i).clear();
        }
        for f in Filter::ALL {
            self.filter_mut(f).clear();
        }
        self.top = PAGE;
        self.selected = None;
    }
}

/// One type-ahead suggestion.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    /// What the option shows.
    pub label: String,
    /// A second line (the full path of a place, the sector of an industry).
    pub detail: Option<String>,
    /// What replaces the term being typed.
    pub insert: String,
}

/// The open type-ahead listbox: which input, its suggestions, the highlighted one (opened and moved
/// by [`super::suggest`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Combo {
    pub input: Input,
    pub items: Vec<Suggestion>,
    pub active: Option<usize>,
}

/// Why there are no results to show.
#[derive(Debug)]
pub enum Failure {
    /// The list text could not be read (kept as the error so it can be worded in any language).
    Load(LoadError),
    /// The page could not fetch the list (the loader's message).
    Fetch(String),
}

/// The list behind the widget.
#[derive(Debug)]
pub enum ListState {
    /// Being fetched (the widget shows a loading state, never a blank box).
    Loading,
    /// Loaded and indexed.
    Ready(Box<Matcher>),
    /// Not loaded, and why.
    Failed(Failure),
}

impl ListState {
    /// The loaded list, if any.
    pub fn matcher(&self) -> Option<&Matcher> {
        match self {
            ListState::Ready(m) => Some(m.as_ref()),
            _ => None,
        }
    }
}

/// The Simplified→Traditional table the list's own text is shown through in 繁 (`data/s2twp.tsv`,
/// served next to the wasm): fetched the first time 繁 is shown, never before, so that a page that
/// is never read in 繁 never downloads it.
#[derive(Debug, Default)]
pub enum HantState {
    /// Not needed yet.
    #[default]
    Absent,
    /// Being fetched (the list shows as written meanwhile).
    Fetching,
    Ready(Box<HantTable>),
    /// Could not be fetched or read (the reason, for the console); the list shows as written.
    Failed(String),
}

/// Which quick-choice panel of the kiosk is open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Picker {
    #[default]
    Industry,
    Budget,
    Region,
}

impl Picker {
    pub const ALL: [Picker; 3] = [Picker::Industry, Picker::Budget, Picker::Region];

    /// Its name in the DOM (`data-id` of its tab), the name of the input it fills.
    pub fn name(self) -> &'static str {
        match self {
            Picker::Industry => "industry",
            Picker::Budget => "budget",
            Picker::Region => "region",
        }
    }
}

/// The text a place picked at the kiosk puts in the region input: its name in `lang` when that
/// name alone means this place (`成都市`, `Chengdu`), else its path (`Suzhou, Jiangsu`); empty for
/// a code the gazetteer does not know.
pub fn picked_region_text(code: u32, lang: Lang) -> String {
    let g = crate::gazetteer::Gazetteer::global();
    let Some(id) = g.by_code(code) else { return String::new() };
    let name = g.display_name(id, lang);
    if g.resolve_query(&name).regions == [id] {
        name
    } else {
        g.display_path(id, lang)
    }
}

/// Print one page per project, or one compact table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PrintMode {
    #[default]
    Pages,
    Summary,
}

/// The outcome of loading a list file at the kiosk, kept so the report can be worded in any language.
#[derive(Debug)]
pub struct Report {
    pub file: String,
    /// The encoding the bytes were read in (`UTF-8`, `GBK/GB18030`, `OML`, `XLSX` …).
    pub encoding: &'static str,
    /// How the file's table was read (none for a compact list or a file that could not be read).
    pub reading: Option<crate::list::TableReading>,
    /// Projects loaded with the rows rejected and the warnings, or why the file is not a list.
    pub outcome: Result<(usize, Vec<Rejection>, Vec<Warning>), LoadError>,
}

/// Fair-mode state (kept, but inactive, unless the mode is [`Mode::Kiosk`]). Times are
/// milliseconds since the epoch (`Date.now()`), given by the actions that need them.
#[derive(Debug)]
pub struct Kiosk {
    /// The attract screen is shown.
    pub attract: bool,
    /// The language the kiosk returns to when it resets.
    pub default_lang: Lang,
    /// The last touch, key or scroll.
    pub last_activity: f64,
    /// The open quick-choice panel.
    pub picker: Picker,
    /// The province opened in the region picker (its code).
    pub province: Option<u32>,
    pub print_mode: PrintMode,
    /// The report of the last list file loaded, until it is closed.
    pub report: Option<Report>,
    /// A file is being dragged over the kiosk (time of the last `dragover`).
    pub dragging: Option<f64>,
    /// A dropped or picked file is being read.
    pub reading: bool,
    /// The idle warning was up at the last tick (a touch then takes it down at once).
    pub warned: bool,
    /// `idle` given to `mount` (wins over the host attribute).
    pub idle_option: Option<u32>,
    /// `shareBase` given to `mount` (wins over the host attribute).
    pub share_base_option: Option<String>,
    /// The staff panel (load a list file) is open: opened by the staff gesture or key, closed by
    /// its own button and by every reset, so that the next visitor never finds it open.
    pub staff: bool,
    /// When the kiosk's title was tapped lately (the staff gesture: [`STAFF_TAPS`] taps within
    /// [`STAFF_TAP_WINDOW_MS`]).
    pub staff_taps: Vec<f64>,
}

/// Taps on the kiosk's title that open the staff panel …
pub const STAFF_TAPS: usize = 5;
/// … when they all fall within this many milliseconds.
pub const STAFF_TAP_WINDOW_MS: f64 = 3000.0;

/// The idle countdown at one moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Countdown {
    /// Counting down: the kiosk is in use and has an idle limit.
    pub running: bool,
    /// Whole seconds left.
    pub left: u32,
    /// The last seconds: the warning is shown.
    pub warn: bool,
}

/// Seconds as `idle` accepts them: finite, not negative, at most a day, rounded.
fn idle_from(seconds: f64) -> Option<u32> {
    (seconds.is_finite() && seconds >= 0.0).then(|| seconds.round().min(86_400.0) as u32)
}

impl Kiosk {
    /// The kiosk of a widget mounted on `search` (from the URL fragment: a shared link opens on
    /// its results, anything else on the attract screen), with the `mount` options `idle`
    /// (seconds, a number or a numeric string) and `shareBase`, at time `now`.
    pub fn new(search: &Search, idle: Option<&serde_json::Value>, share_base: Option<String>, now: f64) -> Kiosk {
        let idle = idle.and_then(|v| match v {
            serde_json::Value::Number(n) => n.as_f64(),
            serde_json::Value::String(s) => s.trim().parse::<f64>().ok(),
            _ => None,
        });
        Kiosk {
            attract: !search.has_query() && search.shortlist.is_empty(),
            default_lang: search.lang,
            last_activity: now,
            picker: Picker::default(),
            province: None,
            print_mode: PrintMode::default(),
            report: None,
            dragging: None,
            reading: false,
            warned: false,
            idle_option: idle.and_then(idle_from),
            share_base_option: share_base.filter(|s| !s.trim().is_empty()),
            staff: false,
            staff_taps: Vec::new(),
        }
    }

    /// Seconds of idleness before the reset (0: never): the `mount` option, else the host's `idle`
    /// attribute (`off` and `never` mean 0; unreadable means the default), else [`DEFAULT_IDLE`].
    pub fn idle_seconds(&self, attribute: Option<&str>) -> u32 {
        if let Some(s) = self.idle_option {
            return s;
        }
        match attribute.map(str::trim) {
            Some(v) if v.eq_ignore_ascii_case("off") || v.eq_ignore_ascii_case("never") => 0,
            Some(v) => v.parse::<f64>().ok().and_then(idle_from).unwrap_or(DEFAULT_IDLE),
            None => DEFAULT_IDLE,
        }
    }

    /// The countdown at `now` with an idle limit of `idle` seconds: it runs while the kiosk is in
    /// use, and warns in the last third (at least 5, at most 20 seconds).
    pub fn countdown(&self, now: f64, idle: u32) -> Countdown {
        let running = !self.attract && idle > 0;
        let elapsed = ((now - self.last_activity) / 1000.0).max(0.0);
        let left = (idle as f64 - elapsed).ceil().max(0.0) as u32;
        Countdown { running, left, warn: running && left <= (idle / 3).clamp(5, 20) }
    }
}

/// Everything the widget shows, as plain data.
#[derive(Debug)]
pub struct State {
    /// What a link shares.
    pub search: Search,
    pub mode: Mode,
    /// Ranking weights given by the host (`weights`); none keeps the defaults.
    pub weights: Option<Weights>,
    pub list: ListState,
    /// The open type-ahead listbox.
    pub suggestions: Option<Combo>,
    /// Whether the visitor changed anything since mounting (the address is written only after that).
    pub touched: bool,
    pub kiosk: Kiosk,
    /// The display table for 繁.
    pub hant: HantState,
    /// Bytes of a large list received so far and its size (0 when unknown), while it downloads.
    pub progress: Option<(u64, u64)>,
}

/// One starred project: its view when the list holds it, and its score and reasons for the current
/// search when known.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub id: String,
    pub view: Option<ProjectView>,
    pub score: Option<(f32, Vec<String>)>,
}

/// The label of a sector key in Simplified Chinese (the core reads a sector filter in any script).
fn sector_name(key: &str) -> Option<String> {
    let t = crate::taxonomy::Taxonomy::global();
    t.by_key(key).map(|n| t.label(n, Lang::ZhHans).to_string())
}

impl State {
    /// A widget on `search`, before any list arrived, at time `now` (for the kiosk's clock).
    pub fn new(search: Search, mode: Mode, weights: Option<Weights>, now: f64) -> State {
        let kiosk = Kiosk::new(&search, None, None, now);
        State {
            search,
            mode,
            weights,
            list: ListState::Loading,
            suggestions: None,
            touched: false,
            kiosk,
            hant: HantState::Absent,
            progress: None,
        }
    }

    /// The Simplified→Traditional table, when the language is 繁 and the table has arrived.
    pub fn hant_table(&self) -> Option<&HantTable> {
        match &self.hant {
            HantState::Ready(t) if self.search.lang == Lang::ZhHant => Some(t),
            _ => None,
        }
    }

    /// A project of the list as shown in the current language (see [`ProjectView::with_hant`]).
    pub fn view(&self, project: &crate::list::Project) -> ProjectView {
        ProjectView::with_hant(project, self.search.lang, self.hant_table())
    }

    /// The core query for the current search on `today` (`YYYY-MM-DD`): the inputs and filters
    /// trimmed, a sector key as its name (a key the taxonomy does not know as written).
    pub fn query(&self, today: &str) -> Query {
        let s = &self.search;
        let sector = opt(&s.sector).map(|key| sector_name(&key).unwrap_or(key));
        Query {
            industry: opt(&s.industry),
            budget: opt(&s.budget),
            region: opt(&s.region),
            sector,
            cooperation: opt(&s.cooperation),
            stage: opt(&s.stage),
            top: Some(s.top.max(1)),
            lang: Some(s.lang.tag().to_string()),
            weights: self.weights.clone(),
            today: Some(today.to_string()),
            ..Query::default()
        }
    }

    /// The list ranked for the current search (none while no list is loaded).
    pub fn rank(&self, today: &str) -> Option<RankResponse> {
        self.list.matcher().map(|m| m.rank(&self.query(today)))
    }

    /// The shortlist, each project with its view and, when the investor typed a query and the
    /// list is small enough to rank whole, its score and reasons (filters aside: a starred
    /// project keeps its score when a filter hides it from the results).
    pub fn shortlist_entries(&self, today: &str) -> Vec<Entry> {
        let Some(m) = self.list.matcher() else {
            return self.search.shortlist.iter().map(|id| Entry { id: id.clone(), view: None, score: None }).collect();
        };
        let scored: Option<RankResponse> = (self.search.has_query() && m.len() <= SCORE_WHOLE_LIST_MAX).then(|| {
            let q = Query { top: Some(m.len().max(1)), sector: None, cooperation: None, stage: None, ..self.query(today) };
            m.rank(&q)
        });
        self.search
            .shortlist
            .iter()
            .map(|id| {
                let view = m.position(id).and_then(|i| m.project(i)).map(|p| self.view(&p));
                let score = scored.as_ref().and_then(|r| r.results.iter().find(|x| &x.id == id)).map(|x| (x.score, x.reasons.clone()));
                Entry { id: id.clone(), view, score }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::list::load_text;

    const CSV: &str = "项目编号,项目名称,所属行业,细分领域,项目地点,总投资,拟引资额,合作方式,项目阶段\n\
        BAT-1,成都动力电池产业园,装备制造,动力电池,四川省成都市双流区,50亿元,30亿元,合资,前期\n\
        FOOD-1,宜宾食品饮料园,食品饮料,白酒,四川省宜宾市,10亿元,8亿元,独资,在谈\n";

    fn ready() -> State {
        let mut s = State::new(Search::default(), Mode::Portal, None, 0.0);
        s.list = ListState::Ready(Box::new(Matcher::new(load_text(CSV, "list.csv").unwrap())));
        s
    }

    #[test]
    fn a_query_is_the_search_trimmed_with_the_sector_key_named() {
        let mut s = ready();
        s.search.industry = "  动力电池 ".into();
        s.search.budget = " ".into();
        s.search.sector = "em".into();
        s.search.stage = "前期".into();
        s.search.lang = Lang::En;
        s.search.top = 0;
        let q = s.query("2024-05-01");
        assert_eq!(q.industry.as_deref(), Some("动力电池"));
        assert_eq!(q.budget, None, "a blank input is no condition");
        assert_eq!(q.sector.as_deref(), Some("装备制造"), "the core reads the sector by name");
        assert_eq!(q.stage.as_deref(), Some("前期"));
        assert_eq!(q.top, Some(1), "at least one result is asked for");
        assert_eq!(q.lang.as_deref(), Some("en"));
        assert_eq!(q.today.as_deref(), Some("2024-05-01"));
    }

    #[test]
    fn a_sector_key_the_taxonomy_does_not_know_is_passed_on_as_written() {
        let mut s = ready();
        s.search.sector = "装备制造".into();
        assert_eq!(s.query("2024-05-01").sector.as_deref(), Some("装备制造"));
        s.search.sector = "no-such-sector".into();
        assert_eq!(s.query("2024-05-01").sector.as_deref(), Some("no-such-sector"));
    }

    #[test]
    fn host_weights_go_into_the_query() {
        let mut s = ready();
        s.weights = Some(Weights::parse("industry=0.8,budget=0.1,region=0.1"));
        assert_eq!(s.query("2024-05-01").weights, s.weights);
    }

    #[test]
    fn ranking_follows_the_search_and_its_filters() {
        let mut s = ready();
        s.search.industry = "白酒".into();
        assert_eq!(s.rank("2024-05-01").unwrap().results[0].id, "FOOD-1");
        s.search.industry = "动力电池".into();
        s.search.region = "成都".into();
        assert_eq!(s.rank("2024-05-01").unwrap().results[0].id, "BAT-1");
        s.search.stage = "在谈".into();
        let ids: Vec<String> = s.rank("2024-05-01").unwrap().results.into_iter().map(|r| r.id).collect();
        assert_eq!(ids, ["FOOD-1"], "the stage filter leaves only the project in talks");
        assert!(State::new(Search::default(), Mode::Portal, None, 0.0).rank("2024-05-01").is_none(), "no list, no ranking");
    }

    #[test]
    fn shortlist_entries_keep_their_score_when_a_filter_hides_them() {
        let mut s = ready();
        s.search.industry = "动力电池".into();
        s.search.stage = "在谈".into();
        s.search.shortlist = vec!["BAT-1".into(), "GONE-9".into()];
        let entries = s.shortlist_entries("2024-05-01");
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].view.as_ref().map(|v| v.name.as_str()), Some("成都动力电池产业园"));
        assert!(entries[0].score.as_ref().is_some_and(|(score, reasons)| *score > 0.5 && !reasons.is_empty()));
        assert_eq!(entries[1], Entry { id: "GONE-9".into(), view: None, score: None }, "an id the list does not hold");
        s.search.industry.clear();
        assert!(s.shortlist_entries("2024-05-01")[0].score.is_none(), "no query, no score");
    }

    #[test]
    fn stars_toggle_and_clearing_the_query_keeps_the_shortlist() {
        let mut s = Search::default();
        assert!(s.toggle_star("A"));
        assert!(s.toggle_star("B"));
        assert!(!s.toggle_star("A"));
        assert_eq!(s.shortlist, ["B"]);
        s.industry = "AI".into();
        s.sector = "ei".into();
        s.top = 60;
        s.selected = Some("B".into());
        assert!(s.has_query() && s.has_filters());
        s.clear_query();
        assert!(!s.has_query() && !s.has_filters());
        assert_eq!((s.top, s.selected.as_deref(), s.shortlist.len()), (PAGE, None, 1));
    }

    #[test]
    fn names_of_inputs_and_filters_round_trip() {
        for i in Input::ALL {
            assert_eq!(Input::from_name(i.name()), Some(i));
        }
        for f in Filter::ALL {
            assert_eq!(Filter::from_name(f.name()), Some(f));
        }
        assert_eq!(Input::from_name("keywords"), None);
    }

    #[test]
    fn idle_seconds_come_from_the_option_then_the_attribute_then_the_default() {
        let search = Search::default();
        let plain = Kiosk::new(&search, None, None, 0.0);
        assert_eq!(plain.idle_seconds(None), DEFAULT_IDLE);
        assert_eq!(plain.idle_seconds(Some(" 30 ")), 30);
        assert_eq!(plain.idle_seconds(Some("Never")), 0);
        assert_eq!(plain.idle_seconds(Some("soon")), DEFAULT_IDLE);
        assert_eq!(plain.idle_seconds(Some("-5")), DEFAULT_IDLE);
        assert_eq!(plain.idle_seconds(Some("1e9")), 86_400, "at most a day");
        let opted = Kiosk::new(&search, Some(&serde_json::json!("45.4")), None, 0.0);
        assert_eq!(opted.idle_seconds(Some("30")), 45, "the mount option wins");
        assert_eq!(Kiosk::new(&search, Some(&serde_json::json!(0)), None, 0.0).idle_seconds(None), 0);
        assert_eq!(Kiosk::new(&search, Some(&serde_json::json!(true)), None, 0.0).idle_seconds(None), DEFAULT_IDLE);
    }

    #[test]
    fn a_kiosk_opens_on_the_attract_screen_unless_a_link_brought_a_search() {
        let mut search = Search::default();
        assert!(Kiosk::new(&search, None, None, 0.0).attract);
        search.shortlist.push("A".into());
        assert!(!Kiosk::new(&search, None, None, 0.0).attract);
        assert_eq!(Kiosk::new(&search, None, Some("  ".into()), 0.0).share_base_option, None);
    }

    #[test]
    fn a_picked_place_is_written_so_that_it_reads_back_as_that_place() {
        assert_eq!(picked_region_text(510100, Lang::ZhHans), "成都市");
        assert_eq!(picked_region_text(510100, Lang::En), "Chengdu");
        let g = crate::gazetteer::Gazetteer::global();
        for code in [510100, 320500, 110000, 500000] {
            for lang in Lang::ALL {
                let text = picked_region_text(code, lang);
                let id = g.by_code(code).unwrap();
                assert_eq!(g.resolve_query(&text).regions, [id], "{code} {lang:?}: {text}");
            }
        }
        assert_eq!(picked_region_text(0, Lang::ZhHans), "");
    }

    #[test]
    fn the_countdown_warns_in_its_last_seconds_and_stops_on_the_attract_screen() {
        let mut k = Kiosk::new(&Search::default(), None, None, 1_000.0);
        k.attract = false;
        assert_eq!(k.countdown(1_000.0, 90), Countdown { running: true, left: 90, warn: false });
        assert_eq!(k.countdown(61_500.0, 90), Countdown { running: true, left: 30, warn: false });
        assert_eq!(k.countdown(71_000.0, 90), Countdown { running: true, left: 20, warn: true });
        assert_eq!(k.countdown(200_000.0, 90).left, 0);
        assert!(k.countdown(9_000.0, 12).warn, "at least the last 5 seconds warn");
        assert!(!k.countdown(1_000.0, 0).running, "idle 0 never resets");
        k.attract = true;
        assert!(!k.countdown(1_000.0, 90).running);
    }
}
