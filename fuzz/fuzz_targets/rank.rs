//! The whole `Matcher::rank` with arbitrary query strings on a small fixed list (the 32 projects of
//! `tests/fixtures/sample.json`). The input is text, one query field per line:
//! industry, budget, region, keywords, sector, cooperation, stage, investment, top, lang, weights,
//! today (an empty or missing line leaves the field out).
#![no_main]

use libfuzzer_sys::fuzz_target;
use opportunity_matcher::list::load_text;
use opportunity_matcher::rank::{Matcher, Query, Weights};
use opportunity_matcher_fuzz::check_response;
use std::sync::OnceLock;

fn matcher() -> &'static Matcher {
    static M: OnceLock<Matcher> = OnceLock::new();
    M.get_or_init(|| Matcher::new(load_text(include_str!("../../tests/fixtures/sample.json"), "sample.json").unwrap()))
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut lines = text.split('\n');
    let mut next = || lines.next().filter(|l| !l.is_empty()).map(str::to_string);
    let q = Query {
        industry: next(),
        budget: next(),
        region: next(),
        keywords: next(),
        sector: next(),
        cooperation: next(),
        stage: next(),
        investment: next(),
        top: next().and_then(|t| t.trim().parse().ok()),
        lang: next(),
        weights: next().map(|w| Weights::parse(&w)),
        today: next(),
    };
    let m = matcher();
    let r = m.rank(&q);
    check_response(&r, &q, m.len());
    assert_eq!(m.rank(&q), r, "ranking is not deterministic");
});
