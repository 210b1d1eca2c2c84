//! The documentation says what the code does: README's part values are the constants of
//! `src/rank/weights.rs`, and no text cites a specification that is not in the repository.
#![cfg(not(target_arch = "wasm32"))]

use opportunity_matcher::rank::weights::{industry, region, BUDGET_UNKNOWN};
use opportunity_matcher::rank::Weights;

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// README with its lines joined (a sentence may wrap anywhere).
fn readme() -> String {
    read("README.md").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `0.9` → `0.90`, `1` → `1.0`: how README writes part values.
fn value(v: f32) -> String {
    if v == 1.0 {
        "1.0".into()
    } else {
        format!("{v:.2}")
    }
}

#[test]
fn readme_states_the_default_weights() {
    let w = Weights::default();
    let line = format!(
        "industry {}, region {}, budget {}, keywords {}, priority up to +{}",
        value(w.industry),
        value(w.region),
        value(w.budget),
        value(w.keywords),
        value(w.priority)
    );
    assert!(readme().contains(&line), "README should say: {line}");
}

#[test]
fn readme_states_the_industry_and_region_part_values() {
    let text = readme();
    let industry = format!(
        "same node or synonym {} > inside it {} > chain link (`动力电池` ↔ `新能源汽车`, the 补链 case) {} > same chain {} > broader {} ({} two levels up) > sibling {} > same sector {}",
        value(industry::SAME),
        value(industry::INSIDE),
        value(industry::CHAIN_LINK),
        value(industry::SAME_CHAIN),
        value(industry::BROADER),
        value(industry::ANCESTOR),
        value(industry::SIBLING),
        value(industry::SAME_SECTOR)
    );
    assert!(text.contains(&industry), "README should say: {industry}");
    for (what, v) in [("name or tags", industry::TEXT_STRONG), ("in the description", industry::TEXT_WEAK)] {
        assert!(text.contains(&format!("{what} {}", value(v))), "README should give {what} as {}", value(v));
    }
    for (what, v) in [
        ("inside the place typed", region::INSIDE),
        ("same city", region::SAME_CITY),
        ("same province", region::SAME_PROVINCE),
        ("elsewhere", region::ELSEWHERE),
    ] {
        assert!(text.contains(&format!("{what} {}", value(v))), "README should give {what} as {}", value(v));
    }
    assert!(text.contains(&value(region::SAME_ECON_ZONE).to_string()));
    assert!(text.contains(&format!("neutral ({BUDGET_UNKNOWN})")));
}

#[test]
fn nothing_cites_a_specification_outside_the_repository() {
    let out = std::process::Command::new("git")
        .args(["grep", "-nI", "SPEC §", "--", ":!fuzz/corpus-ci", ":!fuzz/corpus-seed", ":!tests/docs.rs"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output();
    // Outside a git checkout (a source tarball) there is nothing to check.
    if let Ok(out) = out {
        let found = String::from_utf8_lossy(&out.stdout);
        assert!(found.trim().is_empty(), "cite docs/contract.md instead:\n{found}");
    }
}
