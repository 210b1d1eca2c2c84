//! The JavaScript API (SPEC §6.2): a thin layer over the core. Everything but what the element
//! needs (`prepare`, `prepareTypeAhead`, compact lists held by JavaScript) is behind the `api`
//! feature, which the portal build leaves out. Values cross the boundary as JSON
//! (`serde_json` + `JSON.parse`), which keeps one serializer in the bundle.
//!
//! ```js
//! import init, { Matcher } from "./pkg/opportunity_matcher.js";
//! await init();
//! const m = Matcher.fromText(text, "list.csv");   // m.length, m.rejected()
//! const r = m.rank({ industry: "動力電池", budget: "30亿", region: "成都", top: 10 });
//! ```

use crate::gazetteer::Gazetteer;
#[cfg(feature = "api")]
use crate::gazetteer::Suggestion;
#[cfg(feature = "api")]
use crate::list::load_text;
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

/// A value for JavaScript: JSON text parsed by `JSON.parse` (one serializer in the bundle), or with
/// the `serde-wasm-bindgen` feature built object by object (measured against each other in
/// BENCHMARKS.md, "Values across the boundary").
#[cfg(all(feature = "api", not(feature = "serde-wasm-bindgen")))]
fn to_js<T: Serialize>(value: &T) -> JsValue {
    let json = serde_json::to_string(value).unwrap_or_else(|_| "null".into());
    js_sys::JSON::parse(&json).unwrap_or(JsValue::NULL)
}

#[cfg(feature = "serde-wasm-bindgen")]
fn to_js<T: Serialize>(value: &T) -> JsValue {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or(JsValue::NULL)
}

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

#[cfg(feature = "api")]
fn lang_of(lang: Option<String>) -> Lang {
    lang.as_deref().map(Lang::from_tag).unwrap_or_default()
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
    crate::list::data_fingerprint();
}

/// Builds the type-ahead index of place names now rather than on the first keystroke in the
/// region field (it is left out of [`prepare`] and of loading a list, which do not need it). The
/// element calls it when the browser is idle after showing the first results.
#[wasm_bindgen(js_name = prepareTypeAhead)]
pub fn prepare_type_ahead() {
    Gazetteer::global().suggest("成", 1);
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
        let list = load_text(text, name).map_err(|e| JsError::new(&e.message(Lang::En)))?;
        Ok(JsMatcher { inner: CoreMatcher::new(list) })
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
    let mut out: Vec<Province> = Vec::new();
    for i in 0..g.len() {
        let id = crate::gazetteer::RegionId(i as u32);
        let r = g.region(id);
        match r.level {
            crate::gazetteer::Level::Province => out.push(Province { label: g.display_name(id, lang), code: r.code, cities: Vec::new() }),
            // A municipality (北京, 重庆 …) has one "city" of its own name: list its districts instead.
            crate::gazetteer::Level::City | crate::gazetteer::Level::County => {
                let province = g.province_of(id);
                let own_city = g.city_of(province).filter(|c| g.region(*c).name == g.region(province).name);
                let listed = match r.level {
                    crate::gazetteer::Level::City => own_city != Some(id),
                    _ => own_city.is_some() && g.region(id).parent == own_city,
                };
                let p = g.region(province).code;
                if let Some(prov) = out.iter_mut().find(|x| x.code == p).filter(|_| listed) {
                    prov.cities.push(City { label: g.display_name(id, lang), code: r.code });
                }
            }
            _ => {}
        }
    }
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

/// A compact list in a JavaScript `Uint8Array`, read a range at a time (see `list::ByteSource`).
struct JsBytes(js_sys::Uint8Array);

impl crate::list::ByteSource for JsBytes {
    fn len(&self) -> usize {
        self.0.length() as usize
    }
    fn read_at(&self, at: usize, out: &mut [u8]) -> bool {
        let Some(end) = at.checked_add(out.len()).filter(|end| *end <= self.len()) else { return false };
        self.0.subarray(at as u32, end as u32).copy_to(out);
        true
    }
    fn heap_bytes(&self) -> usize {
        0
    }
    fn narrow(self: Box<Self>, start: usize, end: usize) -> Box<dyn crate::list::ByteSource> {
        // A copy of the records alone: the page's array may be reused, changed or transferred.
        Box::new(JsBytes(self.0.slice(start as u32, end as u32)))
    }
}

/// A matcher over a compact list held by JavaScript (the wasm API and the widget's `src`).
pub(crate) fn compact_matcher(bytes: &js_sys::Uint8Array) -> Result<CoreMatcher, crate::list::LoadError> {
    CoreMatcher::from_compact_source(Box::new(JsBytes(bytes.clone())))
}

/// Size of the wasm linear memory in bytes (`memory.buffer.byteLength`): the high-water mark of
/// the heap, since wasm memory never shrinks. (In the portal build too: a page can watch the widget's memory.)
#[wasm_bindgen(js_name = heapBytes)]
pub fn heap_bytes() -> f64 {
    (core::arch::wasm32::memory_size(0) * 65536) as f64
}
