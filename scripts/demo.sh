#!/usr/bin/env bash
# The main job: shows the embedded Civraisien en Poitou CTG.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run --quiet --release -p ctg-cli -- show
