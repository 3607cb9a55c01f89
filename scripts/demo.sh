#!/usr/bin/env bash
# The main job: installs what is missing, builds the WebAssembly widget and the demo page,
# and serves them on http://127.0.0.1:8080 (the two elements <ctg-plan> and <ctg-droits> on
# the embedded Civraisien en Poitou data). Stop it with Ctrl-C.
#   CTG_DEMO_PORT=8081 ./scripts/demo.sh   # another port
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
bash scripts/build-web.sh
cargo run --quiet -p ctg-cli -- show --depth 1
echo
exec node examples/web/serve.mjs --port "${CTG_DEMO_PORT:-8080}" --root target/web
