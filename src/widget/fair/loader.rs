//! Loading an official's own list at the fair: a spreadsheet (.xlsx, .xls, .ods), CSV/TSV in any
//! encoding the core detects, JSON or the compact form, dropped anywhere on the kiosk or chosen
//! with the file picker. The bytes go through the one reader of every page
//! (`wasm::open_list`, as `Matcher.fromBytes`; a spreadsheet through the separately fetched
//! spreadsheet module), and a report says how the table was read (header, columns, units, skipped
//! rows), how many projects loaded and, for every rejected row, its row number, field, value and
//! the reason in plain words. A readable list replaces the old one at once, without a reload;
//! a file that cannot be read as a list leaves the old one in place.

use super::i18n::{counted, fair_ui, loaded_line};
use super::{Report, Weak};
use crate::rank::Matcher;
use crate::widget::dom::{action_button, clear, el};
use crate::widget::{App, Phase};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, Event, File, HtmlDialogElement, HtmlInputElement};

fn is_file_drag(e: &Event) -> bool {
    e.dyn_ref::<DragEvent>()
        .and_then(|d| d.data_transfer())
        .is_some_and(|dt| dt.types().iter().any(|t| t.as_string().as_deref() == Some("Files")))
}

/// `dragenter` / `dragover`: accept files, and highlight the kiosk as a drop target.
pub fn on_drag(app: &mut App, e: &Event) {
    if !super::is_kiosk(app) || !is_file_drag(e) {
        return;
    }
    e.prevent_default();
    if let Some(dt) = e.dyn_ref::<DragEvent>().and_then(|d| d.data_transfer()) {
        dt.set_drop_effect("copy");
    }
    let first = app.kiosk.dragging.is_none();
    app.kiosk.dragging = Some(js_sys::Date::now());
    if first {
        if let Some(shell) = &app.shell {
            let _ = shell.container.class_list().add_1("om-dragging");
        }
    }
}

/// `dragleave` out of the widget: no more highlight.
pub fn on_dragleave(app: &mut App, e: &Event) {
    let left = e.dyn_ref::<DragEvent>().is_some_and(|d| d.related_target().is_none());
    if left && app.kiosk.dragging.take().is_some() {
        if let Some(shell) = &app.shell {
            let _ = shell.container.class_list().remove_1("om-dragging");
        }
    }
}

/// `drop`: read the first file. The event stops here, so the element's own drop handler (which
/// loads without a report) does not load it a second time.
pub fn on_drop(app: &mut App, e: &Event, weak: Weak<RefCell<App>>) {
    if !super::is_kiosk(app) {
        return;
    }
    let file = e.dyn_ref::<DragEvent>().and_then(|d| d.data_transfer()).and_then(|dt| dt.files()).and_then(|f| f.get(0));
    app.kiosk.dragging = None;
    if let Some(shell) = &app.shell {
        let _ = shell.container.class_list().remove_1("om-dragging");
    }
    let Some(file) = file else { return };
    e.prevent_default();
    e.stop_propagation();
    read(file, weak);
}

/// `change` of the file picker.
pub fn on_file_chosen(app: &mut App, e: &Event, weak: Weak<RefCell<App>>) {
    let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else { return };
    if !super::is_kiosk(app) || !input.class_list().contains("om-k-file") {
        return;
    }
    let file = input.files().and_then(|f| f.get(0));
    input.set_value("");
    if let Some(file) = file {
        read(file, weak);
    }
}

fn read(file: File, weak: Weak<RefCell<App>>) {
    let name = file.name();
    if let Some(app) = weak.upgrade() {
        if let Ok(a) = app.try_borrow() {
            if let Some(shell) = &a.shell {
                let _ = shell.container.class_list().add_1("om-reading");
            }
        }
    }
    let done = Closure::once(move |buffer: JsValue| {
        // The one reader of every page (`Matcher.fromBytes`): compact, spreadsheet, any text encoding.
        let bytes = js_sys::Uint8Array::new(&buffer);
        crate::wasm::open_list(&bytes, &name.clone(), move |loaded| super::with_weak(&weak, |a| show(a, loaded, &name)));
    });
    let _ = file.array_buffer().then(&done);
    // One small closure per file loaded; it has to outlive this call.
    done.forget();
}

/// What the list was read from, for the report's first line: the text encoding, or the format.
fn source_label(m: &Matcher) -> &'static str {
    use crate::list::{Format, SourceKind};
    match (m.format(), m.reading()) {
        (Format::Compact, _) => "OML",
        (_, Some(r)) if r.kind == SourceKind::Xlsx => "XLSX",
        (_, Some(r)) if r.kind == SourceKind::Xls => "XLS",
        (_, Some(r)) if r.kind == SourceKind::Ods => "ODS",
        // Officials know the encoding of their Excel exports as GBK.
        _ if m.encoding() == crate::list::Encoding::Gb18030 => "GBK/GB18030",
        _ => m.encoding().name(),
    }
}

