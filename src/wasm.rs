//! The JavaScript API (the contract (docs/contract.md, "Interfaces")): a thin layer over the core. Values cross the boundary as JSON
//! (`serde_json` + `JSON.parse`), which keeps one serializer in the bundle. Everything but what the
//! element needs (`prepare`, `prepareTypeAhead`, `heapBytes`, reading lists) is behind the `api`
//! feature, which the portal build leaves out.
//!
//! ```js
//! import init, { Matcher } from "./pkg/opportunity_matcher.js";
//! await init();
//! const m = await Matcher.fromBytes(new Uint8Array(await file.arrayBuffer()), file.name, "zh-Hans");
//! m.length; m.rejected("zh-Hans"); m.reading("zh-Hans").lines;   // how the table was read
//! const r = m.rank({ industry: "動力電池", budget: "30亿", region: "成都", top: 10 });
//! ```

use crate::gazetteer::Gazetteer;
#[cfg(feature = "api")]
use crate::gazetteer::Suggestion;
#[cfg(feature = "api")]
use crate::js_values::{lang_of, reading_js, to_js};
use crate::list::{is_spreadsheet, LoadError, ReadingChoices};
#[cfg(feature = "api")]
use crate::list::{read_text_table, report_lines};
use crate::oml::is_compact;
#[cfg(feature = "api")]
use crate::present::{ListStats, ProjectView};
use crate::rank::Matcher as CoreMatcher;
#[cfg(feature = "api")]
use crate::rank::Query;
use crate::taxonomy::Taxonomy;
#[cfg(feature = "api")]
use crate::Lang;
#[cfg(feature = "api")]
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// A query from JavaScript (`undefined` or `null`: no query), the counterpart of [`to_js`].
#[cfg(all(feature = "api", not(feature = "serde-wasm-bindgen")))]
fn query_from_js(query: &JsValue) -> Result<Query, JsError> {
    let json = js_sys::JSON::stringify(query).ok().and_then(|s| s.as_string()).unwrap_or_default();
    if json.is_empty() || json == "undefined" || json == "null" {
        return Ok(Query::default());
    }
    serde_json::from_str(&json).map_err(|e| JsError::new(&format!("query: {e}")))
}

#[cfg(feature = "serde-wasm-bindgen")]
fn query_from_js(query: &JsValue) -> Result<Query, JsError> {
    if query.is_undefined() || query.is_null() {
        return Ok(Query::default());
    }
    serde_wasm_bindgen::from_value(query.clone()).map_err(|e| JsError::new(&format!("query: {e}")))
}

/// Shows a readable message in the console (and lets the widget show one) instead of `unreachable`.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Builds the reference data now rather than on first use: the regions and their name indexes, the
/// industries, the Traditional→Simplified table and the fingerprint a compact list is checked
/// against. Every list load and every query needs them; the loader calls this while the list is
/// still downloading, so that the work is not added after it arrives. Calling it again does nothing.
///
/// ```js
/// import init, { prepare } from "./pkg/opportunity_matcher.js";
/// await init();
/// prepare();
/// ```
#[wasm_bindgen]
pub fn prepare() {
    Taxonomy::global();
    Gazetteer::global();
    crate::oml::data_fingerprint();
}

/// Builds the type-ahead index of place names now rather than on the first keystroke in the
/// region field (it is left out of [`prepare`] and of loading a list, which do not need it). The
/// element calls it when the browser is idle after showing the first results.
#[wasm_bindgen(js_name = prepareTypeAhead)]
pub fn prepare_type_ahead() {
    Gazetteer::global().suggest("成", 1);
}

