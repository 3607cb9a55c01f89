#!/usr/bin/env bash
# Runs every test of ctg. Installs whatever is missing first (idempotent), so it works on a
# fresh machine: `./scripts/test.sh`. CI runs it through `.ci/run`.
set -euo pipefail
cd "$(dirname "$0")/.."

# The browser-based tests must not skip themselves when run from here.
export CTG_REQUIRE_BROWSER=1

if [ -f scripts/setup.sh ]; then
  bash scripts/setup.sh
fi

echo "== format and lints"
cargo fmt --all --check
cargo clippy --workspace --all-targets --quiet -- -D warnings

echo "== Rust tests (unit, integration, doc tests)"
cargo test --workspace --quiet

echo "== examples"
for example in examples/*.rs; do
  [ -e "$example" ] || continue
  name=$(basename "$example" .rs)
  cargo run --quiet --example "$name" >/dev/null
  echo "example $name ran"
done

if [ -f scripts/test-web.sh ]; then
  echo "== WebAssembly and browser tests"
  bash scripts/test-web.sh
fi
echo "== all tests passed"
