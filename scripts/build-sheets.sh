#!/usr/bin/env bash
# Builds the two browser modules that the portal widget never downloads, beside the main one in www/pkg/:
# - the spreadsheet module (feature `sheets`: opportunity_matcher_sheets.js + _bg.wasm), imported by
#   the main module only when a spreadsheet is opened (Matcher.fromBytes, the widget, the kiosk);
# - the publisher module (feature `publish`: opportunity_matcher_publish.js + _bg.wasm), loaded only
#   by www/publish.html: the same reader with calamine inside, corrections, JSON and .oml writers.
# Their own target directory keeps the main build's artifacts apart. Run by `make build`.
set -euo pipefail
cd "$(dirname "$0")/.."
# The same wasm-opt as the main module (see the Makefile): binaryen from npm, or one >= 116 on PATH.
opt=node_modules/.bin/wasm-opt
[ -x "$opt" ] || opt=wasm-opt
v=$($opt --version 2>/dev/null | grep -o '[0-9]\+' | head -1 || true)
for feature in sheets publish; do
  cargo build --release --target wasm32-unknown-unknown --lib --features "$feature" --target-dir target/sheets
  wasm-bindgen --target web --no-typescript --out-dir www/pkg --out-name "opportunity_matcher_$feature" \
    target/sheets/wasm32-unknown-unknown/release/opportunity_matcher.wasm
  if [ -n "$v" ] && [ "$v" -ge 116 ]; then
    $opt -Os --skip-pass=inlining-optimizing --skip-pass=local-cse --strip-producers \
      --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
      --enable-reference-types --enable-multivalue \
      "www/pkg/opportunity_matcher_${feature}_bg.wasm" -o "www/pkg/opportunity_matcher_${feature}_bg.wasm"
  else
    echo "build-sheets: wasm-opt skipped (needs binaryen >= 116, found: ${v:-none})"
  fi
done
