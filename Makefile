# opportunity-matcher — the two commands are `make demo` and `make test`; both install what is missing.
SHELL := /bin/bash
PORT ?= 8080
WASM := target/wasm32-unknown-unknown/release/opportunity_matcher.wasm
export CHROMEDRIVER ?= /usr/bin/chromedriver

.PHONY: setup build demo test test-native test-wasm test-e2e bench dist clean size

## Install the wasm32 target, the pinned wasm-bindgen-cli, Chromium/ChromeDriver and npm packages when missing.
setup:
	@bash scripts/setup.sh

## Release wasm into www/pkg/ (wasm-bindgen --target web, then wasm-opt when available).
build: setup
	cargo build --release --target wasm32-unknown-unknown --lib
	wasm-bindgen --target web --no-typescript --out-dir www/pkg $(WASM)
	@if command -v wasm-opt >/dev/null 2>&1; then \
	  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
	    www/pkg/opportunity_matcher_bg.wasm -o www/pkg/opportunity_matcher_bg.wasm; fi
	@node scripts/size.mjs

## Serve the demo portal at http://127.0.0.1:$(PORT)/ (fair page: /fair.html).
demo: build
	node scripts/serve.mjs --port $(PORT) --root www

## Every test: native unit + integration + doc tests, wasm tests in headless Chromium, end-to-end browser tests.
test: setup test-native test-wasm test-e2e

test-native:
	cargo test --all-targets
	cargo test --doc

test-wasm: setup
	cargo test --target wasm32-unknown-unknown --test wasm

test-e2e: build
	node --test tests/e2e/

## Size of the shipped bundle (wasm + JS + CSS, gzipped).
size: build

clean:
	cargo clean
	rm -rf www/pkg dist
