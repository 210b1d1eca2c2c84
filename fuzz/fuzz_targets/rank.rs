//! Fuzz target `rank`: see `opportunity_matcher_fuzz::targets::rank` (the body lives in the
//! library so that `cargo test` replays kept crashes through the same code).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| opportunity_matcher_fuzz::targets::rank(data));
