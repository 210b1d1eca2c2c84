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

/// Days since a fixed epoch of an ISO date (`YYYY-MM-DD`), for the staleness mark.
pub fn day_number(date: &str) -> Option<i64> {
    let mut it = date.get(..10)?.split('-').map(|p| p.parse::<i64>().ok());
    let (y, m, d) = (it.next()??, it.next()??, it.next()??);
    let (y, m) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
    Some(365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + d)
}

/// Entries older than 18 months are marked "may be out of date".
pub fn is_stale(updated: &str, today: &str) -> bool {
    match (day_number(updated), day_number(today)) {
        (Some(a), Some(b)) => b - a > 548,
        _ => false,
    }
}
