//! Fair mode left out: the portal build (`--no-default-features`, `make build` writes it as
//! `www/pkg/opportunity_matcher_portal*`) has no kiosk, no QR encoder and no fair stylesheet, so
//! that a portal page does not download them. The loader fetches the full build when
//! `mode="kiosk"` is asked for. The widget calls in at the same four points as with the `kiosk`
//! feature (see `fair/mod.rs`); here each does nothing.

use super::state::State;
use super::App;
use std::cell::RefCell;
use std::rc::Rc;

/// No kiosk state.
pub struct Kiosk;

impl Kiosk {
    pub fn new(_state: &State, _idle: Option<&serde_json::Value>, _share_base: Option<String>) -> Kiosk {
        Kiosk
    }
}

pub fn decorate(_app: &mut App) {}

pub fn update(_app: &mut App) {}

pub fn on_click(_app: &mut App, _action: &str, _id: Option<&str>) -> bool {
    false
}

pub fn install(_app: &Rc<RefCell<App>>, _listeners: &mut super::Listeners) {}
