#!/usr/bin/env bash
# Installs what building and testing need, only when missing: the wasm32 target, wasm-bindgen-cli at
# the exact version of the wasm-bindgen crate, Chromium, ChromeDriver and a CJK font (Debian
# packages) and the npm packages of package.json. Safe to run repeatedly.
set -euo pipefail
cd "$(dirname "$0")/.."

need_wbg=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml)

if ! rustup target list --installed 2>/dev/null | grep -q '^wasm32-unknown-unknown$'; then
  echo "setup: adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

have_wbg=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have_wbg" != "$need_wbg" ]; then
  echo "setup: installing wasm-bindgen-cli $need_wbg (found: ${have_wbg:-none}); this takes about 5 minutes"
  cargo install wasm-bindgen-cli --version "$need_wbg" --force
fi

apt_missing=()
[ -x /usr/bin/chromium ] || apt_missing+=(chromium)
[ -x /usr/bin/chromedriver ] || apt_missing+=(chromium-driver)
# A CJK font, so that screenshots taken by the browser tests show Chinese rather than empty boxes.
[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || apt_missing+=(fonts-wqy-microhei)
if [ ${#apt_missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${apt_missing[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${apt_missing[@]}" >/dev/null
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi
