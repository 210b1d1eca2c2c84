//! Fair mode (`mode="kiosk"`): the widget on a touch kiosk, a laptop or a projector at an investment
//! fair, often offline. This folder holds its views; its state is [`Kiosk`](super::state::Kiosk),
//! its actions [`KioskAction`](super::action::KioskAction), and what they do is in
//! [`super::update`].
//!
//! | module | what it draws |
//! |---|---|
//! | [`attract`] | the attract screen shown when nobody uses the kiosk: the list's headline figures and two SVG charts ([`chart`]) |
//! | [`pickers`] | an on-screen way to enter industry, budget and region without a keyboard: sector chips, amount presets, a province → city picker |
//! | [`handoff`] | the QR code of the share link (on the configured public portal, `share-base`), the link as short text, and the print view |
//! | [`report`] | the report of a list file dropped on the kiosk or picked with the file picker |
//! | this module | the kiosk's layout of the frame's pieces (three columns, a header bar with the countdown), the idle countdown and warning |
//!
//! Host attributes read when needed (also accepted as `mount` options), so that changing them on
//! a running kiosk takes effect at once: `idle` (seconds without a touch before the reset, default
//! 90, `0` = never) and `share-base` (the public page the QR code points at; default: this page
//! when it is served over http(s)).

pub mod attract;
mod chart;
mod handoff;
mod pickers;
mod report;

use super::action::{Action, KioskAction};
use super::dom::{button, el, sr_only};
use super::i18n::fair::{clock, fair_ui, resetting_in};
use super::state::{Countdown, State};
use super::view::frame::{Frame, Pieces};
use super::view::Ctx;
use crate::rank::RankResponse;
use attract::Figures;
use web_sys::Element;

/// `style.css` without comments and needless whitespace (build.rs).
pub const STYLE: &str = include_str!(concat!(env!("OUT_DIR"), "/fair.min.css"));

/// What the kiosk last drew, to skip redrawing what did not change (the QR code, the print view
/// and the attract screen's charts are the costly parts).
#[derive(Default)]
struct Drawn {
    link: Option<String>,
    print: String,
    attract: String,
}

/// The elements the kiosk adds to the frame.
pub struct Parts {
    attract: Element,
    countdown: Element,
    clock_box: Element,
    warning: Element,
    warning_text: Element,
    pickers: Element,
    handoff: Element,
    print: Element,
    report: Element,
    /// The hidden file input of "load a list".
    pub file: Element,
    /// The staff panel (hidden until the staff gesture, key or the host's `staff` attribute).
    staff: Element,
    drawn: Drawn,
}

/// What the kiosk's parts are drawn from besides the state.
pub struct Inputs<'a> {
    pub response: Option<&'a RankResponse>,
    /// The loaded list's figures (sector chips, counts per place, the attract screen).
    pub figures: Option<&'a Figures>,
    /// The page share links point at (none: no public address is known).
    pub share_base: Option<&'a str>,
    pub countdown: Countdown,
    pub today: &'a str,
    /// The host has the `staff` attribute: the staff panel is always shown (a staff-only screen).
    pub staff_attribute: bool,
}

/// A small clock drawn in SVG (emoji fonts are not on every kiosk).
fn clock_icon(doc: &web_sys::Document) -> Element {
    let svg = chart::svg_el(doc, "svg");
    for (k, v) in [("class", "om-k-clock-icon"), ("viewBox", "0 0 24 24"), ("aria-hidden", "true"), ("focusable", "false")] {
        let _ = svg.set_attribute(k, v);
    }
    let circle = chart::svg_el(doc, "circle");
    for (k, v) in [("cx", "12"), ("cy", "13"), ("r", "9"), ("fill", "none"), ("stroke", "currentColor"), ("stroke-width", "2.2")] {
        let _ = circle.set_attribute(k, v);
    }
    let hands = chart::svg_el(doc, "path");
    for (k, v) in
        [("d", "M12 8v5l3.5 2M9 2h6"), ("fill", "none"), ("stroke", "currentColor"), ("stroke-width", "2.2"), ("stroke-linecap", "round")]
    {
        let _ = hands.set_attribute(k, v);
    }
    let _ = svg.append_child(&circle);
    let _ = svg.append_child(&hands);
    svg
}

