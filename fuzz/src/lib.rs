//! What every fuzz target checks beyond "no panic, no hang": the invariants a loaded list and a
//! ranking promise (SPEC §3, §7), so that a wrong result fails the run too.

use opportunity_matcher::list::{load_text, to_compact, to_normalised_json, OpportunityList};
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

    // `convert` output must reload with every project (ids kept).
    let json = to_normalised_json(list);
    let again = load_text(&json, "list.json").unwrap_or_else(|e| panic!("normalised JSON does not reload: {e}"));
    let before: Vec<&str> = list.projects.iter().map(|p| p.id.as_str()).collect();
    let after: Vec<&str> = again.projects.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(before, after, "normalised JSON reloads to other projects: {:?}", again.rejected);

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