/// Shows a list that loaded as the kiosk's list, or why it did not, and opens the report.
fn show(app: &mut App, loaded: Result<Matcher, crate::list::LoadError>, name: &str) {
    if let Some(shell) = &app.shell {
        let _ = shell.container.class_list().remove_1("om-reading");
    }
    let mut encoding = "";
    let mut reading = None;
    let outcome = match loaded {
        Ok(m) => {
            encoding = source_label(&m);
            reading = m.reading().cloned();
            let summary = (m.len(), m.rejected().to_vec(), m.warnings().to_vec());
            app.matcher = Some(m);
            app.phase = Phase::Ready;
            // Starred ids and the open project belonged to the old list.
            app.state.shortlist.clear();
            app.state.selected = None;
            app.touched = true;
            Ok(summary)
        }
        Err(e) => Err(e),
    };
    app.kiosk.report = Some(Report { file: name.to_string(), encoding, reading, outcome });
    super::activity(app);
    app.refresh(true);
}

/// Shows (or closes) the report dialog.
pub fn render_report(app: &mut App) {
    let Some(dialog) = app.kiosk.parts.as_ref().map(|p| p.report.clone()) else { return };
    let Ok(dialog) = dialog.dyn_into::<HtmlDialogElement>() else { return };
    let Some(report) = &app.kiosk.report else {
        if dialog.open() {
            dialog.close();
        }
        clear(&dialog);
        return;
    };
    let doc = &app.doc;
    let lang = app.state.lang;
    let f = fair_ui(lang);
    clear(&dialog);
    let mut body = el(doc, "div")
        .class("om-k-report-body")
        .child(el(doc, "h2").class("om-k-report-title").attr("id", "om-k-report-title").text(f.report_title));
    match &report.outcome {
        Err(e) => {
            body = body
                .child(
                    el(doc, "p").class("om-k-report-failed").attr("role", "alert").text(&format!("{} — {}", f.report_failed, report.file)),
                )
                .child(el(doc, "p").class("om-cause").text(&e.message(lang)))
                .child(el(doc, "p").text(f.report_kept));
        }
        Ok((loaded, rejected, warnings)) => {
            body = body.child(
                el(doc, "p").class("om-k-report-loaded").attr("role", "status").attr("data-loaded", &loaded.to_string()).text(&format!(
                    "{} · {}",
                    loaded_line(lang, *loaded, &report.file),
                    report.encoding
                )),
            );
            if let Some(reading) = &report.reading {
                // How the table was read, before the rejections: the official checks the header,
                // the units and the skipped rows first.
                let items = reading.lines(lang).into_iter().map(|line| {
                    let depth = line.len() - line.trim_start().len();
                    let class = match depth {
                        0 => "om-k-reading-line",
                        1..=3 => "om-k-reading-sub",
                        _ => "om-k-reading-detail",
                    };
                    el(doc, "li").class(class).text(line.trim_start())
                });
                body = body.child(
                    el(doc, "details")
                        .class("om-k-reading")
                        .attr("open", "")
                        .child(el(doc, "summary").text(f.reading_title))
                        .child(el(doc, "ul").children(items)),
                );
            }
            if !rejected.is_empty() {
                let head = el(doc, "tr")
                    .child(el(doc, "th").attr("scope", "col").text(f.row))
                    .child(el(doc, "th").attr("scope", "col").text(f.field))
                    .child(el(doc, "th").attr("scope", "col").text(f.value))
                    .child(el(doc, "th").attr("scope", "col").text(f.reason));
                let rows = rejected.iter().map(|r| {
                    el(doc, "tr")
                        .class("om-k-rejected")
                        .attr("data-row", &r.row.to_string())
                        .attr("data-field", r.field.key())
                        .child(el(doc, "td").class("om-k-row").text(&r.row.to_string()))
                        .child(el(doc, "td").class("om-k-field").text(r.field.label(lang)))
                        .child(el(doc, "td").class("om-k-value").text(&r.value))
                        .child(el(doc, "td").class("om-k-reason").attr("title", &r.message(lang)).text(&r.reason_text(lang)))
                });
                let table = el(doc, "table")
                    .class("om-k-report-table")
                    .child(el(doc, "caption").text(&counted(lang, f.rejected_rows, rejected.len())))
                    .child(el(doc, "thead").child(head))
                    .child(el(doc, "tbody").children(rows));
                body = body.child(
                    el(doc, "div")
                        .class("om-table-wrap")
                        .attr("tabindex", "0")
                        .attr("role", "region")
                        .attr("aria-label", f.rejected_rows)
                        .child(table),
                );
            }
            if !warnings.is_empty() {
                let items = warnings.iter().take(100).map(|w| el(doc, "li").text(&w.message(lang)));
                body = body.child(
                    el(doc, "details")
                        .class("om-k-report-warnings")
                        .child(el(doc, "summary").text(&counted(lang, f.warnings, warnings.len())))
                        .child(el(doc, "ul").children(items)),
                );
            }
        }
    }
    body = body.child(el(doc, "div").class("om-actions").child(action_button(doc, "om-button", "k-report-close", None, f.close)));
    let _ = dialog.set_attribute("aria-labelledby", "om-k-report-title");
    let _ = dialog.append_child(&body.build());
    if !dialog.open() && dialog.is_connected() {
        let _ = dialog.show_modal();
    }
}
