//! A readable error in every mounted widget when Rust panics (the panic is still logged in the
//! console). The wasm instance cannot be trusted after a panic, so the message asks for a reload,
//! and the screen is built with fresh DOM calls only: the widget's own state may be borrowed
//! mid-panic.

use super::action::Action;
use super::dom;
use super::i18n;
use crate::Lang;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::ShadowRoot;

thread_local! {
    /// Every mounted widget's root, with the language it shows (kept up to date by the controller).
    static TARGETS: RefCell<Vec<(ShadowRoot, Rc<Cell<Lang>>)>> = const { RefCell::new(Vec::new()) };
    static HOOK: Cell<bool> = const { Cell::new(false) };
}

/// Installs the panic hook (once for all widgets).
pub fn install_hook() {
    if HOOK.with(|h| h.replace(true)) {
        return;
    }
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let message = info.to_string();
        let _ = TARGETS.try_with(|targets| {
            if let Ok(targets) = targets.try_borrow() {
                for (root, lang) in targets.iter() {
                    show(root, lang.get(), &message);
                }
            }
        });
    }));
}

/// Shows the error screen in `root` when a panic happens; returns the cell the widget keeps its
/// language in, so that the screen speaks it.
pub fn register(root: &ShadowRoot, lang: Lang) -> Rc<Cell<Lang>> {
    let cell = Rc::new(Cell::new(lang));
    TARGETS.with(|t| t.borrow_mut().push((root.clone(), cell.clone())));
    cell
}

/// Forgets `root` (the widget was dropped).
pub fn unregister(root: &ShadowRoot) {
    let _ = TARGETS.try_with(|t| {
        if let Ok(mut t) = t.try_borrow_mut() {
            t.retain(|(r, _)| r != root);
        }
    });
}

fn show(root: &ShadowRoot, lang: Lang, message: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let u = i18n::ui(lang);
    let reload = dom::button(&doc, "om-button", &Action::Reload, u.reload).build();
    let panel = dom::el(&doc, "div")
        .class("om-state om-error om-crash")
        .attr("role", "alert")
        .child(dom::el(&doc, "h3").class("om-state-title").text(u.crashed))
        .child(dom::el(&doc, "p").text(u.crashed_hint))
        .child(dom::el(&doc, "p").class("om-cause").text(&format!("{}{}", u.cause, message)))
        .child(&reload)
        .build();
    let container = dom::el(&doc, "div").class("om om-portal").attr("lang", lang.tag()).child(panel).build();
    root.replace_children_with_node_1(&container);
    // The reload button works without the (possibly broken) wasm listeners.
    let on_click = Closure::<dyn FnMut()>::new(super::browser::reload);
    let _ = reload.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    on_click.forget();
}
