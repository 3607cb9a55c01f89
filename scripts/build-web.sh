#!/usr/bin/env bash
# Builds the widget and the demo into target/web/:
#   target/web/ctg/       the widget: ctg-widget.js and its modules, pkg/ (wasm + glue)
#   target/web/           the demo page (examples/web/) and its data
# Uses only the tools scripts/setup.sh installed; downloads nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

PROFILE=${CTG_WASM_PROFILE:-wasm-release}
WASM_OPT_FLAGS=${CTG_WASM_OPT:--Oz}
OUT=${CTG_WEB_OUT:-target/web}

cargo build --quiet -p ctg-wasm --target wasm32-unknown-unknown --profile "$PROFILE"
rm -rf "$OUT"
mkdir -p "$OUT/ctg/pkg"
wasm-bindgen --target web --out-dir "$OUT/ctg/pkg" --out-name ctg_wasm \
  "target/wasm32-unknown-unknown/$PROFILE/ctg_wasm.wasm"
if [ "$WASM_OPT_FLAGS" != "none" ]; then
  # shellcheck disable=SC2086
  node_modules/.bin/wasm-opt $WASM_OPT_FLAGS \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$OUT/ctg/pkg/ctg_wasm_bg.wasm" -o "$OUT/ctg/pkg/ctg_wasm_bg.wasm"
fi
cp ctg-wasm/js/*.js "$OUT/ctg/"
cp ctg-wasm/js/*.d.ts "$OUT/ctg/" 2>/dev/null || true
# The widget's default data (used when a host gives neither `src` nor `data`), minified.
mkdir -p "$OUT/ctg/data"
for kind in plan droits; do
  node -e 'const fs = require("fs"); fs.writeFileSync(process.argv[2], JSON.stringify(JSON.parse(fs.readFileSync(process.argv[1], "utf8"))));' \
    "examples/civraisien/$kind.json" "$OUT/ctg/data/civraisien-$kind.json"
done
cp -r examples/web/. "$OUT/"
rm -f "$OUT/serve.mjs"
mkdir -p "$OUT/data"
cp examples/civraisien/*.json "$OUT/data/"
echo "build-web: built $OUT"
