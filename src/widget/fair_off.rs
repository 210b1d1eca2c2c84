//! Fair mode left out: the portal build (`--no-default-features`, which `make build` writes as
//! `www/pkg/opportunity_matcher_portal*`) has no kiosk views, no QR encoder and no fair
//! stylesheet, so that a portal page does not download them. The element's loader fetches the full
//! build when `mode="kiosk"` is asked for; should this build still be told to be a kiosk (through
//! `mount` or `setMode`), it lays the frame out as a portal. Same names as `fair/mod.rs`, which
//! the screen calls.

use super::state::State;
use super::view::frame::{self, Frame, Pieces};
use super::view::Ctx;
use crate::rank::RankResponse;
use web_sys::Element;

/// No stylesheet of fair mode.
pub const STYLE: &str = "";

/// The kiosk's parts of the frame: only the file input the screen asks for (never shown).
pub struct Parts {
    pub file: Element,
}

/// What the kiosk's parts would be drawn from (the same fields as with fair mode).
#[allow(dead_code)]
pub struct Inputs<'a> {
    pub response: Option<&'a RankResponse>,
    pub figures: Option<&'a attract::Figures>,
    pub share_base: Option<&'a str>,
    pub countdown: super::state::Countdown,
    pub today: &'a str,
    pub staff_attribute: bool,
}

/// The portal's layout (this build has no other).
pub fn frame(cx: &Ctx, pieces: Pieces) -> (Frame, Parts) {
    let file = super::dom::el(cx.doc, "input").attr("type", "file").hidden(true).build();
    (frame::portal(pieces), Parts { file })
}

pub fn render(_cx: &Ctx, _parts: &mut Parts, _container: &Element, _state: &State, _inputs: &Inputs) {}

pub fn render_clock(_cx: &Ctx, _parts: &mut Parts, _state: &State, _inputs: &Inputs) {}

pub mod attract {
    use crate::rank::Matcher;
    use crate::Lang;

    /// No figures: the attract screen is fair mode's.
    pub struct Figures;

    pub fn figures<'a>(_cache: &'a mut Option<Figures>, _list: Option<&Matcher>, _lang: Lang) -> Option<&'a Figures> {
        None
    }
}
