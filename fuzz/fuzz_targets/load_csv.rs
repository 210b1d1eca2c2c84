//! The CSV loader: any bytes as a `.csv` file, so UTF-8, UTF-16 (BOM) and GB18030 decoding all run.
//! Valid UTF-8 input is also re-encoded as GB18030 and with CRLF record ends: both must load to the
//! same projects as the UTF-8 text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use opportunity_matcher::list::{decode, load_bytes, load_text, Encoding, OpportunityList};
use opportunity_matcher_fuzz::check_list;

fn same(
    a: &Result<OpportunityList, opportunity_matcher::list::LoadError>,
    b: &Result<OpportunityList, opportunity_matcher::list::LoadError>,
    what: &str,
) {
    match (a, b) {
        (Ok(a), Ok(b)) => {
            let ids = |l: &OpportunityList| l.projects.iter().map(|p| (p.id.clone(), p.row)).collect::<Vec<_>>();
            assert_eq!(ids(a), ids(b), "{what}: other projects");
            let rej = |l: &OpportunityList| l.rejected.iter().map(|r| (r.row, r.field)).collect::<Vec<_>>();
            assert_eq!(rej(a), rej(b), "{what}: other rejections");
        }
        (Err(_), Err(_)) => {}
        (a, b) => panic!("{what}: one loads, the other does not: {:?} / {:?}", a.as_ref().err(), b.as_ref().err()),
    }
}

fuzz_target!(|data: &[u8]| {
    let direct = load_bytes(data, "list.csv");
    if let Ok(list) = &direct {
        check_list(list);
    }
    let _ = load_bytes(data, "");

    let Ok(text) = std::str::from_utf8(data) else { return };
    let from_text = load_text(text, "list.csv");

    // The same text in GB18030 (when it round-trips and is detected as GB18030).
    let (gb, _, unmappable) = encoding_rs::GB18030.encode(text);
    if !unmappable && decode(&gb) == (text.to_string(), Encoding::Gb18030) {
        same(&from_text, &load_bytes(&gb, "list.csv"), "GB18030");
    }

    // CRLF record ends (text without CR and without quotes, so no line break sits inside a field).
    if !text.contains(['\r', '"']) {
        same(&from_text, &load_text(&text.replace('\n', "\r\n"), "list.csv"), "CRLF");
    }
});
