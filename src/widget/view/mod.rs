//! Rendering: functions from the state (and the core's answers) to DOM. Nothing here changes the
//! state or listens to events; buttons carry their [`Action`](super::action::Action) as
//! `data-action` (and `data-id`) and the widget's delegated listeners on the shadow root read it
//! back.
//!
//! - [`frame`]: the frame's pieces, built once per language, list and mode: header with the
//!   language switch, the form, the status line, the two tabs, the result and shortlist panels,
//!   the footer; and the portal's layout of them (the kiosk lays the same pieces out its own way,
//!   in `fair/`).
//! - [`status`]: the status line, the "understood" hints under the inputs, the footer.
//! - [`results`]: the ranked list, one item per project, its details, and the loading, empty and
//!   error states.
//! - [`shortlist`]: the side-by-side comparison and its CSV export.
//! - [`combo`]: the type-ahead listboxes of the industry and region inputs.

pub mod combo;
pub mod frame;
pub mod results;
pub mod shortlist;
pub mod status;

use super::dom::{el, El};
use super::i18n::{ui, Ui};
use super::state::State;
use crate::hant::HantTable;
use crate::list::Project;
use crate::present::ProjectView;
use crate::Lang;
use web_sys::Document;

/// What every render function needs: the document to create elements in, the language, and for
/// 繁 the table the list's own text is shown through (once it arrived).
pub struct Ctx<'a> {
    pub doc: &'a Document,
    pub lang: Lang,
    pub ui: &'static Ui,
    pub hant: Option<&'a HantTable>,
}

impl<'a> Ctx<'a> {
    /// A context for drawing `state`.
    pub fn of(doc: &'a Document, state: &'a State) -> Ctx<'a> {
        let lang = state.search.lang;
        Ctx { doc, lang, ui: ui(lang), hant: state.hant_table() }
    }

    /// A project as shown in this language.
    pub fn view(&self, project: &Project) -> ProjectView {
        ProjectView::with_hant(project, self.lang, self.hant)
    }

    /// A `tag` holding `text` that may quote Chinese inside another language (an English message
    /// naming a list's value, a hint listing 万 and 亿): on an English page each Chinese run is a
    /// `<span lang="zh">`, so that a screen reader switches voice and the browser a font.
    pub fn mixed(&self, tag: &str, text: &str) -> El {
        let out = el(self.doc, tag);
        if self.lang != Lang::En {
            return out.text(text);
        }
        super::i18n::chinese_runs(text).into_iter().fold(out, |out, (run, chinese)| {
            if chinese {
                out.child(el(self.doc, "span").attr("lang", "zh").text(run))
            } else {
                out.child(super::dom::text(self.doc, run))
            }
        })
    }

    /// A text of the list itself (title, publisher, a filter's value) as shown in this language,
    /// marked `lang="zh"` when it stays Chinese on an English page.
    pub fn list_text(&self, tag: &str, text: &str) -> El {
        let (shown, chinese) = crate::present::list_text(text, self.lang, self.hant);
        el(self.doc, tag).text(&shown).attr_if(chinese, "lang", "zh")
    }
}

pub use crate::date::is_stale;
