//! The JSON loader: any bytes as a `.json` file (encoding detection included). No panic, no hang;
//! a list that loads keeps its invariants (see `check_list`). Bytes that start like the compact
//! binary form (`OMLIST`, seeded by `fuzz/run.sh` from the fixtures) also go through
//! `Matcher::from_compact`, which trusts a stored index, and are ranked.
#![no_main]

use libfuzzer_sys::fuzz_target;
use opportunity_matcher::list::{is_compact, load_bytes};
use opportunity_matcher::rank::Matcher;
use opportunity_matcher_fuzz::{check_list, check_matcher};

fuzz_target!(|data: &[u8]| {
    if let Ok(list) = load_bytes(data, "list.json") {
        check_list(&list);
    }
    if is_compact(data) {
        if let Ok(m) = Matcher::from_compact(data) {
            check_matcher(&m);
        }
    }
});
