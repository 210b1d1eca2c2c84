//! The widget's frame: header and language switch, the form (three inputs with hints and
//! type-ahead, optional filters), the status line, the tabs, the two panels and the footer.
//! Rebuilt when the language, the list or the mode changes; everything inside the panels is
//! rendered by [`super::results`] and [`super::shortlist`] on every change.
//!
//! [`pieces`] builds the parts, [`portal`] lays them out one under the other; the kiosk lays the
//! same parts out in columns (`fair::frame`).

use super::Ctx;
use crate::hant::HantTable;
use crate::rank::Matcher;
use crate::widget::action::{Action, SkipTo};
use crate::widget::dom::{button, el, El};
use crate::widget::i18n::{lang_button, shortlist_tab};
use crate::widget::state::{Filter, Input, Mode, Panel, Search};
use crate::Lang;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

/// One option of a filter select.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    /// What the filter is set to (the list's commonest spelling; the core compares folded).
    pub value: String,
    pub label: String,
    /// The label is list text that stays Chinese on an English page.
    pub chinese: bool,
}

/// Options of the three filter selects.
#[derive(Clone, Debug, Default)]
pub struct FilterOptions {
    pub sector: Vec<Choice>,
    pub cooperation: Vec<Choice>,
    pub stage: Vec<Choice>,
}

/// The list's values of one field as choices: one per value however it is spelt (合资 and 合資,
/// 在谈 and 在談 are one), commonest first, labelled in `lang` (the term table's wording, else the
/// list's own in the reader's script); very long texts are not choices.
pub fn choices(counted: &[(String, usize)], lang: Lang, hant: Option<&HantTable>) -> Vec<Choice> {
    let mut merged: Vec<(String, String, usize)> = Vec::new();
    for (text, n) in counted.iter().filter(|(t, _)| !t.trim().is_empty() && t.chars().count() <= 20) {
        let key = crate::fold::fold(text);
        match merged.iter_mut().find(|m| m.0 == key) {
            Some(m) => m.2 += n,
            None => merged.push((key, text.clone(), *n)),
        }
    }
    crate::sort::sort_by(&mut merged, |a, b| b.2.cmp(&a.2));
    merged
        .into_iter()
        .take(30)
        .map(|(_, value, _)| {
            let (label, chinese) = match crate::terms::translate(&value, lang) {
                Some(t) => (t.to_string(), false),
                None => crate::present::list_text(&value, lang, hant),
            };
            Choice { value, label, chinese }
        })
        .collect()
}

impl FilterOptions {
    /// The taxonomy's sectors, and the cooperation modes and stages the list uses (counted when
    /// it loaded), labelled in `lang`.
    pub fn new(list: Option<&Matcher>, lang: Lang, hant: Option<&HantTable>) -> FilterOptions {
        let t = crate::taxonomy::Taxonomy::global();
        let mut options = FilterOptions {
            sector: t
                .sectors()
                .into_iter()
                .map(|n| Choice { value: t.node(n).key.clone(), label: t.label(n, lang).to_string(), chinese: false })
                .collect(),
            ..FilterOptions::default()
        };
        if let Some(m) = list {
            options.cooperation = choices(&m.facets().cooperation, lang, hant);
            options.stage = choices(&m.facets().stage, lang, hant);
        }
        options
    }

    pub fn of(&self, f: Filter) -> &[Choice] {
        match f {
            Filter::Sector => &self.sector,
            Filter::Cooperation => &self.cooperation,
            Filter::Stage => &self.stage,
        }
    }
}

/// The live elements the widget updates without rebuilding the frame.
pub struct Frame {
    pub container: Element,
    pub inputs: Vec<HtmlInputElement>,
    /// The values the inputs were last given from the state (typing changes the input first).
    shown: [String; 3],
    pub understood: Vec<Element>,
    pub listboxes: Vec<Element>,
    pub status: Element,
    /// The live region (`role="status"`, visually hidden).
    pub live: Element,
    pub results_tab: Element,
    pub shortlist_tab: Element,
    pub results: Element,
    pub shortlist: Element,
    pub footer: Element,
}

/// The frame's pieces, built but not yet laid out: `frame.container` is empty.
pub struct Pieces {
    pub header: Element,
    pub form: Element,
    pub tabs: Element,
    pub frame: Frame,
}

impl Frame {
    pub fn input(&self, i: Input) -> &HtmlInputElement {
        &self.inputs[i as usize]
    }

    pub fn understood(&self, i: Input) -> &Element {
        &self.understood[i as usize]
    }

    pub fn listbox(&self, i: Input) -> &Element {
        &self.listboxes[i as usize]
    }

    /// Gives the inputs the values the state has for them, where the state changed other than by
    /// typing (a picked suggestion, a kiosk choice, a cleared input). An input being typed in, or
    /// composed in with an input method, is left as it is.
    pub fn show_inputs(&mut self, search: &Search) {
        for i in Input::ALL {
            let value = search.input(i);
            if self.shown[i as usize] != value {
                if self.input(i).value() != value {
                    self.input(i).set_value(value);
                }
                self.shown[i as usize] = value.to_string();
            }
        }
    }
}

