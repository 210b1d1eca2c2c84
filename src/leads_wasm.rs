//! The leads page's entry into the main wasm module (`www/leads.html`, run in a Web Worker by
//! `www/leads-worker.js`): a list and a leads sheet as bytes in, both views out. A thin layer over
//! [`crate::leads`]; the portal widget never calls it.
//!
//! ```js
//! import init, { matchLeads, toCsv } from "./pkg/opportunity_matcher.js";
//! await init();
//! const out = matchLeads(listBytes, "list.json", leadsBytes, "leads.csv", { top: 10, lang: "en" },
//!                        (done, total) => postMessage({ done, total }));
//! // out = { report: {leads, projects, rejected, reading}, tables: {leads: [[…]], projects: [[…]]}, list: {…} }
//! const text = toCsv(out.tables.leads);   // formula-safe, BOM, for Excel
//! ```

use crate::leads::{match_leads as core_match_leads, read_leads, sheet_error, LeadsOptions};
use crate::list::load_bytes;
use crate::rank::Matcher;
use crate::Lang;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

#[derive(Deserialize, Default)]
#[serde(default)]
struct Options {
    top: Option<usize>,
    lang: Option<String>,
    today: Option<String>,
}

/// Matches a leads sheet against a list, both ways. `list` and `leads` are file bytes (CSV, TSV,
/// JSON, a compact list, or a spreadsheet already turned into grid bytes by the sheets module's
/// `readSpreadsheet`); `options` is `{top, lang, today}`; `progress(done, total)` is called as
/// leads are done. Returns `{report, tables, list}`: the report of `opportunity-matcher leads`,
/// the two CSV tables as arrays of rows, and the list's summary. Throws an `Error` in `lang` when
/// either file cannot be read as a whole.
#[wasm_bindgen(js_name = matchLeads)]
pub fn match_leads(
    list: &[u8],
    list_name: &str,
    leads: &[u8],
    leads_name: &str,
    options: JsValue,
    progress: Option<js_sys::Function>,
) -> Result<JsValue, JsError> {
    let json = js_sys::JSON::stringify(&options).ok().and_then(|s| s.as_string()).unwrap_or_default();
    let options: Options = serde_json::from_str(&json).unwrap_or_default();
    let lang = options.lang.as_deref().map(Lang::from_tag).unwrap_or_default();
    let colon = lang.pick("：", "：", ": ");
    let list = load_bytes(list, list_name).map_err(|e| JsError::new(&format!("{list_name}{colon}{}", e.message(lang))))?;
    let matcher = Matcher::new(list);
    let sheet = read_leads(leads, leads_name).map_err(|e| JsError::new(&format!("{leads_name}{colon}{}", sheet_error(&e, lang))))?;
    let options = LeadsOptions { top: options.top.unwrap_or(10), lang, today: options.today };
    // A call per percent at most: crossing into JavaScript for each of 10,000 leads costs little,
    // but a progress bar needs no more.
    let mut last = usize::MAX;
    let mut report_progress = |done: usize, total: usize| {
        let percent = done * 100 / total.max(1);
        if percent != last {
            last = percent;
            if let Some(f) = &progress {
                let _ = f.call2(&JsValue::NULL, &JsValue::from(done as f64), &JsValue::from(total as f64));
            }
        }
    };
    let report = core_match_leads(&matcher, &sheet, &options, &mut report_progress);
    let (by_lead, by_project) = report.tables(lang);
    #[derive(Serialize)]
    struct Tables {
        leads: Vec<Vec<String>>,
        projects: Vec<Vec<String>>,
    }
    #[derive(Serialize)]
    struct ListInfo {
        title: Option<String>,
        projects: usize,
        summary: String,
    }
    #[derive(Serialize)]
    struct Out<'a> {
        report: &'a crate::leads::LeadsReport,
        tables: Tables,
        list: ListInfo,
    }
    let list = ListInfo { title: matcher.meta().title.clone(), projects: matcher.len(), summary: matcher.summary(lang) };
    let out = Out { report: &report, tables: Tables { leads: by_lead, projects: by_project }, list };
    let json = serde_json::to_string(&out).map_err(|e| JsError::new(&e.to_string()))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("JSON"))
}

/// Rows (arrays of strings) as CSV text for Excel: UTF-8 with BOM, every cell quoted, a cell that
/// would run as a formula neutralised ([`crate::csv::to_csv`]).
#[wasm_bindgen(js_name = toCsv)]
pub fn to_csv(rows: JsValue) -> String {
    let json = js_sys::JSON::stringify(&rows).ok().and_then(|s| s.as_string()).unwrap_or_default();
    let rows: Vec<Vec<String>> = serde_json::from_str(&json).unwrap_or_default();
    crate::csv::to_csv(&rows)
}
