#!/usr/bin/env bash
# Builds the spreadsheet module for the browser: this crate with the feature `sheets`, as a second
# wasm beside the main one (www/pkg/opportunity_matcher_sheets.js + _bg.wasm). The page imports it
# only when a spreadsheet is opened (Matcher.fromBytes), so the portal widget never carries it.
# Its own target directory keeps the main build's artifacts apart. Run by `make build`.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --target wasm32-unknown-unknown --lib --features sheets --target-dir target/sheets
wasm-bindgen --target web --no-typescript --out-dir www/pkg --out-name opportunity_matcher_sheets \
  target/sheets/wasm32-unknown-unknown/release/opportunity_matcher.wasm
# The same wasm-opt as the main module (see the Makefile): binaryen from npm, or one >= 116 on PATH.
opt=node_modules/.bin/wasm-opt
[ -x "$opt" ] || opt=wasm-opt
v=$($opt --version 2>/dev/null | grep -o '[0-9]\+' | head -1 || true)
if [ -n "$v" ] && [ "$v" -ge 116 ]; then
  $opt -Os --skip-pass=inlining-optimizing --skip-pass=local-cse --strip-producers \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    --enable-reference-types --enable-multivalue \
    www/pkg/opportunity_matcher_sheets_bg.wasm -o www/pkg/opportunity_matcher_sheets_bg.wasm
else
  echo "build-sheets: wasm-opt skipped (needs binaryen >= 116, found: ${v:-none})"
fi
