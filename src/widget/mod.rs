//! The browser widget: the form, ranked results with reasons, details, shortlist and comparison,
//! and the fair kiosk, rendered into an open shadow root. `www/opportunity-matcher.js` defines the
//! `<opportunity-matcher>` element and hands over here; integrators can also call `mount`.
//!
//! ```js
//! import init, { mount } from "./pkg/opportunity_matcher.js";
//! await init();
//! const widget = mount(host.attachShadow({ mode: "open" }), { lang: "zh-Hans", mode: "portal" });
//! widget.loadText(await (await fetch("list.json")).text(), "list.json");
//! ```
//!
//! State → action → view, in the style of wasm-bindgen's todomvc example, without a framework.
//! The logic is plain Rust, compiled and unit-tested natively; the browser side is wasm32 only.
//!
//! | module | role |
//! |---|---|
//! | [`state`] | what is shown, as plain data: the search (query, filters, shortlist, language), the list, the suggestions, the mode, the kiosk |
//! | [`action`] | everything that can happen, as one enum (the kiosk's as a variant); buttons carry theirs as `data-action` |
//! | [`update`] | `update(&mut State, Action) -> Outcome`: the one place the state changes; says what to redraw and which effects to run |
//! | [`url`] | the search in the URL fragment, so a link reopens the same view; share links |
//! | [`suggest`] | the type-ahead's suggestions |
//! | [`i18n`] | every interface string in zh-Hans, zh-Hant and en |
//! | [`crate::csv`] | (shared with the leads tables) the shortlist export, with formula injection neutralised |
//! | `controller` | (wasm) owns the state and the screen; queues actions, calls `update`, has the screen draw, runs effects |
//! | `screen` | (wasm) the live DOM and the one render sequence, drawn from the state read-only |
//! | `events` | (wasm) DOM events on the shadow root → actions |
//! | `host` | (wasm) what the host page hears: `om-results-change`, `om-shortlist-change`, `om-project-open` on the element, and its `query` property |
//! | `view/`, `fair/` | (wasm) render functions, DOM built with `create_element` and `set_text_content` only; the portal's and the kiosk's layouts of the same pieces |
//! | `browser` | (wasm) the address bar, `localStorage`, downloads, printing, files |
//! | `mount` | (wasm) `mount()` and the element's `WidgetHandle` |
//! | `crash` | (wasm) the readable error screen after a panic |
//!
//! Nothing is sent anywhere: ranking runs in wasm on the list the page fetched, the shortlist is
//! kept in `localStorage` (ids only, never the query; never at a kiosk) and the URL fragment.

// Plain Rust, native and wasm32.
pub mod action;
pub mod i18n;
pub mod state;
pub mod suggest;
pub mod update;
pub mod url;

// The browser side.
#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(target_arch = "wasm32")]
mod controller;
#[cfg(target_arch = "wasm32")]
mod crash;
#[cfg(target_arch = "wasm32")]
mod dom;
#[cfg(target_arch = "wasm32")]
mod events;
#[cfg(all(target_arch = "wasm32", feature = "kiosk"))]
mod fair;
#[cfg(all(target_arch = "wasm32", not(feature = "kiosk")))]
#[path = "fair_off.rs"]
mod fair;
#[cfg(target_arch = "wasm32")]
mod host;
#[cfg(target_arch = "wasm32")]
mod mount;
#[cfg(all(target_arch = "wasm32", feature = "kiosk"))]
mod qr;
#[cfg(target_arch = "wasm32")]
mod screen;
#[cfg(target_arch = "wasm32")]
mod view;

#[cfg(target_arch = "wasm32")]
pub use mount::{mount, mount_with_list, WidgetHandle};
