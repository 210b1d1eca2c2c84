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
//! | [`taxonomy`] | industry sectors, sub-industries and chain links; term lookup, classification, query parsing |
//!
//! See `ARCHITECTURE.md` for the full map.

pub mod fold;
pub mod lang;
pub mod money;
pub mod taxonomy;

pub use lang::Lang;
