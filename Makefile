# opportunity-matcher — the two commands are `make demo` and `make test`; both install what is missing.
SHELL := /bin/bash
PORT ?= 8080
WASM := target/wasm32-unknown-unknown/release/opportunity_matcher.wasm
export CHROMEDRIVER ?= /usr/bin/chromedriver

.PHONY: setup build demo test lint screenshots test-native test-wasm test-e2e bench bench-phone dist package clean size fuzz test-fuzz

## Install the wasm32 target, the pinned wasm-bindgen-cli, Chromium/ChromeDriver and npm packages when missing.
setup:
	@bash scripts/setup.sh

## Release wasm into www/pkg/ (wasm-bindgen --target web, then wasm-opt when available), twice from
## the same crate: the full build (opportunity_matcher*: the Matcher API, fair mode) and the portal
## build (opportunity_matcher_portal*, --no-default-features: what the element loads on a portal
## page; the loader fetches the full build only for mode="kiosk").
build: setup
	cargo build --release --target wasm32-unknown-unknown --lib
	wasm-bindgen --target web --no-typescript --out-dir www/pkg $(WASM)
	@# The Simplified→Traditional display table, fetched by the widget only when 繁 is chosen (not part of the bundle).
	cp data/s2twp.tsv www/pkg/s2twp.tsv
	cargo build --release --target wasm32-unknown-unknown --lib --no-default-features
	wasm-bindgen --target web --no-typescript --out-dir www/pkg --out-name opportunity_matcher_portal $(WASM)
	@# wasm-opt of the npm package binaryen (package.json); Debian's binaryen 108 mangles wasm-bindgen's
	@# externref table (the page then fails to start), so a wasm-opt on PATH is used only from version 116 on.
	@# -Os without inlining and local CSE: measured smallest once gzipped (-Oz is smaller raw but larger
	@# gzipped: inlining duplicates code that gzip had shared).
	@opt=node_modules/.bin/wasm-opt; [ -x "$$opt" ] || opt=wasm-opt; \
	v=$$($$opt --version 2>/dev/null | grep -o '[0-9]\+' | head -1); \
	if [ -n "$$v" ] && [ "$$v" -ge 116 ]; then \
	  for w in www/pkg/opportunity_matcher_bg.wasm www/pkg/opportunity_matcher_portal_bg.wasm; do \
	    $$opt -Os --skip-pass=inlining-optimizing --skip-pass=local-cse --strip-producers \
	      --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
	      --enable-reference-types --enable-multivalue $$w -o $$w || exit 1; \
	  done; \
	else echo "build: wasm-opt skipped (needs binaryen >= 116, found: $${v:-none})"; fi
	bash scripts/build-sheets.sh
	@node scripts/size.mjs

## Serve the demo portal at http://127.0.0.1:$(PORT)/ (fair page: /fair.html).
demo: build
	node scripts/serve.mjs --port $(PORT) --root www

## Every test: formatting and lints, native unit + integration + doc tests, the fuzz corpus replayed,
## wasm tests in headless Chromium, end-to-end browser tests.
test: setup lint test-native test-fuzz test-wasm test-e2e

## Formatting (rustfmt.toml) and clippy with warnings denied, natively and for the wasm32 target.
lint: setup
	cargo fmt --check
	cargo fmt --check --manifest-path fuzz/Cargo.toml
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --tests -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --no-default-features -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --tests --features publish -- -D warnings

test-native:
	cargo test --all-targets
	cargo test --doc
	@# The million-row hostile list takes minutes in a debug build: run it optimised.
	cargo test --release --test hostile -- --ignored

## Open-ended fuzzing: each cargo-fuzz target (fuzz/) mutates for FUZZ_SECONDS (default 10 minutes)
## from the committed corpus; installs cargo-fuzz when missing and runs it on stable Rust
## (RUSTC_BOOTSTRAP=1). Crashes land in fuzz/artifacts/; fuzz/regressions/README.md says how to keep
## one, and `bash fuzz/merge.sh` folds what was explored into the replayed corpus.
FUZZ_SECONDS ?= 600
fuzz:
	bash fuzz/run.sh hunt $(FUZZ_SECONDS)

## The fuzz step of `make test`, deterministic: every committed corpus input, seed and kept crash of
## every target run once through the fuzz build (libFuzzer -runs=0), no mutation.
test-fuzz:
	bash fuzz/run.sh replay

test-wasm: setup
	cargo test --target wasm32-unknown-unknown --test wasm
	cargo test --target wasm32-unknown-unknown --features publish --test publish_wasm

test-e2e: build
	node --test tests/e2e/

## Refreshes the README's pictures in docs/screenshots/ (the end-to-end tests take the same
## screenshots into target/screenshots/ on every run, leaving the tree clean).
screenshots: build
	OM_SCREENSHOTS_DIR=$(CURDIR)/docs/screenshots node --test --test-name-pattern=screenshots \
	  tests/e2e/screenshots.test.mjs tests/e2e/fair.test.mjs tests/e2e/publish.test.mjs

## Browser benchmark (BENCHMARKS.md): 2,062 / 100,000 / 1,000,000 generated projects, opportunity-matcher
## from JSON text and from the compact form against Fuse.js and MiniSearch, in headless Chromium; prints the
## table, the bundle size and a twiggy summary, and rewrites the figures in BENCHMARKS.md. Reports, never gates.
## BENCH_ARGS="--sizes 2062,100000" for a shorter run; `cargo bench --bench core` for the native benchmark.
## Then first results on a phone (scripts/bench-phone.mjs: 4× CPU throttle, Fast 4G, gzip; the widget
## against a plain Fuse.js page, bundled list and 2,062 projects); PHONE_ARGS="--runs 3" for a shorter run.
bench: build
	node scripts/bench.mjs $(BENCH_ARGS)
	@# A national list from CSV and from JSON (issue 15, item 7), as a page loads a file, in Node:
	@# time and wasm memory, one load per process (bench.mjs wrote the 100,000 list).
	node scripts/bench-load.mjs target/bench/list-100000.json --as-csv
	node scripts/bench-load.mjs target/bench/list-100000.json
	node scripts/bench-phone.mjs $(PHONE_ARGS)
	@# Investor leads both ways (issue 16): 10,000 leads × 2,062 projects in the browser (the leads
	@# page and its worker), then natively × 2,062 and × 100,000. Reported, not gated.
	node scripts/bench-leads.mjs
	cargo bench --bench leads

## First results on a phone alone (BENCHMARKS.md, "First results on a phone").
bench-phone: build
	node scripts/bench-phone.mjs $(PHONE_ARGS)

## Size of the shipped bundle (wasm + JS + CSS, gzipped).
size: build

## The fair page as one self-contained file, dist/opportunity-matcher-fair.html: wasm, JS, CSS and
## the bundled list inlined; works opened from file:// (a USB stick) with no network. And the release
## folder for portals, dist/portal/: the loader, pkg/, an example page and the bundled list, for any
## static host and any sub-path (README: "Embed it in three steps"). Likewise the leads page,
## dist/opportunity-matcher-leads.html (its worker inlined too).
dist: build
	node scripts/dist.mjs
	node scripts/dist-leads.mjs
	node scripts/portal.mjs

## The npm package (wasm-pack's layout, with TypeScript declarations) as an `npm pack` tarball:
## dist/opportunity-matcher-VERSION.tgz. Exports the element (".") and the Matcher API ("./matcher").
package: build
	node scripts/package.mjs

clean:
	cargo clean
	rm -rf www/pkg dist
