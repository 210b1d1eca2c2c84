//! Values handed to JavaScript by the API modules (the main module's `Matcher` API, `src/wasm.rs`,
//! and the publisher module, `src/publish_wasm.rs`): one home for how a Rust value becomes a
//! JavaScript one, so that both modules answer alike. wasm32 only; never in the portal build.

use crate::list::TableReading;
use crate::Lang;
use serde::Serialize;
use wasm_bindgen::JsValue;

/// A value for JavaScript: JSON text parsed by `JSON.parse` (one serializer in the bundle), or with
/// the `serde-wasm-bindgen` feature built object by object (measured against each other in
/// BENCHMARKS.md, "Values across the boundary").
///
/// ```ignore
/// let stats = to_js(&ListStats::from_facets(matcher.facets(), Lang::En)); // {projects, …}
/// ```
#[cfg(not(feature = "serde-wasm-bindgen"))]
pub(crate) fn to_js<T: Serialize>(value: &T) -> JsValue {
    let json = serde_json::to_string(value).unwrap_or_else(|_| "null".into());
    js_sys::JSON::parse(&json).unwrap_or(JsValue::NULL)
}

#[cfg(feature = "serde-wasm-bindgen")]
pub(crate) fn to_js<T: Serialize>(value: &T) -> JsValue {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or(JsValue::NULL)
}

/// The display language a page passed (`"zh-Hant"`, `"en"`, …; none or unknown: Simplified Chinese).
///
/// ```ignore
/// assert_eq!(lang_of(Some("en-GB".into())), Lang::En);
/// ```
pub(crate) fn lang_of(lang: Option<String>) -> Lang {
    lang.as_deref().map(Lang::from_tag).unwrap_or_default()
}

/// How a table was read, with its plain-words `lines` in `lang`, or `null` (a JSON or compact list
/// read by its keys).
///
/// ```ignore
/// reading_js(list.reading.as_ref(), Lang::En) // {sheets, columns, …, lines: ["Header: row 3", …]}
/// ```
pub(crate) fn reading_js(reading: Option<&TableReading>, lang: Lang) -> JsValue {
    #[derive(Serialize)]
    struct Reading<'a> {
        #[serde(flatten)]
        reading: &'a TableReading,
        lines: Vec<String>,
    }
    match reading {
        Some(r) => to_js(&Reading { reading: r, lines: r.lines(lang) }),
        None => JsValue::NULL,
    }
}
