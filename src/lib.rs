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
//! | [`fold`] | Traditional→Simplified, full-width→half-width, case; CJK bigram keys |
//! | [`lang`] | the three display languages |
//! | [`gazetteer`] | provinces, cities, counties, development zones and economic zones; region text resolution, type-ahead |
//! | [`taxonomy`] | industry sectors, sub-industries and chain links; term lookup, classification, query parsing |
//! | [`money`] | amounts in yuan from 元/万/亿, Chinese numerals, ranges and currencies; per-language formatting |
//! | [`list`] | loading JSON/CSV lists (UTF-8, UTF-16, GB18030), validation with per-row reasons |
//! | [`rank`] | the investor's query, per-list index, scoring, top-k and reasons |
//! | [`present`] | projects and list figures formatted for one language |
//! | [`leads`] | investor leads sheets matched against a list both ways: projects per lead, leads per project |
//! | [`csv`] | CSV for Excel, formula-safe |
//! | `cli` | the command line (native only) |
//! | `wasm`, `widget` | the JavaScript API and the widget (wasm32 only) |
//! | `leads_wasm` | the leads page's entry (`matchLeads` → `LeadsMatch`: `json()`, `csv(view, ids)`; wasm32 only) |
//! | `sheets_wasm` | the separate spreadsheet module for the browser (wasm32 with feature `sheets`) |
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
pub mod fold;
pub mod gazetteer;
pub mod lang;
pub mod leads;
pub mod list;
pub mod money;
pub mod present;
pub mod rank;
pub mod taxonomy;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
// The browser's main module: the JavaScript API and the widget. With the feature `sheets` the
// crate builds the spreadsheet module instead, which exports only `readSpreadsheet`.
#[cfg(all(target_arch = "wasm32", not(feature = "sheets")))]
pub mod leads_wasm;
#[cfg(all(target_arch = "wasm32", feature = "sheets"))]
pub mod sheets_wasm;
#[cfg(all(target_arch = "wasm32", not(feature = "sheets")))]
pub mod wasm;
#[cfg(all(target_arch = "wasm32", not(feature = "sheets")))]
pub mod widget;

pub use lang::Lang;
