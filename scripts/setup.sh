#!/usr/bin/env bash
# Installs what the WebAssembly build and the browser tests need, from the package registries
# only (crates.io, npm, Debian). Idempotent: every step is skipped when already done.
# After it, nothing downloads at build or test time.
set -euo pipefail
cd "$(dirname "$0")/.."

# Must equal the `wasm-bindgen = "=…"` pin of the root Cargo.toml.
WASM_BINDGEN_VERSION=0.2.130
WASM_PACK_VERSION=0.15.1

export PATH="$HOME/.cargo/bin:$PATH"

step() { echo "setup: $*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# The widget's build rebuilds the standard library for size (scripts/build-web.sh).
if ! rustup component list --installed | grep -q '^rust-src'; then
  step "rust component rust-src"
  rustup component add rust-src
fi

if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  step "wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if ! command -v wasm-pack >/dev/null 2>&1; then
  step "wasm-pack $WASM_PACK_VERSION (a few minutes)"
  cargo install wasm-pack --version "$WASM_PACK_VERSION"
fi

# Node tools (binaryen's wasm-opt, esbuild to minify the widget, playwright-core, axe-core,
# vite and typescript for the packaging and type checks) pinned by package-lock.json.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  step "node and npm (apt)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm
fi
if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.ctg-lock; then
  step "npm ci"
  npm ci --no-audit --no-fund
  cp package-lock.json node_modules/.ctg-lock
fi

# Debian's Chromium, driven by playwright-core (playwright's own browser download is not used).
if [ ! -x /usr/bin/chromium ]; then
  step "chromium (apt)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
fi
echo "setup: done"