// The spreadsheet module (`scripts/build-sheets.sh`: www/pkg/opportunity_matcher_sheets.js beside
// this module's glue) is imported the first time a spreadsheet is opened, never before. This
// snippet lands in pkg/snippets/<crate>-<hash>/, two levels below pkg/.
#[wasm_bindgen(inline_js = r#"
let sheetsUrl = null;
let sheets = null;
export function set_sheets_module_url(url) { sheetsUrl = url; sheets = null; }
export function read_spreadsheet(bytes, name, load, fail) {
  if (!sheets) {
    const url = sheetsUrl ?? new URL("../../opportunity_matcher_sheets.js", import.meta.url).href;
    sheets = import(url).then(async (m) => { await m.default(); return m; });
    sheets.catch(() => { sheets = null; });
  }
  sheets.then((m) => m.readSpreadsheet(bytes, name)).then(load, fail);
}
"#)]
extern "C" {
    fn set_sheets_module_url(url: &str);
    /// Hands the grid of a workbook from the spreadsheet module to `load`, or the error to `fail`.
    fn read_spreadsheet(bytes: &js_sys::Uint8Array, name: &str, load: &JsValue, fail: &JsValue);
}

/// Where `Matcher.fromBytes` imports the spreadsheet module from, when it is not beside this
/// module's glue (`pkg/opportunity_matcher_sheets.js`): a page that bundles or inlines the files.
#[wasm_bindgen(js_name = setSheetsModuleUrl)]
pub fn sheets_module_url(url: &str) {
    set_sheets_module_url(url);
}

/// The message of whatever a promise was rejected with.
fn message_of(error: &JsValue) -> String {
    js_sys::Reflect::get(error, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| error.as_string())
        .unwrap_or_default()
}

fn head_of(bytes: &js_sys::Uint8Array) -> [u8; 8] {
    let mut head = [0u8; 8];
    if bytes.length() >= 8 {
        bytes.subarray(0, 8).copy_to(&mut head);
    }
    head
}

/// A file's bytes to a matcher — the one path of every page (`Matcher.fromBytes`, the widget's
/// `src` and drops, the kiosk's drop). A compact list (`.oml`) is opened in place, its records kept
/// in the page's array; a workbook goes through the spreadsheet module (imported the first time)
/// and comes back as a grid; any other file is read from the page's array where it is
/// ([`CoreMatcher::from_source_into`]: a JSON, CSV or TSV list in UTF-8 is read from it a chunk at
/// a time, never copied whole into the wasm heap). The rows are built, validated, indexed and
/// stored as compact records one by one ([`CoreMatcher::from_table`]). `done` is called once, at once or when the
/// spreadsheet module answers.
pub(crate) fn open_list(bytes: &js_sys::Uint8Array, file_name: &str, done: impl FnOnce(Result<CoreMatcher, LoadError>) + 'static) {
    let head = head_of(bytes);
    if is_compact(&head) {
        done(compact_matcher(bytes));
        return;
    }
    let choices = ReadingChoices::default();
    if !is_spreadsheet(&head) {
        done(CoreMatcher::from_source_into(&JsBytes(bytes.clone()), file_name, Box::new(JsRecords::default())));
        return;
    }
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let name = file_name.to_string();
    let on_grid = {
        let done = done.clone();
        Closure::once_into_js(move |grid: JsValue| {
            if let Some(done) = done.borrow_mut().take() {
                let grid = js_sys::Uint8Array::new(&grid).to_vec();
                done(CoreMatcher::open_owned_bytes(grid, &name, &choices));
            }
        })
    };
    let on_error = Closure::once_into_js(move |error: JsValue| {
        let message = message_of(&error);
        let message = message.strip_prefix("the spreadsheet could not be read: ").unwrap_or(&message).to_string();
        if let Some(done) = done.borrow_mut().take() {
            done(Err(LoadError::Spreadsheet { message }));
        }
    });
    read_spreadsheet(bytes, file_name, &on_grid, &on_error);
}

