#!/usr/bin/env bash
# Runs the cargo-fuzz targets for a bounded time each: `fuzz/run.sh SECONDS [TARGET ...]`.
# `make test-fuzz` runs every target for 60 s; `make fuzz` for 10 minutes (FUZZ_SECONDS=...).
#
# Stable Rust only: cargo-fuzz needs nightly flags (-Z sanitizer coverage passes), which stable
# rustc accepts with RUSTC_BOOTSTRAP=1. The sanitizer is off (`-s none`): the crate has no unsafe
# code, panics, hangs (-timeout) and memory blow-ups (-rss_limit_mb) are caught without it, and an
# AddressSanitizer build would halve the runs per second on the two shared cores.
#
# Seeds: fuzz/corpus-seed/TARGET (hand-written, committed) and, for the loaders, tests/fixtures
# itself. New inputs accumulate in fuzz/corpus/TARGET (not committed). A crash leaves its input in
# fuzz/artifacts/TARGET/ and fails the run; reproduce it with
#   RUSTC_BOOTSTRAP=1 cargo fuzz run -s none TARGET fuzz/artifacts/TARGET/crash-...
# then keep it as a regression test in tests/hostile.rs (or a unit test) and fix the code.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
# FUZZ_RUNS=ci (what `make test` uses): a fixed seed and a fixed number of runs per target, sized to
# about a minute each here, so that a test run explores the same inputs on every machine and a
# passing commit cannot fail CI by chance. Open-ended hunting is `make fuzz`.
fuzz_runs=${FUZZ_RUNS:-}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(load_json load_csv parse_query rank)

export RUSTC_BOOTSTRAP=1
export CARGO_BUILD_JOBS=${CARGO_BUILD_JOBS:-2}
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz: installing cargo-fuzz 0.13.2 (takes a few minutes)"
  cargo install cargo-fuzz --version 0.13.2 --locked
fi

mkdir -p fuzz/artifacts
echo "fuzz: building the targets (first build: a few minutes)"
if ! cargo fuzz build -s none >fuzz/artifacts/build.log 2>&1; then
  tail -40 fuzz/artifacts/build.log
  exit 1
fi

# Compact-form seeds (`convert LIST OUT.oml`), made by this build so their index is trusted.
mkdir -p fuzz/corpus/load_json
for f in sample.json hostile.json; do
  cargo run --quiet --bin opportunity-matcher -- convert "tests/fixtures/$f" "fuzz/corpus/load_json/${f%.json}.oml" \
    >/dev/null 2>&1 || echo "fuzz: (no compact seed from $f)"
done

status=0
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t" "fuzz/artifacts/$t"
  seeds=("fuzz/corpus-seed/$t")
  max_len=1024
  case "$t" in
    load_json|load_csv) seeds+=(tests/fixtures); max_len=16384 ;;
  esac
  log="fuzz/artifacts/$t.log"
  bound=(-max_total_time="$seconds")
  corpus="fuzz/corpus/$t"
  if [ "$fuzz_runs" = ci ]; then
    case "$t" in
      load_json) runs=60000 ;; load_csv) runs=4000 ;; *) runs=10000 ;;
    esac
    bound=(-runs="$runs" -seed=1)
    # A fresh corpus directory each time, so that earlier local hunts do not change what runs.
    corpus="fuzz/artifacts/ci-corpus/$t"
    rm -rf "$corpus"; mkdir -p "$corpus"
    [ "$t" = load_json ] && cp fuzz/corpus/load_json/*.oml "$corpus/" 2>/dev/null || true
  fi
  if cargo fuzz run -s none "$t" "$corpus" "${seeds[@]}" -- \
      "${bound[@]}" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 >"$log" 2>&1; then
    done_runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    echo "fuzz $t: ${done_runs:-?} runs, no crash (corpus: $(ls "$corpus" | wc -l) inputs)"
  else
    status=1
    echo "fuzz $t: FAILED; the end of $log:"
    grep -v -e '^#[0-9]' -e 'NEW_FUNC' -e '# Uses:' "$log" | tail -40
    echo "fuzz $t: crash inputs:"; ls -l "fuzz/artifacts/$t/"
  fi
done
exit $status
