//! Fuzz target `load_csv`: see `opportunity_matcher_fuzz::targets::load_csv` (the body lives in the
//! library so that `cargo test` replays kept crashes through the same code).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| opportunity_matcher_fuzz::targets::load_csv(data));
