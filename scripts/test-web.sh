#!/usr/bin/env bash
# The WebAssembly and browser tests: builds the widget and the demo (scripts/build-web.sh),
# runs the bindings' tests in Node (wasm-pack test --node), then the widget's size test and
# the browser tests (node:test + playwright-core + Debian's Chromium + axe-core).
# Needs what scripts/setup.sh installs; downloads nothing. Screenshots go to artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

echo "== build the widget and the demo"
bash scripts/build-web.sh

echo "== bindings in Node (wasm-pack test --node ctg-wasm)"
wasm-pack test --node --mode no-install ctg-wasm

echo "== size, sources and browser tests"
node --test --test-concurrency=1 ctg-wasm/tests/web/
