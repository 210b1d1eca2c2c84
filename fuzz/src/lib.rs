//! What every fuzz target checks beyond "no panic, no hang": the invariants a loaded list and a
//! ranking promise (docs/contract.md: "List format", "Quality bars"), so that a wrong result fails the run too.

use opportunity_matcher::list::{load_bytes, load_text, to_normalised_json, OpportunityList, Project};
use opportunity_matcher::money::{Amount, Currency};
use opportunity_matcher::oml::to_compact;
use opportunity_matcher::rank::{Matcher, Query, RankResponse};
use opportunity_matcher::Lang;
use std::collections::HashSet;

/// A message value is cut to 200 characters plus `…`.
const EXCERPT_MAX: usize = 201;

/// Checks a list that loaded: unique ids, safe urls, short message values, every message worded in
/// every language, the normalised export reloads to the same projects, and it ranks.
pub fn check_list(list: &OpportunityList) {
    let mut ids = HashSet::new();
    for p in &list.projects {
        assert!(ids.insert(p.id.as_str()), "duplicate id {:?} loaded", p.id);
        assert!(!p.name.trim().is_empty(), "blank name loaded at row {}", p.row);
        if let Some(url) = &p.url {
            let lower = url.to_ascii_lowercase();
            assert!(lower.starts_with("http://") || lower.starts_with("https://"), "unsafe url kept: {url:?}");
            assert!(!url.contains(['"', '<', '>', '\'', '`', ' ']), "url not attribute-safe: {url:?}");
        }
        for a in [&p.investment, &p.seeking, &p.annual_output].into_iter().flatten() {
            assert!(a.min <= a.max, "inverted amount {a:?}");
        }
        if let Some(pr) = p.priority {
            assert!(pr <= 100);
        }
    }
    for r in &list.rejected {
        assert!(r.value.chars().count() <= EXCERPT_MAX, "rejection value not cut");
        for lang in Lang::ALL {
            let _ = r.message(lang);
        }
    }
    for w in &list.warnings {
        assert!(w.value.chars().count() <= EXCERPT_MAX, "warning value not cut");
        for lang in Lang::ALL {
            let _ = w.message(lang);
        }
    }
    for lang in Lang::ALL {
        let _ = list.summary(lang);
    }

    // `convert` normalises once and is then the identity: the normalised JSON reloads to the same
    // projects field by field, with nothing rejected, and converting that again — to JSON, or to the
    // compact form and back — writes the same text.
    let json = to_normalised_json(list);
    let again = load_text(&json, "list.json").unwrap_or_else(|e| panic!("normalised JSON does not reload: {e}"));
    assert!(again.rejected.is_empty(), "normalised JSON rejects rows: {:?}", again.rejected);
    assert_eq!(comparable(&list.projects), comparable(&again.projects), "normalised JSON reloads to other projects");
    assert_eq!(to_normalised_json(&again), json, "normalised JSON is not a fixed point");
    let compact = load_bytes(&to_compact(&again), "list.oml").unwrap_or_else(|e| panic!("compact form does not reload: {e}"));
    assert_eq!(to_normalised_json(&compact), json, "JSON → compact → JSON is not the identity");

    // A loaded list ranks.
    if list.projects.len() <= 200 {
        let m = Matcher::new(list.clone());
        let q = Query {
            industry: Some("动力电池".into()),
            budget: Some("30亿".into()),
            region: Some("成都".into()),
            keywords: Some("项目".into()),
            today: Some("2026-10-31".into()),
            ..Query::default()
        };
        let r = m.rank(&q);
        check_response(&r, &q, m.len());

        // The compact form (`convert LIST OUT.oml`) reloads to the same projects and ranking.
        let c = Matcher::from_compact(&to_compact(list)).unwrap_or_else(|e| panic!("compact form does not reload: {e}"));
        assert_eq!(c.to_list().projects, list.projects, "compact form reloads to other projects");
        assert_eq!(c.rank(&q), r, "compact form ranks otherwise");
    }
}

