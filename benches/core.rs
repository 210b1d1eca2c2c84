//! Native benchmark of the core, for profiling (the browser figures of the quality bars of docs/contract.md come from
//! `make bench`, see BENCHMARKS.md).
//!
//! ```text
//! cargo bench --bench core                       # 2,062 and 100,000 projects
//! OM_BENCH_SIZES=2062,100000,1000000 cargo bench --bench core
//! ```
//!
//! Lists come from `scripts/gen-list.mjs` (generated into `target/bench/` when missing; the 2,062
//! list is one province's, like Sichuan's). Measured: loading the JSON text, building the index,
//! loading the compact form written by `convert`, and ranking the 60 queries of
//! `benches/queries.json` (top 20 with reasons). After divan's table, a per-query latency summary
//! (p50/p95 over 60 queries × 7 runs) is printed.
//!
//! Under `cargo test --all-targets` (no `--bench` argument) every benchmark runs once on the
//! bundled list only, so the test suite needs neither node nor big files and stays quick.

use opportunity_matcher::list::{load_bytes, OpportunityList};
use opportunity_matcher::oml::to_compact;
use opportunity_matcher::rank::{MatchIndex, Matcher, Query};
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Instant;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn bench_mode() -> bool {
    std::env::args().any(|a| a == "--bench")
}

/// List sizes to measure: `OM_BENCH_SIZES` (comma-separated), else 2,062 and 100,000; 0 stands for
/// the bundled illustrative list (the only one outside `cargo bench`).
fn sizes() -> Vec<usize> {
    if !bench_mode() {
        return vec![0];
    }
    std::env::var("OM_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![2062, 100_000])
}

/// Loaded inputs by list size, kept for the whole run.
type Cache<T> = OnceLock<std::sync::Mutex<Vec<(usize, &'static T)>>>;

/// The generated list of `n` projects (the bundled list for 0), as bytes.
fn list_bytes(n: usize) -> &'static [u8] {
    static CACHE: Cache<[u8]> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let mut cache = cache.lock().unwrap();
    if let Some((_, b)) = cache.iter().find(|(k, _)| *k == n) {
        return b;
    }
    let path = if n == 0 {
        root().join("www/data/opportunity-list.json")
    } else {
        let path = root().join(format!("target/bench/list-{n}.json"));
        if !path.exists() {
            std::fs::create_dir_all(root().join("target/bench")).unwrap();
            let mut cmd = std::process::Command::new("node");
            cmd.arg(root().join("scripts/gen-list.mjs")).args(["--count", &n.to_string(), "--seed", "1", "--out"]).arg(&path);
            if n == 2062 {
                cmd.args(["--province", "51"]);
            }
            let status = cmd.status().expect("node runs scripts/gen-list.mjs");
            assert!(status.success(), "gen-list.mjs failed");
        }
        path
    };
    let bytes: &'static [u8] = Box::leak(std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())).into_boxed_slice());
    cache.push((n, bytes));
    bytes
}

fn list(n: usize) -> OpportunityList {
    load_bytes(list_bytes(n), "list.json").expect("the generated list loads")
}

fn compact_bytes(n: usize) -> &'static [u8] {
    static CACHE: Cache<[u8]> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let mut cache = cache.lock().unwrap();
    if let Some((_, b)) = cache.iter().find(|(k, _)| *k == n) {
        return b;
    }
    let bytes: &'static [u8] = Box::leak(to_compact(&list(n)).into_boxed_slice());
    cache.push((n, bytes));
    bytes
}

fn matcher(n: usize) -> &'static Matcher {
    static CACHE: Cache<Matcher> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let mut cache = cache.lock().unwrap();
    if let Some((_, m)) = cache.iter().find(|(k, _)| *k == n) {
        return m;
    }
    let m: &'static Matcher = Box::leak(Box::new(Matcher::new(list(n))));
    cache.push((n, m));
    m
}

/// The 60 queries of `benches/queries.json`, top 20, reasons in the query's script.
fn queries() -> &'static [Query] {
    static Q: OnceLock<Vec<Query>> = OnceLock::new();
    Q.get_or_init(|| {
        let text = std::fs::read_to_string(root().join("benches/queries.json")).unwrap();
        let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
        doc["queries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| {
                let mut q: Query = serde_json::from_value(q.clone()).unwrap();
                q.top = Some(20);
                q.today = Some("2026-11-01".into());
                let latin = q.industry.iter().chain(q.region.iter()).all(|t| t.is_ascii());
                q.lang = Some(if latin { "en" } else { "zh-Hans" }.into());
                q
            })
            .collect()
    })
}

#[divan::bench(args = sizes(), sample_count = 5, sample_size = 1)]
fn load_json(b: divan::Bencher, n: usize) {
    let bytes = list_bytes(n);
    b.bench(|| load_bytes(divan::black_box(bytes), "list.json").unwrap());
}

#[divan::bench(args = sizes(), sample_count = 5, sample_size = 1)]
fn build_index(b: divan::Bencher, n: usize) {
    let l = list(n);
    b.bench(|| MatchIndex::build(divan::black_box(&l.projects)));
}

#[divan::bench(args = sizes(), sample_count = 5, sample_size = 1)]
fn json_to_queryable(b: divan::Bencher, n: usize) {
    let bytes = list_bytes(n);
    b.bench(|| Matcher::new(load_bytes(divan::black_box(bytes), "list.json").unwrap()));
}

/// What a page does with a list's file (`wasm::open_list`): each project validated, indexed and
/// stored as a compact record as the table is read.
#[divan::bench(args = sizes(), sample_count = 5, sample_size = 1)]
fn json_to_queryable_as_records(b: divan::Bencher, n: usize) {
    let bytes = list_bytes(n);
    b.bench(|| Matcher::open_owned_bytes(divan::black_box(bytes).to_vec(), "list.json", &Default::default()).unwrap());
}

#[divan::bench(args = sizes(), sample_count = 5, sample_size = 1)]
fn compact_to_queryable(b: divan::Bencher, n: usize) {
    let bytes = compact_bytes(n);
    b.bench(|| Matcher::from_compact(divan::black_box(bytes)).unwrap());
}

#[divan::bench(args = sizes(), sample_count = 10, sample_size = 1)]
fn rank_60_queries(b: divan::Bencher, n: usize) {
    let m = matcher(n);
    b.bench(|| {
        for q in queries() {
            divan::black_box(m.rank(q));
        }
    });
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn main() {
    divan::main();
    if !bench_mode() {
        return;
    }
    println!("\nrank latency, top 20 with reasons, 60 queries × 7 runs (after 1 warm-up run):");
    println!("{:>10} {:>10} {:>10} {:>10}", "projects", "p50 ms", "p95 ms", "max ms");
    for n in sizes() {
        let m = matcher(n);
        for q in queries() {
            m.rank(q);
        }
        let mut t = Vec::new();
        for _ in 0..7 {
            for q in queries() {
                let start = Instant::now();
                divan::black_box(m.rank(q));
                t.push(start.elapsed().as_secs_f64() * 1e3);
            }
        }
        t.sort_by(f64::total_cmp);
        println!("{:>10} {:>10.3} {:>10.3} {:>10.3}", m.len(), percentile(&t, 0.5), percentile(&t, 0.95), t[t.len() - 1]);
    }
}
