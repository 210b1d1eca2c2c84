//! # opportunity-matcher
//!
//! Ranks an investment **opportunity list** (机遇清单: projects that seek investors, published by
//! Chinese provinces and cities) against what an investor enters — industry, budget, region — and
//! gives the reason for every rank, in Simplified Chinese, Traditional Chinese or English.
//!
//! The core (this crate without the `wasm` and `widget` modules) has no browser dependency:
//!
//! | module | responsibility |
//! |---|---|
//! | [`date`] | list dates compared without a date library; the one staleness rule |
//! | [`fold`] | Traditional→Simplified, full-width→half-width, case; CJK bigram keys |
//! | [`lang`] | the three display languages |
//! | [`hash`] | the crate's two hashers: FxHash for in-memory maps, FNV-1a for what a compact list stores |
//! | [`hant`] | Simplified→Traditional (Taiwan) for display, from a table fetched when 繁 is chosen |
//! | [`gazetteer`] | provinces, cities, counties, development zones and economic zones; region text resolution, type-ahead |
//! | [`taxonomy`] | industry sectors, sub-industries and chain links; term lookup, classification, query parsing |
//! | [`terms`] | the usual cooperation and stage values of lists in three languages |
//! | [`money`] | amounts in yuan from 元/万/亿, Chinese numerals, ranges and currencies; per-language formatting |
//! | [`list`] | loading JSON/CSV lists (UTF-8, UTF-16, GB18030), validation with per-row reasons |
//! | [`oml`] | the compact binary list form `.oml`: records, index section, reading in chunks |
//! | [`rank`] | the investor's query, per-list index, scoring, top-k and reasons |
//! | [`present`] | projects and list figures formatted for one language |
//! | [`leads`] | investor leads sheets matched against a list both ways: projects per lead, leads per project |
//! | [`csv`] | CSV for Excel, formula-safe |
//! | `cli` | the command line (native only) |
//! | `wasm` | the JavaScript API (wasm32 only) |
//! | [`widget`] | the widget: its state, actions and update are plain Rust (tested natively); its DOM side is wasm32 only |
//! | `leads_wasm` | the leads page's entry (`matchLeads` → `LeadsMatch`: `json()`, `csv(view, ids)`; wasm32, full build only) |
//! | `sheets_wasm` | the separate spreadsheet module for the browser (wasm32 with feature `sheets`) |
//! | `publish_wasm` | the publisher page's module: reading with corrections, JSON and `.oml` out (feature `publish`) |
//!
//! ```
//! use opportunity_matcher::{list::load_text, rank::{Matcher, Query}};
//! let list = load_text("项目名称,所属行业,项目地点,拟引资额\n成都动力电池项目,装备制造,成都市双流区,30亿元\n", "list.csv").unwrap();
//! let matcher = Matcher::new(list);
//! let r = matcher.rank(&Query { industry: Some("power battery".into()), budget: Some("30億".into()), region: Some("Chengdu".into()), ..Query::default() });
//! assert_eq!(r.results[0].parts.region, Some(1.0));
//! ```
//!
//! See `ARCHITECTURE.md` for the full map.

pub mod csv;
pub mod date;
pub mod fold;
pub mod gazetteer;
pub mod hant;
pub mod hash;
pub mod lang;
pub mod leads;
pub mod list;
pub mod money;
pub mod oml;
pub mod present;
pub mod rank;
mod sort;
pub mod taxonomy;
pub mod terms;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
// The browser's main module: the JavaScript API and the widget. With the feature `sheets` the
// crate builds the spreadsheet module instead, which exports only `readSpreadsheet`; with
// `publish` (which includes `sheets`) the publisher page's module, which adds `ListDraft`.
// The leads page's entry rides in the publisher module (feature `publish`: it reads spreadsheets
// itself), never in the portal build or the fair page's full build.
// How values reach JavaScript, shared by the API (`wasm.rs` with `api`) and the publisher module.
#[cfg(all(target_arch = "wasm32", any(feature = "publish", all(not(feature = "sheets"), feature = "api"))))]
mod js_values;
#[cfg(all(target_arch = "wasm32", feature = "publish"))]
pub mod leads_wasm;
#[cfg(all(target_arch = "wasm32", feature = "publish"))]
pub mod publish_wasm;
#[cfg(all(target_arch = "wasm32", feature = "sheets"))]
pub mod sheets_wasm;
#[cfg(all(target_arch = "wasm32", not(feature = "sheets")))]
pub mod wasm;
// Natively (its state, actions and update are tested there) and in the main wasm module; not in
// the spreadsheet and publisher modules.
#[cfg(not(all(target_arch = "wasm32", feature = "sheets")))]
pub mod widget;

pub use lang::Lang;
