//! What the widget shows, as plain data: the query as typed, the filters, the shortlist, the
//! language and which project is open. The URL fragment is a serialisation of this
//! (see [`super::url`]); nothing here touches the DOM.

use crate::rank::{Query, Weights};
use crate::Lang;

/// Results shown at first, and added by "show more".
pub const PAGE: usize = 20;

/// Which panel is shown below the form.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    /// The ranked results.
    #[default]
    Results,
    /// The shortlist compared side by side.
    Shortlist,
}

/// The widget's state.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
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
    pub view: View,
    /// Display language.
    pub lang: Lang,
    /// How many results to show.
    pub top: usize,
}

impl Default for State {
    fn default() -> Self {
        State {
            industry: String::new(),
            budget: String::new(),
            region: String::new(),
            sector: String::new(),
            cooperation: String::new(),
            stage: String::new(),
            shortlist: Vec::new(),
            selected: None,
            view: View::Results,
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

    /// The `name` attribute (a stable hook, SPEC §6.3).
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

impl State {
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

    /// The core query for this state. `sector` is the sector's name (the core reads any script).
    pub fn query(&self, sector: Option<String>, weights: Option<&Weights>, today: Option<String>) -> Query {
        Query {
            industry: opt(&self.industry),
            budget: opt(&self.budget),
            region: opt(&self.region),
            sector,
            cooperation: opt(&self.cooperation),
            stage: opt(&self.stage),
            top: Some(self.top.max(1)),
            lang: Some(self.lang.tag().to_string()),
            weights: weights.cloned(),
            today,
            ..Query::default()
        }
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