/// A promise settled by a callback-style reader: resolved with `ok(value)`, or rejected with an
/// `Error` whose message is the load error in `lang`.
#[cfg(feature = "api")]
fn promise_of<T: 'static>(
    lang: Lang,
    start: impl FnOnce(Box<dyn FnOnce(Result<T, LoadError>)>),
    ok: impl FnOnce(T) -> JsValue + 'static,
) -> js_sys::Promise {
    let mut start = Some(start);
    let mut ok = Some(ok);
    js_sys::Promise::new(&mut |resolve, reject| {
        let (Some(start), Some(ok)) = (start.take(), ok.take()) else { return };
        start(Box::new(move |result| {
            let _ = match result {
                Ok(v) => resolve.call1(&JsValue::NULL, &ok(v)),
                Err(e) => reject.call1(&JsValue::NULL, &JsError::new(&e.message(lang)).into()),
            };
        }));
    })
}

/// A loaded, indexed opportunity list.
#[cfg(feature = "api")]
#[wasm_bindgen(js_name = Matcher)]
pub struct JsMatcher {
    inner: CoreMatcher,
}

#[cfg(feature = "api")]
#[derive(Serialize)]
struct RowMessage<'a, T: Serialize> {
    #[serde(flatten)]
    item: &'a T,
    message: String,
}

#[cfg(feature = "api")]
#[wasm_bindgen(js_class = Matcher)]
impl JsMatcher {
    /// Loads a list from text (JSON or CSV; `name` guides the format). Throws an `Error` whose
    /// message says what is wrong when the whole list cannot be read (empty, broken JSON, no name
    /// column); bad rows do not throw, see `rejected()`.
    #[wasm_bindgen(js_name = fromText)]
    pub fn from_text(text: &str, name: &str) -> Result<JsMatcher, JsError> {
        let table = read_text_table(text, name, crate::list::Vocabulary::List).map_err(|e| JsError::new(&e.message(Lang::En)))?;
        Ok(JsMatcher { inner: CoreMatcher::from_table(table).map_err(|e| JsError::new(&e.message(Lang::En)))? })
    }

    /// Loads a list from a file's bytes — the one path for every file a page gets: a spreadsheet
    /// (`.xlsx`, `.xls`, `.ods`: the spreadsheet module is imported the first time, see
    /// `setSheetsModuleUrl`), CSV/TSV/JSON in any encoding the core detects (UTF-8, UTF-16,
    /// GB18030, Big5; decoded in Rust with the browser's `TextDecoder`), the compact form
    /// (`.oml`), or a grid from the spreadsheet module. Returns a `Promise<Matcher>`, rejected with
    /// an `Error` whose message, in `lang`, says why the whole file cannot be read; bad rows do not
    /// reject, see `rejected()`, `warnings()` and `reading()`.
    #[wasm_bindgen(js_name = fromBytes)]
    pub fn from_bytes(bytes: &js_sys::Uint8Array, file_name: &str, lang: Option<String>) -> js_sys::Promise {
        let (bytes, name) = (bytes.clone(), file_name.to_string());
        promise_of(lang_of(lang), move |done| open_list(&bytes, &name, done), |inner| JsValue::from(JsMatcher { inner }))
    }

    /// How the list's table was read, or `null` for a compact list: `{kind, encoding, json_path,
    /// sheets: [{name, header_rows, above_header, columns: [{column, header, role, unit: {unit:
    /// {scale, currency}, source: {kind, …}}, ignored}], groups, skipped, filled, sequence,
    /// sector_hint, data_rows}], ignored_sheets, lines}`; `lines` is the reading in plain words,
    /// in `lang` (what `check` prints first).
    pub fn reading(&self, lang: Option<String>) -> JsValue {
        reading_js(self.inner.reading(), lang_of(lang))
    }

    /// The whole report `check` prints, line by line, in `lang`: how the table was read, the
    /// summary, then the rejected rows and the warnings.
    pub fn report(&self, lang: Option<String>) -> JsValue {
        let m = &self.inner;
        to_js(&report_lines(m.reading(), m.len(), m.rejected(), m.warnings(), lang_of(lang)))
    }

