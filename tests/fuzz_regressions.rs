//! Every kept fuzz crash (`fuzz/regressions/TARGET/`) and every hand-written seed
//! (`fuzz/corpus-seed/TARGET/`) run through the fuzz target's own body, natively: the invariants a
//! fuzz run checks (`fuzz/src/lib.rs`) hold for each of them. Deterministic: a fixed set of files.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod fuzz_checks;

use fuzz_checks::targets;
use std::path::Path;

/// Runs `target` on every file under `fuzz/<dir>/<name>/`, and names each input that fails.
fn replay(name: &str, target: fn(&[u8]), dirs: &[&str]) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut files: Vec<_> = dirs
        .iter()
        .filter_map(|d| std::fs::read_dir(root.join(d).join(name)).ok())
        .flatten()
        .map(|e| e.expect("a readable directory entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    let mut failed = Vec::new();
    for path in &files {
        let bytes = std::fs::read(path).expect("a readable input");
        if std::panic::catch_unwind(|| target(&bytes)).is_err() {
            failed.push(path.display().to_string());
        }
    }
    assert!(failed.is_empty(), "{name}: the invariants fail on {failed:#?}");
    files.len()
}

#[test]
fn kept_crashes_and_seeds_of_load_json() {
    assert!(replay("load_json", targets::load_json, &["regressions", "corpus-seed"]) >= 4);
}

#[test]
fn kept_crashes_and_seeds_of_load_csv() {
    assert!(replay("load_csv", targets::load_csv, &["regressions", "corpus-seed"]) >= 8);
}

#[test]
fn seeds_of_parse_query() {
    assert!(replay("parse_query", targets::parse_query, &["regressions", "corpus-seed"]) >= 50);
}

#[test]
fn seeds_of_rank() {
    assert!(replay("rank", targets::rank, &["regressions", "corpus-seed"]) >= 5);
}

/// The crash of issue 10, asserted directly: the compact form had an id with a leading space that
/// the JSON written by `convert` trimmed away.
#[test]
fn a_compact_id_with_a_leading_space_loads_trimmed_and_round_trips() {
    use opportunity_matcher::list::{load_bytes, load_text, to_normalised_json};
    use opportunity_matcher::oml::to_compact;
    let bytes =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions/load_json/compact-id-leading-space.oml")).unwrap();
    let list = load_bytes(&bytes, "list.oml").expect("the compact list loads");
    assert!(list.projects.iter().any(|p| p.id == "><img src=x onerror=alert('id')>"), "the id is trimmed, not kept or lost");
    assert!(list.projects.iter().all(|p| p.id.trim() == p.id && p.name.trim() == p.name));
    let json = to_normalised_json(&list);
    let again = load_text(&json, "list.json").unwrap();
    assert_eq!(fuzz_checks::comparable(&again.projects), fuzz_checks::comparable(&list.projects));
    let back = load_bytes(&to_compact(&again), "list.oml").unwrap();
    assert_eq!(fuzz_checks::comparable(&back.projects), fuzz_checks::comparable(&list.projects));
}
