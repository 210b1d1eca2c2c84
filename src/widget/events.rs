//! DOM events into [`Action`]s: delegated listeners on the shadow root (and `hashchange` on the
//! window), each reading what the event says — which button, which input and its value, which
//! key — and handing the action, with its event, to the [`Controller`]. Whether anything comes of
//! it is the update's to decide; the only decisions made here are the browser's own (an option
//! tapped keeps the focus in its input; the form is never submitted).

use super::action::{Action, Key, KioskAction, PICK};
use super::browser;
use super::controller::Controller;
use super::state::{Filter, Input};
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, Element, Event, EventTarget, HtmlInputElement, HtmlSelectElement, KeyboardEvent, ShadowRoot, Window};

/// A listener to remove when the widget is dropped.
pub struct Listener {
    target: EventTarget,
    kind: &'static str,
    capture: bool,
    callback: Closure<dyn FnMut(Event)>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.target.remove_event_listener_with_callback_and_bool(self.kind, self.callback.as_ref().unchecked_ref(), self.capture);
    }
}

/// What one event type means: the actions it brings, in order.
type Reader = fn(&Event) -> Vec<Action>;

/// Listens on the shadow root and the window; the listeners stay until dropped.
pub fn listen(controller: &Rc<Controller>, root: &ShadowRoot, window: &Window) -> Vec<Listener> {
    // Capture phase on the root: events that do not bubble (or are dispatched without `bubbles`)
    // still arrive. The drag and drop events are taken as they bubble, so that the drop can stop
    // there before the element's own handler.
    let on_root: [(&'static str, bool, Reader); 17] = [
        ("click", true, click),
        ("input", true, input),
        ("compositionend", true, |e| typed(e).into_iter().collect()),
        ("change", true, change),
        ("keydown", true, keydown),
        ("pointerdown", true, pointerdown),
        ("mousedown", true, mousedown),
        ("focusout", true, focusout),
        ("submit", true, |e| {
            e.prevent_default();
            vec![Action::CloseSuggestions]
        }),
        ("wheel", true, |_| vec![activity()]),
        ("touchstart", true, |_| vec![activity()]),
        ("scroll", true, |_| vec![activity()]),
        ("close", true, close),
        ("dragenter", false, drag),
        ("dragover", false, drag),
        ("dragleave", false, |e| {
            let left = e.dyn_ref::<DragEvent>().is_some_and(|d| d.related_target().is_none());
            if left {
                vec![Action::Kiosk(KioskAction::DragLeft)]
            } else {
                Vec::new()
            }
        }),
        ("drop", false, |_| vec![Action::Kiosk(KioskAction::Dropped)]),
    ];
    let mut listeners: Vec<Listener> =
        on_root.into_iter().map(|(kind, capture, read)| add(controller, root, kind, capture, read)).collect();
    listeners.push(add(controller, window, "hashchange", true, |_| vec![Action::HashChanged(browser::location_hash())]));
    // The staff key works wherever the focus is (a kiosk's focus is often on the page itself).
    listeners.push(add(controller, window, "keydown", false, staff_key));
    listeners
}

fn add(controller: &Rc<Controller>, target: &EventTarget, kind: &'static str, capture: bool, read: Reader) -> Listener {
    let weak: Weak<Controller> = Rc::downgrade(controller);
    let callback = Closure::<dyn FnMut(Event)>::new(move |e: Event| {
        let Some(c) = weak.upgrade() else { return };
        for action in read(&e) {
            c.dispatch(action, Some(&e));
        }
    });
    let _ = target.add_event_listener_with_callback_and_bool(kind, callback.as_ref().unchecked_ref(), capture);
    Listener { target: target.clone(), kind, capture, callback }
}

/// Someone is there (the kiosk's idle countdown starts again).
fn activity() -> Action {
    Action::Kiosk(KioskAction::Activity { now: browser::now() })
}

fn target_element(e: &Event) -> Option<Element> {
    e.target().and_then(|t| t.dyn_into::<Element>().ok())
}

/// The widget's text input an event happened in.
fn text_input(e: &Event) -> Option<(Input, HtmlInputElement)> {
    let inp = e.target()?.dyn_into::<HtmlInputElement>().ok()?;
    Some((Input::from_name(&inp.name())?, inp))
}

/// A button (or the attract screen): its `data-action`. A kiosk button also counts as activity.
fn click(e: &Event) -> Vec<Action> {
    let Some(button) = target_element(e).and_then(|t| t.closest("[data-action]").ok().flatten()) else { return Vec::new() };
    let name = button.get_attribute("data-action").unwrap_or_default();
    let id = button.get_attribute("data-id");
    match Action::from_dom(&name, id.as_deref()) {
        Some(Action::Kiosk(KioskAction::StaffTap { .. })) => vec![activity(), Action::Kiosk(KioskAction::StaffTap { now: browser::now() })],
        Some(action) if action.is_kiosk_button() => vec![activity(), action],
        Some(action) => vec![action],
        None => Vec::new(),
    }
}

fn typed(e: &Event) -> Option<Action> {
    let (input, inp) = text_input(e)?;
    Some(Action::Typed(input, inp.value()))
}

/// Typing (not while an input method composes: `compositionend` brings the result).
fn input(e: &Event) -> Vec<Action> {
    let composing = e.dyn_ref::<web_sys::InputEvent>().is_some_and(|ie| ie.is_composing());
    let mut actions: Vec<Action> = if composing { Vec::new() } else { typed(e).into_iter().collect() };
    actions.push(activity());
    actions
}

/// A filter chosen, or a list file picked with the kiosk's file picker.
fn change(e: &Event) -> Vec<Action> {
    if let Some(select) = e.target().and_then(|t| t.dyn_into::<HtmlSelectElement>().ok()) {
        return Filter::from_name(&select.name()).map(|f| Action::FilterChosen(f, select.value())).into_iter().collect();
    }
    let file_input = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).is_some_and(|i| i.class_list().contains("om-k-file"));
    if file_input {
        vec![Action::Kiosk(KioskAction::FileChosen)]
    } else {
        Vec::new()
    }
}