    /// Number of projects loaded.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.inner.len()
    }

    /// Rejected rows: `[{row, id, field, value, reason, message}]`, message in `lang`.
    pub fn rejected(&self, lang: Option<String>) -> JsValue {
        let lang = lang_of(lang);
        let rows: Vec<_> = self.inner.rejected().iter().map(|r| RowMessage { item: r, message: r.message(lang) }).collect();
        to_js(&rows)
    }

    /// Load warnings: `[{row, field, value, kind, message}]`, message in `lang`.
    pub fn warnings(&self, lang: Option<String>) -> JsValue {
        let lang = lang_of(lang);
        let rows: Vec<_> = self.inner.warnings().iter().map(|w| RowMessage { item: w, message: w.message(lang) }).collect();
        to_js(&rows)
    }

    /// The list's title, publisher, date, notice and a summary line in `lang`.
    pub fn meta(&self, lang: Option<String>) -> JsValue {
        #[derive(Serialize)]
        struct Meta<'a> {
            #[serde(flatten)]
            meta: &'a crate::list::ListMeta,
            format: crate::list::Format,
            encoding: crate::list::Encoding,
            summary: String,
        }
        let m = &self.inner;
        to_js(&Meta { meta: m.meta(), format: m.format(), encoding: m.encoding(), summary: m.summary(lang_of(lang)) })
    }

    /// Ranks the list: `query` is `{industry, budget, region, keywords, sector, cooperation, stage,
    /// investment, top, lang, weights, today}`, all optional. Returns `{query, warnings, results,
    /// matched, suggestions}`; each result is `{id, name, score, parts, reasons, index}`.
    pub fn rank(&self, query: JsValue) -> Result<JsValue, JsError> {
        let query = query_from_js(&query)?;
        let response = self.inner.rank(&query);
        #[derive(Serialize)]
        struct WithIndex<'a> {
            #[serde(flatten)]
            result: &'a crate::rank::RankedProject,
            index: usize,
        }
        #[derive(Serialize)]
        struct Response<'a> {
            query: &'a crate::rank::Understood,
            warnings: &'a [String],
            results: Vec<WithIndex<'a>>,
            matched: usize,
            suggestions: &'a [String],
        }
        Ok(to_js(&Response {
            query: &response.query,
            warnings: &response.warnings,
            results: response.results.iter().map(|r| WithIndex { result: r, index: r.index }).collect(),
            matched: response.matched,
            suggestions: &response.suggestions,
        }))
    }

    /// A project formatted for display in `lang` (see `ProjectView`), by its position in the list.
    pub fn project(&self, index: usize, lang: Option<String>) -> JsValue {
        match self.inner.project(index) {
            Some(p) => to_js(&ProjectView::new(&p, lang_of(lang))),
            None => JsValue::NULL,
        }
    }

    /// The position of the project with this id, or -1.
    #[wasm_bindgen(js_name = indexOf)]
    pub fn index_of(&self, id: &str) -> i32 {
        self.inner.position(id).map_or(-1, |i| i as i32)
    }

    /// Headline figures: projects, total investment, by sector and by province.
    pub fn stats(&self, lang: Option<String>) -> JsValue {
        to_js(&ListStats::from_facets(self.inner.facets(), lang_of(lang)))
    }
}

/// Taxonomy nodes as `[{key, label}]` in `lang`.
#[cfg(feature = "api")]
fn taxonomy_items(nodes: impl IntoIterator<Item = crate::taxonomy::NodeId>, lang: Lang) -> JsValue {
    #[derive(Serialize)]
    struct Item {
        key: String,
        label: String,
    }
    let t = Taxonomy::global();
    let items: Vec<Item> = nodes.into_iter().map(|n| Item { key: t.node(n).key.clone(), label: t.label(n, lang).to_string() }).collect();
    to_js(&items)
}