fn field(cx: &Ctx, search: &Search, input: Input) -> (Element, HtmlInputElement, Element, Element) {
    let u = cx.ui;
    let name = input.name();
    let (label, placeholder, hint) = match input {
        Input::Industry => (u.industry, u.industry_placeholder, u.industry_hint),
        Input::Budget => (u.budget, u.budget_placeholder, u.budget_hint),
        Input::Region => (u.region, u.region_placeholder, u.region_hint),
    };
    let id = format!("om-{name}");
    let hint_id = format!("om-{name}-hint");
    let understood_id = format!("om-{name}-understood");
    let list_id = format!("om-{name}-list");
    let inp = el(cx.doc, "input")
        .class("om-input")
        .attr("id", &id)
        .attr("name", name)
        .attr("type", "text")
        .attr("autocomplete", "off")
        .attr("spellcheck", "false")
        .attr("enterkeyhint", "search")
        .attr("placeholder", placeholder)
        .attr("data-key", name)
        .attr("aria-describedby", &format!("{understood_id} {hint_id}"));
    let inp = if input.has_suggestions() {
        inp.attr("role", "combobox").attr("aria-autocomplete", "list").attr("aria-expanded", "false").attr("aria-controls", &list_id)
    } else {
        inp.attr("inputmode", "text")
    };
    let inp: HtmlInputElement = inp.build().unchecked_into();
    inp.set_value(search.input(input));
    // `tabindex=-1`: Chromium makes a scrolling box a tab stop of its own; Tab from the input would
    // land in the list of suggestions, which closes as the input loses the focus, and the focus
    // would fall out of the widget. The options are reached with the arrow keys.
    let listbox = el(cx.doc, "ul")
        .class("om-listbox")
        .attr("id", &list_id)
        .attr("role", "listbox")
        .attr("tabindex", "-1")
        .attr("aria-label", &format!("{} · {}", label, u.suggestions_for))
        .hidden(true)
        .build();
    let understood = el(cx.doc, "p").class("om-understood").attr("id", &understood_id).build();
    let wrap = el(cx.doc, "div")
        .class(&format!("om-field om-field-{name}"))
        .child(el(cx.doc, "label").class("om-label").attr("for", &id).text(label))
        .child(el(cx.doc, "div").class("om-combo").child(&inp).child(&listbox))
        .child(&understood)
        .child(cx.mixed("p", hint).class("om-hint").attr("id", &hint_id))
        .build();
    (wrap, inp, understood, listbox)
}

fn select(cx: &Ctx, search: &Search, filter: Filter, options: &FilterOptions) -> El {
    let u = cx.ui;
    let name = filter.name();
    let label = match filter {
        Filter::Sector => u.sector,
        Filter::Cooperation => u.cooperation,
        Filter::Stage => u.stage,
    };
    let id = format!("om-{name}");
    let sel = el(cx.doc, "select").class("om-select").attr("id", &id).attr("name", name).attr("data-key", name);
    let sel = sel.child(el(cx.doc, "option").attr("value", "").text(u.any));
    let current = search.filter(filter);
    let mut sel = sel;
    // A filter from a link may be spelt another way than the list's commonest (合資 for 合资).
    let folded = crate::fold::fold(current);
    let mut selected = current.to_string();
    let mut found = current.is_empty();
    for c in options.of(filter) {
        if !found && (c.value == current || (filter != Filter::Sector && crate::fold::fold(&c.value) == folded)) {
            found = true;
            selected = c.value.clone();
        }
        sel = sel.child(el(cx.doc, "option").attr("value", &c.value).attr_if(c.chinese, "lang", "zh").text(&c.label));
    }
    if !found {
        // A filter from a shared link that this list does not offer still shows what it is.
        sel = sel.child(el(cx.doc, "option").attr("value", current).text(current));
    }
    let sel: HtmlSelectElement = sel.build().unchecked_into();
    sel.set_value(&selected);
    el(cx.doc, "div").class("om-field om-filter").child(el(cx.doc, "label").class("om-label").attr("for", &id).text(label)).child(sel)
}

