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

use super::i18n::{ui, Ui};
use crate::Lang;
use web_sys::Document;

/// What every render function needs: the document to create elements in and the language.
pub struct Ctx<'a> {
    pub doc: &'a Document,
    pub lang: Lang,
    pub ui: &'static Ui,
}

impl<'a> Ctx<'a> {
    pub fn new(doc: &'a Document, lang: Lang) -> Ctx<'a> {
        Ctx { doc, lang, ui: ui(lang) }
    }
}

pub use crate::date::is_stale;