/// Ctrl+Shift+L, the kiosk's staff key: opens or closes the staff panel.
fn staff_key(e: &Event) -> Vec<Action> {
    let Some(ke) = e.dyn_ref::<KeyboardEvent>() else { return Vec::new() };
    if ke.ctrl_key() && ke.shift_key() && !ke.alt_key() && ke.key().eq_ignore_ascii_case("l") {
        e.prevent_default();
        return vec![Action::Kiosk(KioskAction::ToggleStaff)];
    }
    Vec::new()
}

/// The type-ahead's keys in an input.
fn keydown(e: &Event) -> Vec<Action> {
    let mut actions = Vec::new();
    if let (Some(ke), Some((input, _))) = (e.dyn_ref::<KeyboardEvent>(), text_input(e)) {
        if let Some(key) = Key::from_dom(&ke.key()).filter(|_| !ke.is_composing()) {
            actions.push(Action::KeyPressed(input, key));
        }
    }
    actions.push(activity());
    actions
}

/// A type-ahead option picked at once (a tap also counts), the focus kept in its input.
fn pointerdown(e: &Event) -> Vec<Action> {
    let mut actions = Vec::new();
    if let Some(option) = target_element(e).and_then(|t| t.closest(&format!("[data-action={PICK}]")).ok().flatten()) {
        e.prevent_default();
        let input = option.get_attribute("data-field").and_then(|f| Input::from_name(&f));
        let index = option.get_attribute("data-index").and_then(|i| i.parse::<usize>().ok());
        if let (Some(input), Some(index)) = (input, index) {
            actions.push(Action::Pick(input, index));
        }
    }
    actions.push(activity());
    actions
}

/// A press on an option does not take the focus from the input.
fn mousedown(e: &Event) -> Vec<Action> {
    if target_element(e).and_then(|t| t.closest("[role=option]").ok().flatten()).is_some() {
        e.prevent_default();
    }
    Vec::new()
}

/// Leaving an input closes its suggestions.
fn focusout(e: &Event) -> Vec<Action> {
    text_input(e).map(|_| Action::CloseSuggestions).into_iter().collect()
}

/// The report dialog closed with its own Escape key.
fn close(e: &Event) -> Vec<Action> {
    let is_report = target_element(e).is_some_and(|t| t.class_list().contains("om-k-report"));
    if is_report {
        vec![Action::Kiosk(KioskAction::ReportClosed)]
    } else {
        Vec::new()
    }
}

/// A file dragged over the widget.
fn drag(e: &Event) -> Vec<Action> {
    let files = e
        .dyn_ref::<DragEvent>()
        .and_then(|d| d.data_transfer())
        .is_some_and(|dt| dt.types().iter().any(|t| t.as_string().as_deref() == Some("Files")));
    if files {
        vec![Action::Kiosk(KioskAction::DragOver { now: browser::now() })]
    } else {
        Vec::new()
    }
}