/// The kiosk's layout of the frame's pieces: the attract screen; the header with the countdown,
/// "start over" and full screen; the idle warning; three columns (the form with the quick
/// choices, the results, the hand-off with the staff's tools); the footer; and the print view,
/// the report dialog and the drop highlight.
pub fn frame(cx: &Ctx, p: Pieces) -> (Frame, Parts) {
    let doc = cx.doc;
    let f = fair_ui(cx.lang);
    let k = |action: KioskAction| Action::Kiosk(action);

    // Header: countdown, start over, full screen.
    let countdown = el(doc, "span").class("om-k-clock").attr("aria-hidden", "true").build();
    let clock_box = el(doc, "p")
        .class("om-k-countdown")
        .attr("title", f.countdown_label)
        .hidden(true)
        .child(clock_icon(doc))
        .child(&countdown)
        .child(sr_only(doc, f.countdown_label))
        .build();
    let bar = el(doc, "div")
        .class("om-k-bar")
        .child(&clock_box)
        .child(button(doc, "om-button om-secondary", &k(KioskAction::Restart), f.start_over))
        .child(button(doc, "om-button om-secondary om-k-fullscreen", &k(KioskAction::Fullscreen), f.fullscreen));
    let _ = p.header.append_child(&bar.build());

    // The idle warning: a sticky bar with the seconds left and a big "continue" button.
    let warning_text = el(doc, "p").class("om-k-warning-text").build();
    let warning = el(doc, "div")
        .class("om-k-warning")
        .attr("role", "alert")
        .hidden(true)
        .child(el(doc, "p").class("om-k-warning-title").text(f.still_there))
        .child(&warning_text)
        .child(button(doc, "om-button", &k(KioskAction::Continue), f.keep_going))
        .build();

    // Three columns: the query with its quick choices, the results, the hand-off.
    let pickers = el(doc, "section").class("om-k-pickers").attr("aria-label", f.pick).build();
    let handoff = el(doc, "section").class("om-k-handoff").attr("aria-label", f.handoff).build();
    let file = el(doc, "input")
        .class("om-k-file")
        .attr("type", "file")
        .attr("accept", ".xlsx,.xls,.ods,.et,.csv,.tsv,.json,.jsonl,.ndjson,.txt,.oml,text/csv,application/json")
        .attr("aria-label", f.load_list)
        .hidden(true)
        .build();
    // Not offered to every visitor: five quick taps on the title, Ctrl+Shift+L, or the host's
    // `staff` attribute open it (README: Fair mode).
    let staff = el(doc, "section")
        .class("om-k-staff")
        .attr("aria-label", f.staff)
        .hidden(true)
        .child(el(doc, "h3").class("om-k-h").text(f.staff))
        .child(button(doc, "om-button om-secondary om-k-load", &k(KioskAction::OpenFile), f.load_list))
        .child(el(doc, "p").class("om-hint").text(f.load_hint))
        .child(&file)
        .child(button(doc, "om-button om-secondary om-k-staff-close", &k(KioskAction::ToggleStaff), f.close))
        .build();
    if let Ok(Some(title)) = p.header.query_selector(".om-title") {
        let (tap, _) = k(KioskAction::StaffTap { now: 0.0 }).dom().unwrap_or_default();
        let _ = title.set_attribute("data-action", tap);
    }
    let frame = p.frame;
    let query = el(doc, "div").class("om-k-col om-k-query").child(&p.form).child(&pickers);
    let main = el(doc, "div").class("om-k-col om-k-main").children([&frame.status, &p.tabs, &frame.results, &frame.shortlist]);
    let side = el(doc, "div").class("om-k-col om-k-side").child(&handoff).child(&staff);
    let cols = el(doc, "div").class("om-k-cols").child(query).child(main).child(side);

    // A tap anywhere on the attract screen starts.
    let (start, _) = k(KioskAction::Start).dom().unwrap_or_default();
    let attract = el(doc, "section").class("om-attract").attr("data-action", start).attr("aria-label", f.attract_title).build();
    let print = el(doc, "section").class("om-print").attr("aria-hidden", "true").build();
    let report = el(doc, "dialog").class("om-k-report").attr("aria-label", f.report_title).build();
    let drop = el(doc, "div").class("om-k-drop").attr("aria-hidden", "true").child(el(doc, "p").text(f.drop_here));
    for piece in [&attract, &p.header, &warning, &cols.build(), &frame.footer, &print, &report, &drop.build()] {
        let _ = frame.container.append_child(piece);
    }
    let _ = frame.container.set_attribute("aria-label", cx.ui.title);

    let parts = Parts {
        attract,
        countdown,
        clock_box,
        warning,
        warning_text,
        pickers,
        handoff,
        print,
        report,
        file,
        staff,
        drawn: Drawn::default(),
    };
    (frame, parts)
}

/// Brings the kiosk's parts up to date with the state.
pub fn render(cx: &Ctx, parts: &mut Parts, container: &Element, state: &State, inputs: &Inputs) {
    let k = &state.kiosk;
    let classes = container.class_list();
    let _ = classes.toggle_with_force("om-attracting", k.attract);
    let _ = classes.toggle_with_force("om-dragging", k.dragging.is_some());
    let _ = classes.toggle_with_force("om-reading", k.reading);
    let _ = parts.staff.toggle_attribute_with_force("hidden", !(k.staff || inputs.staff_attribute));
    attract::render(cx, &parts.attract, &mut parts.drawn.attract, state, inputs.figures);
    if !k.attract {
        pickers::render(cx, &parts.pickers, state, inputs.figures);
        handoff::render(cx, &parts.handoff, &mut parts.drawn.link, state, inputs.share_base);
    }
    handoff::render_print(cx, &parts.print, &mut parts.drawn.print, state, inputs);
    report::render(cx, &parts.report, k.report.as_ref());
    render_clock(cx, parts, state, inputs);
}

/// The countdown and the idle warning (and the QR code while counting down: a `share-base`
/// changed on the running kiosk shows within a second).
pub fn render_clock(cx: &Ctx, parts: &mut Parts, state: &State, inputs: &Inputs) {
    let c = inputs.countdown;
    let _ = parts.clock_box.toggle_attribute_with_force("hidden", !c.running);
    parts.countdown.set_text_content(Some(&if c.running { clock(c.left) } else { String::new() }));
    if c.warn {
        parts.warning_text.set_text_content(Some(&resetting_in(cx.lang, c.left)));
    }
    let _ = parts.warning.toggle_attribute_with_force("hidden", !c.warn);
    if c.running {
        handoff::render(cx, &parts.handoff, &mut parts.drawn.link, state, inputs.share_base);
    }
}
