//! The publisher module for the browser (feature `publish`, built by `scripts/build-sheets.sh` as
//! `www/pkg/opportunity_matcher_publish*`), loaded only by the publisher page (`www/publish.html`):
//! the core's one reader with the spreadsheet reader inside, the official's corrections
//! ([`ReadingChoices`]), and the writers of the normalised JSON and the compact form. Neither the
//! portal widget nor the spreadsheet module carries the writers.
//!
//! ```js
//! import init, { ListDraft } from "./pkg/opportunity_matcher_publish.js";
//! await init();
//! const draft = ListDraft.fromBytes(new Uint8Array(await file.arrayBuffer()), file.name, null, "zh-Hans");
//! draft.reading("zh-Hans").lines; draft.rejected("zh-Hans"); draft.json(); draft.compact();
//! ```

use crate::js_values::{lang_of, reading_js, to_js};
use crate::list::{load_bytes_with, report_lines, to_normalised_json, ColumnRole, OpportunityList, ReadingChoices};
use crate::oml::to_compact;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[derive(Serialize)]
struct RowMessage<'a, T: Serialize> {
    #[serde(flatten)]
    item: &'a T,
    message: String,
}

/// Shows a readable message in the console instead of `unreachable`.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// A list being prepared for the portal (the publisher page, `www/publish.html`): read from the
/// official's file with their corrections of columns and units, shown as the reading and the
/// rejected rows, written out as the normalised JSON and the compact form (`.oml`) — what
/// `check` and `convert` do on the command line.
///
/// ```js
/// const draft = ListDraft.fromBytes(bytes, "清单.xlsx", { columns: [{ column: 3, role: "investment", unit: "亿元" }] }, "zh-Hans");
/// draft.report("zh-Hans");        // the lines `check` prints
/// download(draft.json()); download(draft.compact());
/// ```
#[wasm_bindgen(js_name = ListDraft)]
pub struct JsListDraft {
    list: OpportunityList,
}

#[wasm_bindgen(js_class = ListDraft)]
impl JsListDraft {
    /// Reads a file's bytes as `Matcher.fromBytes` does (the same core reader), applying `choices` (`{columns: [{sheet,
    /// column, role, unit}]}`: `role` a field key from `columnRoles()` or `"ignore"`, `unit` like
    /// `万元`; `null` for none). Returns a `Promise<ListDraft>`, rejected with an `Error` in `lang`
    /// when the whole file cannot be read; a malformed `choices` throws.
    #[wasm_bindgen(js_name = fromBytes)]
    pub fn from_bytes(bytes: &[u8], file_name: &str, choices: JsValue, lang: Option<String>) -> Result<JsListDraft, JsError> {
        let choices: ReadingChoices = if choices.is_null() || choices.is_undefined() {
            ReadingChoices::default()
        } else {
            let json = js_sys::JSON::stringify(&choices).ok().and_then(|s| s.as_string()).unwrap_or_default();
            serde_json::from_str(&json).map_err(|e| JsError::new(&format!("choices: {e}")))?
        };
        let list = load_bytes_with(bytes, file_name, &choices).map_err(|e| JsError::new(&e.message(lang_of(lang))))?;
        Ok(JsListDraft { list })
    }

    /// Number of projects loaded.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.list.projects.len()
    }

    /// How the table was read (as `Matcher.reading`), or `null` for a compact list.
    pub fn reading(&self, lang: Option<String>) -> JsValue {
        reading_js(self.list.reading.as_ref(), lang_of(lang))
    }

    /// The whole report `check` prints, line by line, in `lang`.
    pub fn report(&self, lang: Option<String>) -> JsValue {
        let l = &self.list;
        to_js(&report_lines(l.reading.as_ref(), l.projects.len(), &l.rejected, &l.warnings, lang_of(lang)))
    }

    /// Rejected rows: `[{row, sheet, id, field, value, reason, message, reason_text}]`: `message`
    /// the whole sentence, `reason_text` the reason alone (for a table with row and field columns),
    /// both in `lang`.
    pub fn rejected(&self, lang: Option<String>) -> JsValue {
        let lang = lang_of(lang);
        #[derive(Serialize)]
        struct Rejected<'a> {
            #[serde(flatten)]
            row: RowMessage<'a, crate::list::Rejection>,
            reason_text: String,
        }
        let rows: Vec<_> = self
            .list
            .rejected
            .iter()
            .map(|r| Rejected { row: RowMessage { item: r, message: r.message(lang) }, reason_text: r.reason_text(lang) })
            .collect();
        to_js(&rows)
    }

    /// Load warnings: `[{row, field, value, kind, message}]`, message in `lang`.
    pub fn warnings(&self, lang: Option<String>) -> JsValue {
        let lang = lang_of(lang);
        to_js(&self.list.warnings.iter().map(|w| RowMessage { item: w, message: w.message(lang) }).collect::<Vec<_>>())
    }

    /// The list in the format's normalised JSON (what `convert LIST OUT.json` writes).
    pub fn json(&self) -> String {
        to_normalised_json(&self.list)
    }

    /// The list in the compact form (what `convert LIST OUT.oml` writes).
    pub fn compact(&self) -> Vec<u8> {
        to_compact(&self.list)
    }

    /// What a column can be given, for a menu: `[{key, label}]` in `lang`, every field and role.
    #[wasm_bindgen(js_name = columnRoles)]
    pub fn column_roles(lang: Option<String>) -> JsValue {
        let lang = lang_of(lang);
        #[derive(Serialize)]
        struct Item {
            key: &'static str,
            label: &'static str,
        }
        to_js(&ColumnRole::all().map(|r| Item { key: r.key(), label: r.label(lang) }).collect::<Vec<_>>())
    }

    /// The units an amount column can be given, for a menu: `[{key, label, scale, currency}]`,
    /// `label` in `lang`, `key` what `choices` takes.
    pub fn units(lang: Option<String>) -> JsValue {
        let lang = lang_of(lang);
        #[derive(Serialize)]
        struct Item {
            key: &'static str,
            label: String,
            #[serde(flatten)]
            unit: crate::money::MoneyUnit,
        }
        let units = ["元", "万元", "亿元", "美元", "万美元", "亿美元"].into_iter();
        to_js(
            &units
                .filter_map(|k| crate::money::MoneyUnit::parse(k).map(|unit| Item { key: k, label: unit.label(lang), unit }))
                .collect::<Vec<_>>(),
        )
    }
}