/// Projects as `convert` keeps them. Normalising writes the place as its full path, amounts in
/// yuan (the currency a figure was published in is not kept: it is never shown, and a rate cannot
/// be undone exactly) and numbers the rows anew; everything else must survive.
pub fn comparable(projects: &[Project]) -> Vec<Project> {
    let yuan = |a: Option<Amount>| a.map(|a| Amount { currency: Currency::Cny, ..a });
    projects
        .iter()
        .map(|p| Project {
            region_text: String::new(),
            row: 0,
            investment: yuan(p.investment),
            seeking: yuan(p.seeking),
            annual_output: yuan(p.annual_output),
            ..p.clone()
        })
        .collect()
}

/// Ranks a matcher with a fixed query and checks the response.
pub fn check_matcher(m: &Matcher) {
    let q = Query { industry: Some("电池".into()), region: Some("川".into()), top: Some(50), ..Query::default() };
    let r = m.rank(&q);
    check_response(&r, &q, m.len());
    // Every project a matcher holds can be shown, and found by its id (a compact list keeps its
    // projects in the bytes and decodes them on demand).
    for x in &r.results {
        let p = m.project(x.index).expect("a ranked project can be shown");
        assert_eq!(p.id, x.id);
    }
    if m.len() <= 200 {
        let all: Vec<_> = m.projects().iter().collect();
        assert_eq!(all.len(), m.len(), "every project decodes");
        for (i, p) in all.iter().enumerate() {
            assert_eq!(m.position(&p.id), Some(i), "found by id");
        }
    }
}

/// Checks a ranking: scores and parts in [0, 1], best first, as many results as asked for (or as
/// passed the filters), and it serialises (as it does across the wasm boundary).
pub fn check_response(r: &RankResponse, q: &Query, list_len: usize) {
    let unit = |v: f32| (0.0..=1.0).contains(&v);
    for p in &r.results {
        assert!(unit(p.score), "score {} out of [0, 1]", p.score);
        for part in [p.parts.industry, p.parts.budget, p.parts.region, p.parts.keywords].into_iter().flatten() {
            assert!(unit(part), "part {part} out of [0, 1]");
        }
    }
    assert!(r.results.windows(2).all(|w| w[0].score >= w[1].score), "results not sorted");
    assert!(r.matched <= list_len);
    let top = q.top.unwrap_or(20).clamp(1, 1000);
    assert_eq!(r.results.len(), top.min(r.matched), "wrong number of results");
    serde_json::to_string(r).expect("a response serialises");
}

/// The body of each fuzz target, here so that `cargo test` replays the kept crashes
/// (`tests/fuzz_regressions.rs`) through exactly the code the fuzzer runs.
pub mod targets {
    use super::{check_list, check_matcher, check_response};
    use opportunity_matcher::list::{decode, load_bytes, load_text, Encoding, LoadError, OpportunityList};
    use opportunity_matcher::oml::is_compact;
    use opportunity_matcher::rank::{Matcher, Query, Weights};
    use std::sync::OnceLock;

    /// The JSON loader: any bytes as a `.json` file (encoding detection included). No panic, no
    /// hang; a list that loads keeps its invariants (see `check_list`). Bytes that start like the
    /// compact binary form (`OMLIST`, seeded by `fuzz/run.sh` from the fixtures) also go through
    /// `Matcher::from_compact`, which trusts a stored index, and are ranked.
    pub fn load_json(data: &[u8]) {
        let list = load_bytes(data, "list.json");
        if let Ok(list) = &list {
            check_list(list);
        }
        if is_compact(data) {
            let m = Matcher::from_compact(data);
            if let Ok(m) = &m {
                check_matcher(m);
            }
            // The two ways of reading a compact list (whole, for the command line; record by
            // record, for a matcher) agree on what is in it.
            match (&list, &m) {
                (Ok(list), Ok(m)) => assert_eq!(m.to_list().projects, list.projects, "compact readers disagree"),
                (Ok(_), Err(e)) | (Err(e), Ok(_)) => panic!("one compact reader refuses what the other reads: {e}"),
                (Err(_), Err(_)) => {}
            }
        }
    }

