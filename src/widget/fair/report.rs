//! The report of a list file loaded at the fair (a spreadsheet, a CSV/TSV in any encoding the core
//! detects, a JSON or a compact `.oml` file, dropped anywhere on the kiosk or chosen with the file
//! picker): how the table was read (header, columns, units, skipped rows), how many projects loaded
//! and, for every rejected row, its row number, field, value and the reason in plain words; or why
//! the file could not be read as a list, in which case the old list stays.

use crate::widget::action::{Action, KioskAction};
use crate::widget::dom::{button, clear, el};
use crate::widget::i18n::fair::{counted, fair_ui, loaded_line};
use crate::widget::state::Report;
use crate::widget::view::Ctx;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlDialogElement};

/// Shows (or closes) the report dialog.
pub fn render(cx: &Ctx, dialog: &Element, report: Option<&Report>) {
    let Some(dialog) = dialog.dyn_ref::<HtmlDialogElement>() else { return };
    let Some(report) = report else {
        if dialog.open() {
            dialog.close();
        }
        clear(dialog);
        return;
    };
    let doc = cx.doc;
    let lang = cx.lang;
    let f = fair_ui(lang);
    clear(dialog);
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
    body =
        body.child(el(doc, "div").class("om-actions").child(button(doc, "om-button", &Action::Kiosk(KioskAction::CloseReport), f.close)));
    let _ = dialog.set_attribute("aria-labelledby", "om-k-report-title");
    let _ = dialog.append_child(&body.build());
    if !dialog.open() && dialog.is_connected() {
        let _ = dialog.show_modal();
    }
}