/// Industry suggestions for type-ahead: `[{key, label}]`.
#[cfg(feature = "api")]
#[wasm_bindgen(js_name = suggestIndustry)]
pub fn suggest_industry(prefix: &str, lang: Option<String>, limit: Option<usize>) -> JsValue {
    let lang = lang_of(lang);
    taxonomy_items(Taxonomy::global().suggest(prefix, lang, limit.unwrap_or(8)), lang)
}

/// Region suggestions for type-ahead: `[{label, path, code, level}]` (level: province, city,
/// county, zone or economic-zone).
#[cfg(feature = "api")]
#[wasm_bindgen(js_name = suggestRegion)]
pub fn suggest_region(prefix: &str, lang: Option<String>, limit: Option<usize>) -> JsValue {
    let lang = lang_of(lang);
    let g = Gazetteer::global();
    #[derive(Serialize)]
    struct S {
        label: String,
        path: String,
        code: u32,
        level: &'static str,
    }
    let items: Vec<S> = g
        .suggest(prefix, limit.unwrap_or(8))
        .into_iter()
        .map(|s| match s {
            Suggestion::Region(id) => {
                let r = g.region(id);
                S {
                    label: g.display_name(id, lang),
                    path: g.display_path(id, lang),
                    code: r.code,
                    level: match r.level {
                        crate::gazetteer::Level::Province => "province",
                        crate::gazetteer::Level::City => "city",
                        crate::gazetteer::Level::County => "county",
                        crate::gazetteer::Level::Zone => "zone",
                    },
                }
            }
            Suggestion::Zone(z) => {
                let zone = &g.econ_zones()[z];
                let name = lang.pick(&zone.name, &zone.name_hant, &zone.name_en).clone();
                S { label: name.clone(), path: name, code: 0, level: "economic-zone" }
            }
        })
        .collect();
    to_js(&items)
}

/// Sectors of the taxonomy, for the sector filter: `[{key, label}]`.
#[cfg(feature = "api")]
#[wasm_bindgen]
pub fn sectors(lang: Option<String>) -> JsValue {
    let lang = lang_of(lang);
    taxonomy_items(Taxonomy::global().sectors(), lang)
}

/// Provinces and their cities, for the fair's on-screen picker: `[{label, code, cities: [{label, code}]}]`.
#[cfg(feature = "api")]
#[wasm_bindgen(js_name = regionTree)]
pub fn region_tree(lang: Option<String>) -> JsValue {
    let lang = lang_of(lang);
    let g = Gazetteer::global();
    #[derive(Serialize)]
    struct City {
        label: String,
        code: u32,
    }
    #[derive(Serialize)]
    struct Province {
        label: String,
        code: u32,
        cities: Vec<City>,
    }
    let out: Vec<Province> = g
        .regions()
        .filter(|(_, r)| r.level == crate::gazetteer::Level::Province)
        .map(|(id, r)| Province {
            label: g.display_name(id, lang),
            code: r.code,
            cities: g.places_of_province(id).into_iter().map(|c| City { label: g.display_name(c, lang), code: g.region(c).code }).collect(),
        })
        .collect();
    to_js(&out)
}

// ---- for the benchmark page (www/bench.html, BENCHMARKS.md) -------------------------------------

#[cfg(feature = "api")]
#[wasm_bindgen(js_class = Matcher)]
impl JsMatcher {
    /// Loads a list in the compact binary form written by `opportunity-matcher convert LIST
    /// OUT.oml`, reusing the index stored in it. Throws an `Error` when the bytes are damaged.
    /// The bytes are read in chunks, and the project records are kept in a copy held by
    /// JavaScript, outside the wasm heap: a project is copied in and decoded when it is shown.
    #[wasm_bindgen(js_name = fromCompact)]
    pub fn from_compact(bytes: &js_sys::Uint8Array) -> Result<JsMatcher, JsError> {
        let inner = compact_matcher(bytes).map_err(|e| JsError::new(&e.message(Lang::En)))?;
        Ok(JsMatcher { inner })
    }

