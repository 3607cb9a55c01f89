#!/usr/bin/env bash
# The WebAssembly and browser tests: builds the widget and the demo (scripts/build-web.sh),
# runs the bindings' tests in Node (wasm-pack test --node), type-checks a TypeScript consumer
# (tsc), then the widget's size test, the JS API tests (bad inputs, agreement with the CLI),
# the Vite packaging test and the browser tests (node:test + playwright-core + Debian's
# Chromium + axe-core).
# Needs what scripts/setup.sh installs; downloads nothing. Screenshots go to artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

echo "== build the widget and the demo"
bash scripts/build-web.sh

echo "== bindings in Node (wasm-pack test --node ctg-wasm)"
wasm-pack test --node --mode no-install ctg-wasm

echo "== TypeScript: tsc --noEmit over a consumer of the package's declarations"
node_modules/.bin/tsc -p ctg-wasm/tests/ts

echo "== size, sources, JS API, Vite packaging and browser tests"
node --test --test-concurrency=1 ctg-wasm/tests/web/