    fn same(a: &Result<OpportunityList, LoadError>, b: &Result<OpportunityList, LoadError>, what: &str) {
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

    /// The CSV loader: any bytes as a `.csv` file, so UTF-8, UTF-16 (BOM) and GB18030 decoding all
    /// run. Valid UTF-8 input is also re-encoded as GB18030 and with CRLF record ends: both must
    /// load to the same projects as the UTF-8 text.
    pub fn load_csv(data: &[u8]) {
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
    }

    /// Query parsing: money (`parse_money`, `parse_money_in`), regions (`Gazetteer::resolve_query`,
    /// `resolve_place`, type-ahead), industries (`Taxonomy::parse_query`, lookup, classify,
    /// type-ahead) and folding, on any text.
    pub fn parse_query(data: &[u8]) {
        use opportunity_matcher::fold::{fold, gram_set};
        use opportunity_matcher::gazetteer::Gazetteer;
        use opportunity_matcher::money::{format_amount, parse_money, parse_money_in, Bound, Currency, Fx};
        use opportunity_matcher::rank::Weights;
        use opportunity_matcher::taxonomy::Taxonomy;
        use opportunity_matcher::Lang;
        let text = String::from_utf8_lossy(data);
        let text = text.as_ref();

        let folded = fold(text);
        assert_eq!(fold(&folded), folded, "fold is not idempotent");
        let _ = gram_set(&folded);

        let fx = Fx::default();
        for currency in [Currency::Cny, Currency::Usd] {
            if let Ok(Some(a)) = parse_money_in(text, &fx, currency) {
                assert!(a.min <= a.max, "{a:?}");
                match a.bound {
                    Bound::Exact => assert_eq!(a.min, a.max),
                    Bound::UpTo => assert_eq!(a.min, 0),
                    Bound::AtLeast => assert_eq!(a.max, u64::MAX),
                    Bound::Range => {}
                }
                let _ = a.representative();
                for lang in Lang::ALL {
                    let _ = format_amount(&a, lang);
                }
            }
        }
        let _ = parse_money(text, &fx);

        let g = Gazetteer::global();
        let q = g.resolve_query(text);
        for note in &q.notes {
            let _ = note.message(g, Lang::En);
        }
        for id in q.regions {
            let _ = g.display_path(id, Lang::ZhHant);
        }
        let p = g.resolve_place(text);
        for note in &p.notes {
            let _ = note.message(g, Lang::ZhHans);
        }
        let _ = g.suggest(text, 8);

        let t = Taxonomy::global();
        let iq = t.parse_query(text);
        let _ = iq.nodes();
        let _ = t.lookup(text);
        let _ = t.classify(text);
        let _ = t.suggest(text, Lang::En, 8);

        let _ = Weights::parse(text);
    }

    fn sample_matcher() -> &'static Matcher {
        static M: OnceLock<Matcher> = OnceLock::new();
        M.get_or_init(|| Matcher::new(load_text(include_str!("../../tests/fixtures/sample.json"), "sample.json").unwrap()))
    }

    /// The whole `Matcher::rank` with arbitrary query strings on a small fixed list (the 32
    /// projects of `tests/fixtures/sample.json`). The input is text, one query field per line:
    /// industry, budget, region, keywords, sector, cooperation, stage, investment, top, lang,
    /// weights, today (an empty or missing line leaves the field out).
    pub fn rank(data: &[u8]) {
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
        let m = sample_matcher();
        let r = m.rank(&q);
        check_response(&r, &q, m.len());
        assert_eq!(m.rank(&q), r, "ranking is not deterministic");
    }
}
