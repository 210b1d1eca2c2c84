#!/usr/bin/env bash
# Folds what `make fuzz` explored (fuzz/corpus/TARGET, not committed) into the committed corpus that
# `make test-fuzz` replays (fuzz/corpus-ci/TARGET): libFuzzer's -merge=1 keeps only the inputs that
# add coverage, so the replayed corpus stays small. Commit the result with the fix for anything the
# hunt found. Usage: fuzz/merge.sh [TARGET ...]
set -euo pipefail
cd "$(dirname "$0")/.."
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(load_json load_csv parse_query rank)
export RUSTC_BOOTSTRAP=1
for t in "${targets[@]}"; do
  [ -d "fuzz/corpus/$t" ] || { echo "merge $t: no local corpus (run make fuzz first)"; continue; }
  mkdir -p "fuzz/corpus-ci/$t"
  before=$(ls "fuzz/corpus-ci/$t" | wc -l)
  max_len=1024
  case "$t" in load_json|load_csv) max_len=16384 ;; esac
  cargo fuzz run -s none "$t" "fuzz/corpus-ci/$t" "fuzz/corpus/$t" -- -merge=1 -max_len="$max_len" -timeout=10 \
    >"fuzz/artifacts/$t.merge.log" 2>&1
  echo "merge $t: $before → $(ls "fuzz/corpus-ci/$t" | wc -l) inputs in fuzz/corpus-ci/$t"
done