/// Builds the frame's pieces for the current language and mode.
pub fn pieces(cx: &Ctx, search: &Search, options: &FilterOptions, mode: Mode) -> Pieces {
    let u = cx.ui;
    let doc = cx.doc;

    let mut langs = el(doc, "div").class("om-langs").attr("role", "group").attr("aria-label", u.language);
    for l in Lang::ALL {
        let (short, long) = lang_button(l);
        let b = button(doc, "om-lang", &Action::ChooseLang(l), short)
            .attr("lang", l.tag())
            .attr("aria-label", long)
            .attr("title", long)
            .attr("aria-pressed", if l == cx.lang { "true" } else { "false" });
        langs = langs.child(b);
    }
    let header = el(doc, "header")
        .class("om-header")
        .child(
            el(doc, "div")
                .class("om-heading")
                .child(el(doc, "h2").class("om-title").text(u.title))
                .child(el(doc, "p").class("om-intro").text(u.intro)),
        )
        .child(langs)
        .build();

    let mut inputs = Vec::new();
    let mut understood = Vec::new();
    let mut listboxes = Vec::new();
    let mut fields = el(doc, "div").class("om-fields");
    for i in Input::ALL {
        let (wrap, inp, und, lb) = field(cx, search, i);
        fields = fields.child(wrap);
        inputs.push(inp);
        understood.push(und);
        listboxes.push(lb);
    }

    let mut filters = el(doc, "div").class("om-filters");
    for f in Filter::ALL {
        filters = filters.child(select(cx, search, f, options));
    }
    let more = el(doc, "details")
        .class("om-more")
        .attr_if(search.has_filters(), "open", "")
        .child(el(doc, "summary").class("om-summary").attr("data-key", "filters").text(u.filters))
        .child(filters);

    // Shown only when focused: after the three inputs, straight to the ranked list.
    let skip = button(doc, "om-skip", &Action::Skip(SkipTo::Results), u.skip_to_results);
    let form = el(doc, "form")
        .class("om-form")
        .attr("role", "search")
        .attr("aria-label", u.search)
        .attr("novalidate", "")
        .child(fields)
        .child(skip)
        .child(el(doc, "div").class("om-form-foot").child(more).child(button(doc, "om-button om-secondary", &Action::ClearQuery, u.clear)))
        .build();

    // The visible count and warnings change with every keystroke: not a live region. The live
    // region (`live`) says what changed once, when typing pauses (screen.rs).
    let status = el(doc, "div").class("om-status").build();
    let live = el(doc, "div").class("om-sr om-live").attr("role", "status").build();

    let results_tab = button(doc, "om-tab", &Action::ShowPanel(Panel::Results), u.results)
        .attr("aria-pressed", if search.panel == Panel::Results { "true" } else { "false" })
        .attr("aria-controls", "om-results")
        .build();
    let shortlist_tab = button(doc, "om-tab", &Action::ShowPanel(Panel::Shortlist), &shortlist_tab(cx.lang, search.shortlist.len()))
        .attr("aria-pressed", if search.panel == Panel::Shortlist { "true" } else { "false" })
        .attr("aria-controls", "om-shortlist")
        .build();
    let tabs = el(doc, "div")
        .class("om-tabs")
        .attr("role", "group")
        .attr("aria-label", u.results)
        .child(&results_tab)
        .child(&shortlist_tab)
        .build();

    // `tabindex=-1`: the skip link after the form moves the focus here; the next Tab reaches the
    // skip link past the cards, the one after it the first card.
    let results = el(doc, "section")
        .class("om-panel om-results")
        .attr("id", "om-results")
        .attr("tabindex", "-1")
        .attr("data-key", SkipTo::Results.key())
        .attr("aria-label", u.results_label)
        .hidden(search.panel != Panel::Results)
        .build();
    let shortlist = el(doc, "section")
        .class("om-panel om-shortlist")
        .attr("id", "om-shortlist")
        .attr("aria-label", u.shortlist)
        .hidden(search.panel != Panel::Shortlist)
        .build();
    let footer = el(doc, "footer").class("om-footer").build();

    let mode_class = match mode {
        Mode::Kiosk => "om om-kiosk",
        Mode::Portal => "om om-portal",
    };
    let container = el(doc, "div").class(mode_class).attr("lang", cx.lang.tag()).build();
    let shown = Input::ALL.map(|i| search.input(i).to_string());
    let _ = container.append_child(&live);
    let frame =
        Frame { container, inputs, shown, understood, listboxes, status, live, results_tab, shortlist_tab, results, shortlist, footer };
    Pieces { header, form, tabs, frame }
}

/// The portal's layout: the pieces one under the other.
pub fn portal(p: Pieces) -> Frame {
    let f = p.frame;
    for piece in [&p.header, &p.form, &f.status, &p.tabs, &f.results, &f.shortlist, &f.footer] {
        let _ = f.container.append_child(piece);
    }
    f
}

/// The tabs and panels for the panel shown: the shortlist tab's count, which tab is pressed, which
/// panel is visible.
pub fn show_panel(cx: &Ctx, f: &Frame, search: &Search) {
    f.shortlist_tab.set_text_content(Some(&shortlist_tab(cx.lang, search.shortlist.len())));
    for (tab, on) in [(&f.results_tab, search.panel == Panel::Results), (&f.shortlist_tab, search.panel == Panel::Shortlist)] {
        let _ = tab.set_attribute("aria-pressed", if on { "true" } else { "false" });
    }
    let _ = f.results.toggle_attribute_with_force("hidden", search.panel != Panel::Results);
    let _ = f.shortlist.toggle_attribute_with_force("hidden", search.panel != Panel::Shortlist);
}
