//! The leads page's entry (`www/leads.html`, run in a Web Worker by `www/leads-worker.js`): a list
//! and a leads sheet as bytes in — CSV, TSV, JSON or a spreadsheet, read by the module itself —,
//! both views out (JSON text, and the CSV of what the page shows). A thin layer over
//! [`crate::leads`], built into the publisher module (feature `publish`, which has the spreadsheet
//! reader): neither the portal widget nor the fair page carries it.
//!
//! ```js
//! import init, { matchLeads } from "./pkg/opportunity_matcher_publish.js";
//! await init();
//! const answer = matchLeads(listBytes, "list.json", leadsBytes, "leads.csv", { top: 10, lang: "en" },
//!                           (done, total) => postMessage({ done, total }));
//! const out = JSON.parse(answer.json());   // {report: {leads, projects, rejected, reading}, list: {…}}
//! const text = answer.csv("projects", ["SC-0001"]);   // formula-safe, BOM, for Excel
//! ```

use crate::leads::{match_leads as core_match_leads, read_leads, sheet_error, LeadsOptions, LeadsReport};
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

/// The answer of [`match_leads`], kept in the module so that the page gets it as one JSON text
/// (parsed once, where it is shown) and asks for the CSV of what it shows without sending the
/// answer back.
#[wasm_bindgen]
pub struct LeadsMatch {
    report: LeadsReport,
    lang: Lang,
    list: ListInfo,
}

#[derive(Serialize)]
struct ListInfo {
    title: Option<String>,
    projects: usize,
    summary: String,
}

#[wasm_bindgen]
impl LeadsMatch {
    /// `{report: {leads, projects, rejected, reading}, list: {title, projects, summary}}` as JSON
    /// text: the report of `opportunity-matcher leads`.
    pub fn json(&self) -> String {
        #[derive(Serialize)]
        struct Out<'a> {
            report: &'a LeadsReport,
            list: &'a ListInfo,
        }
        serde_json::to_string(&Out { report: &self.report, list: &self.list }).unwrap_or_else(|_| "null".into())
    }

    /// One view (`"leads"` or `"projects"`) as CSV for Excel, only the leads (or projects) whose
    /// ids are given (all when `ids` is not an array): formula-safe, UTF-8 with BOM.
    pub fn csv(&self, view: &str, ids: JsValue) -> String {
        let (by_lead, by_project) = self.report.tables(self.lang);
        let table = if view == "projects" { by_project } else { by_lead };
        let json = js_sys::JSON::stringify(&ids).ok().and_then(|s| s.as_string()).unwrap_or_default();
        let rows: Vec<Vec<String>> = match serde_json::from_str::<Vec<String>>(&json) {
            Ok(ids) => {
                let ids: std::collections::HashSet<String> = ids.into_iter().collect();
                table
                    .into_iter()
                    .enumerate()
                    .filter(|(k, row)| *k == 0 || row.first().is_some_and(|id| ids.contains(id)))
                    .map(|(_, r)| r)
                    .collect()
            }
            Err(_) => table,
        };
        crate::csv::to_csv(&rows)
    }
}

/// Matches a leads sheet against a list, both ways. `list` and `leads` are file bytes (CSV, TSV,
/// JSON, a compact list, or a spreadsheet already turned into grid bytes by the sheets module's
/// `readSpreadsheet`); `options` is `{top, lang, today}`; `progress(done, total)` is called as
/// leads are done. Returns a [`LeadsMatch`] (its `json()`, its `csv(view, ids)`). Throws an
/// `Error` in `lang` when either file cannot be read as a whole.
#[wasm_bindgen(js_name = matchLeads)]
pub fn match_leads(
    list: &[u8],
    list_name: &str,
    leads: &[u8],
    leads_name: &str,
    options: JsValue,
    progress: Option<js_sys::Function>,
) -> Result<LeadsMatch, JsError> {
    let json = js_sys::JSON::stringify(&options).ok().and_then(|s| s.as_string()).unwrap_or_default();
    let options: Options = serde_json::from_str(&json).unwrap_or_default();
    let lang = options.lang.as_deref().map(Lang::from_tag).unwrap_or_default();
    let colon = lang.pick("：", "：", ": ");
    let list = load_bytes(list, list_name).map_err(|e| JsError::new(&format!("{list_name}{colon}{}", e.message(lang))))?;
    let matcher = Matcher::new(list);
    let sheet = read_leads(leads, leads_name).map_err(|e| JsError::new(&format!("{leads_name}{colon}{}", sheet_error(&e, lang))))?;
    let options = LeadsOptions { top: options.top.unwrap_or(10), lang, today: options.today };
    // A call per percent at most: a progress bar needs no more.
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
    let list = ListInfo { title: matcher.meta().title.clone(), projects: matcher.len(), summary: matcher.summary(lang) };
    Ok(LeadsMatch { report, lang, list })
}
