//! Native benchmark of matching investor leads both ways (issue 16; figures in BENCHMARKS.md,
//! reported by `make bench`, never gated).
//!
//! ```text
//! cargo bench --bench leads                          # 10,000 leads × 2,062 and × 100,000 projects
//! OM_BENCH_LEADS=10000 OM_BENCH_SIZES=100000 cargo bench --bench leads
//! ```
//!
//! Lists come from `scripts/gen-list.mjs` and leads from `scripts/gen-leads.mjs` (drawn from the
//! list), generated into `target/bench/` when missing. Measured: reading the leads sheet, and
//! `match_leads` (every lead's best 10 projects, every project's best 10 leads, with reasons).
//! Under `cargo test --all-targets` (no `--bench` argument) it runs once on the bundled list and the
//! fixture sheet only, so the test suite needs neither node nor big files.

use opportunity_matcher::leads::{match_leads, read_leads, LeadsOptions};
use opportunity_matcher::list::load_bytes;
use opportunity_matcher::rank::Matcher;
use std::path::{Path, PathBuf};
use std::time::Instant;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn generate(script: &str, args: &[&str], out: &Path) {
    if out.exists() {
        return;
    }
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();
    let status = std::process::Command::new("node")
        .arg(root().join(script))
        .args(args)
        .arg("--out")
        .arg(out)
        .status()
        .unwrap_or_else(|e| panic!("node runs {script}: {e}"));
    assert!(status.success(), "{script} failed");
}

fn env_list(name: &str, default: &[usize]) -> Vec<usize> {
    std::env::var(name).ok().map(|s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect()).unwrap_or_else(|| default.to_vec())
}

fn main() {
    let bench = std::env::args().any(|a| a == "--bench");
    let runs: Vec<(PathBuf, PathBuf)> = if bench {
        let mut runs = Vec::new();
        for n in env_list("OM_BENCH_SIZES", &[2062, 100_000]) {
            let list = root().join(format!("target/bench/list-{n}.json"));
            let count = n.to_string();
            let mut args = vec!["--count", &count, "--seed", "1"];
            if n == 2062 {
                args.extend(["--province", "51"]);
            }
            generate("scripts/gen-list.mjs", &args, &list);
            for leads in env_list("OM_BENCH_LEADS", &[10_000]) {
                let sheet = root().join(format!("target/bench/leads-{leads}-from-{n}.csv"));
                let list_arg = list.to_string_lossy().into_owned();
                let leads_arg = leads.to_string();
                generate("scripts/gen-leads.mjs", &["--list", &list_arg, "--count", &leads_arg, "--seed", "1"], &sheet);
                runs.push((list.clone(), sheet));
            }
        }
        runs
    } else {
        vec![(root().join("www/data/opportunity-list.json"), root().join("tests/fixtures/leads/investor-leads.csv"))]
    };
    println!("{:>8} {:>9} {:>10} {:>12} {:>12} {:>10}", "leads", "projects", "read (ms)", "match (ms)", "pairs/s", "kept");
    for (list, sheet) in runs {
        let matcher = Matcher::new(load_bytes(&std::fs::read(&list).unwrap(), &list.to_string_lossy()).unwrap());
        let bytes = std::fs::read(&sheet).unwrap();
        let t = Instant::now();
        let leads = read_leads(&bytes, &sheet.to_string_lossy()).unwrap();
        let read_ms = t.elapsed().as_secs_f64() * 1e3;
        let options = LeadsOptions { top: 10, today: Some("2026-09-01".into()), ..LeadsOptions::default() };
        let t = Instant::now();
        let report = match_leads(&matcher, &leads, &options, &mut |_, _| {});
        let match_s = t.elapsed().as_secs_f64();
        let pairs = leads.leads.len() as f64 * matcher.len() as f64;
        let kept: usize =
            report.projects.iter().map(|p| p.leads.len()).sum::<usize>() + report.leads.iter().map(|l| l.results.len()).sum::<usize>();
        println!(
            "{:>8} {:>9} {:>10.0} {:>12.0} {:>12.3e} {:>10}",
            leads.leads.len(),
            matcher.len(),
            read_ms,
            match_s * 1e3,
            pairs / match_s,
            kept
        );
        assert_eq!(report.leads.len(), leads.leads.len());
    }
}
