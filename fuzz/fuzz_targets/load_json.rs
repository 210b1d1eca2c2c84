//! The JSON loader: any bytes as a `.json` file (encoding detection included). No panic, no hang;
//! a list that loads keeps its invariants (see `check_list`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use opportunity_matcher::list::load_bytes;
use opportunity_matcher_fuzz::check_list;

fuzz_target!(|data: &[u8]| {
    if let Ok(list) = load_bytes(data, "list.json") {
        check_list(&list);
    }
});
