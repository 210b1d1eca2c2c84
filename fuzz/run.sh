#!/usr/bin/env bash
# The cargo-fuzz targets, two ways:
#
#   fuzz/run.sh replay [TARGET ...]        what `make test-fuzz` (and so `make test`) runs
#   fuzz/run.sh hunt SECONDS [TARGET ...]  what `make fuzz` runs: open-ended exploration
#
# replay is deterministic: every input of the committed corpus (fuzz/corpus-ci/TARGET, grown by
# hunting and minimised with fuzz/merge.sh), the hand-written seeds (fuzz/corpus-seed/TARGET), the
# kept crashes (fuzz/regressions/TARGET), the fixtures (loaders) and compact forms of two fixtures
# made by this build, each run exactly once (libFuzzer -runs=0), no mutation. The same commit
# replays the same inputs on every machine, so it passes or fails the same way everywhere.
#
# hunt mutates for SECONDS per target, from the committed corpus, into fuzz/corpus/TARGET (not
# committed). A crash leaves its input in fuzz/artifacts/TARGET/ and fails the run; see
# fuzz/regressions/README.md for how to keep it.
#
# Stable Rust only: cargo-fuzz needs nightly flags (-Z sanitizer coverage passes), which stable
# rustc accepts with RUSTC_BOOTSTRAP=1. The sanitizer is off (`-s none`): the crate has no unsafe
# code, panics, hangs (-timeout) and memory blow-ups (-rss_limit_mb) are caught without it, and an
# AddressSanitizer build would halve the runs per second on the two shared cores.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-replay}
shift || true
seconds=600
if [ "$mode" = hunt ]; then
  seconds=${1:-600}
  shift || true
elif [ "$mode" != replay ]; then
  echo "usage: fuzz/run.sh replay [TARGET ...] | fuzz/run.sh hunt SECONDS [TARGET ...]" >&2
  exit 2
fi
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

# Compact-form inputs (`convert LIST OUT.oml`) made by this build, so that their index is trusted
# and the matcher's stored-index path runs. Deterministic: the same commit writes the same bytes.
made=fuzz/artifacts/compact-seeds
rm -rf "$made"
mkdir -p "$made"
for f in sample.json hostile.json; do
  cargo run --quiet --bin opportunity-matcher -- convert "tests/fixtures/$f" "$made/${f%.json}.oml" >/dev/null
done

status=0
for t in "${targets[@]}"; do
  mkdir -p "fuzz/artifacts/$t"
  inputs=()
  for d in "fuzz/corpus-ci/$t" "fuzz/corpus-seed/$t" "fuzz/regressions/$t"; do
    [ -d "$d" ] && inputs+=("$d")
  done
  max_len=1024
  case "$t" in
    load_json) inputs+=(tests/fixtures "$made"); max_len=16384 ;;
    load_csv) inputs+=(tests/fixtures); max_len=16384 ;;
  esac
  log="fuzz/artifacts/$t.log"
  if [ "$mode" = replay ]; then
    # libFuzzer writes new inputs only to its first corpus directory: an empty scratch one, so
    # that nothing committed changes.
    scratch="fuzz/artifacts/replay/$t"
    rm -rf "$scratch"
    mkdir -p "$scratch"
    dirs=("$scratch" "${inputs[@]}")
    bound=(-runs=0)
  else
    mkdir -p "fuzz/corpus/$t"
    dirs=("fuzz/corpus/$t" "${inputs[@]}")
    bound=(-max_total_time="$seconds")
  fi
  if cargo fuzz run -s none "$t" "${dirs[@]}" -- \
    "${bound[@]}" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 >"$log" 2>&1; then
    if [ "$mode" = replay ]; then
      count=$(find "${inputs[@]}" -type f ! -name README.md | wc -l)
      echo "fuzz $t: replayed $count inputs, every invariant holds"
    else
      done_runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
      echo "fuzz $t: ${done_runs:-?} runs in ${seconds}s, no crash (local corpus: $(ls "fuzz/corpus/$t" | wc -l) inputs)"
    fi
  else
    status=1
    echo "fuzz $t: FAILED; the end of $log:"
    grep -v -e '^#[0-9]' -e 'NEW_FUNC' -e '# Uses:' "$log" | tail -40
    echo "fuzz $t: crash inputs:"
    ls -l "fuzz/artifacts/$t/"
  fi
done
exit $status