    /// Where this list's heap goes, in bytes: `{structs, text, index}` (project structs and their
    /// strings for a list read from text; record offsets and id table, and no text, for a compact
    /// list, whose records JavaScript holds; then the match index; capacities without allocator
    /// overhead).
    #[wasm_bindgen(js_name = heapBreakdown)]
    pub fn heap_breakdown(&self) -> JsValue {
        #[derive(Serialize)]
        struct Heap {
            structs: usize,
            text: usize,
            index: usize,
        }
        let (structs, text, index) = self.inner.heap_breakdown();
        to_js(&Heap { structs, text, index })
    }
}

/// A file's bytes in a JavaScript `Uint8Array`, read a range at a time (see `oml::ByteSource` and
/// `list::ReadAt`).
struct JsBytes(js_sys::Uint8Array);

impl crate::list::ReadAt for JsBytes {
    fn size(&self) -> usize {
        self.0.length() as usize
    }
    fn read_at(&self, at: usize, out: &mut [u8]) -> bool {
        let Some(end) = at.checked_add(out.len()).filter(|end| *end <= self.size()) else { return false };
        self.0.subarray(at as u32, end as u32).copy_to(out);
        true
    }
}

impl crate::oml::ByteSource for JsBytes {
    fn heap_bytes(&self) -> usize {
        0
    }
    fn narrow(self: Box<Self>, start: usize, end: usize) -> Box<dyn crate::oml::ByteSource> {
        // A copy of the records alone: the page's array may be reused, changed or transferred.
        Box::new(JsBytes(self.0.slice(start as u32, end as u32)))
    }
}

/// Records written as a list is read, kept by JavaScript: gathered in a small buffer in the wasm
/// heap, handed over a piece at a time, and joined into one `Uint8Array` at the end. The wasm heap
/// never gives memory back, so a national list's records (about 55 MB at 100,000 projects) would
/// stay its high-water mark after the list is gone; here the page's garbage collector has them.
#[derive(Default)]
struct JsRecords {
    buffer: Vec<u8>,
    pieces: Vec<js_sys::Uint8Array>,
    written: usize,
}

impl JsRecords {
    const PIECE: usize = 256 << 10;

    fn hand_over(&mut self) {
        if !self.buffer.is_empty() {
            self.pieces.push(js_sys::Uint8Array::from(&self.buffer[..]));
            self.buffer.clear();
        }
    }
}

impl crate::oml::RecordSink for JsRecords {
    fn append(&mut self, bytes: &[u8]) {
        if self.buffer.len() + bytes.len() > Self::PIECE {
            self.hand_over();
        }
        if self.buffer.capacity() == 0 {
            self.buffer.reserve_exact(Self::PIECE);
        }
        self.buffer.extend_from_slice(bytes);
        self.written += bytes.len();
    }
    fn written(&self) -> usize {
        self.written
    }
    fn into_source(mut self: Box<Self>) -> Box<dyn crate::oml::ByteSource> {
        self.hand_over();
        let whole = js_sys::Uint8Array::new_with_length(self.written as u32);
        let mut at = 0;
        for piece in &self.pieces {
            whole.set(piece, at);
            at += piece.length();
        }
        Box::new(JsBytes(whole))
    }
}

/// A matcher over a compact list held by JavaScript (the wasm API and the widget's `src`).
pub(crate) fn compact_matcher(bytes: &js_sys::Uint8Array) -> Result<CoreMatcher, crate::list::LoadError> {
    CoreMatcher::from_compact_source(Box::new(JsBytes(bytes.clone())))
}

/// Size of the wasm linear memory in bytes (`memory.buffer.byteLength`): the high-water mark of
/// the heap, since wasm memory never shrinks.
#[wasm_bindgen(js_name = heapBytes)]
pub fn heap_bytes() -> f64 {
    (core::arch::wasm32::memory_size(0) * 65536) as f64
}
