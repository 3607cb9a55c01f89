#!/usr/bin/env bash
# Builds the widget and the demo into target/web/:
#   target/web/ctg/       the widget: ctg-widget.js (its modules in one), pkg/ (wasm + glue)
#   target/web/           the demo page (examples/web/) and its data
# Uses only the tools scripts/setup.sh installed; downloads nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

PROFILE=${CTG_WASM_PROFILE:-wasm-release}
# wasm-opt: -Oz, and (measured in BENCHMARKS.md, « Taille du widget ») `--low-memory-unused`
# (the first 1 KB of memory is the bottom of Rust's 1 MB stack, never reached: wasm-opt may then
# fold constant offsets into loads and stores), then the code flattened and its control flow
# rebuilt (`--flatten --rereloop`) and optimized twice more for size, which finds smaller
# shapes than `-Oz` alone; no `producers` or `target_features` section. `-ocimfs 20`: a function
# called from one place only is inlined there only when it is small (20), not whatever its size
# (the default): the module is some KB larger raw but about 10 KB smaller gzipped, its functions
# staying apart instead of merged into a few huge ones; `--reorder-functions-by-name` puts the
# functions of a module next to each other (names such as `serde_json::de::…`), which gzip
# compresses better.
WASM_OPT_FLAGS=${CTG_WASM_OPT:--ocimfs 20 -Oz --low-memory-unused --flatten --rereloop -Oz -Oz --reorder-functions-by-name --strip-producers --strip-target-features}
OUT=${CTG_WEB_OUT:-target/web}

# The standard library is rebuilt for size (measured in BENCHMARKS.md, « Taille du widget »):
# a panic aborts at once, without formatting a message (`-Cpanic=immediate-abort`; the widget
# never panics on user data, and a panic would trap either way), and std takes its
# size-optimized code paths (`optimize_for_size`: smaller sorts); no source location (file,
# line, column) is compiled in for panics (`-Zlocation-detail=none`: they would never be shown,
# the panic aborting at once). These options of cargo and
# rustc are unstable, so the stable toolchain is unlocked for this one build with
# RUSTC_BOOTSTRAP=1, in its own target directory. They need the `rust-src` component
# (scripts/setup.sh adds it). CTG_WASM_BUILD_STD=0 uses the prebuilt std (about 25 KB gzip more).
if [ "${CTG_WASM_BUILD_STD:-1}" = 1 ]; then
  TARGET_DIR=target/wasm-size
  RUSTC_BOOTSTRAP=1 RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none" \
    cargo build --quiet -p ctg-wasm --target wasm32-unknown-unknown --profile "$PROFILE" \
    --target-dir "$TARGET_DIR" -Z build-std=std,panic_abort -Z build-std-features=optimize_for_size
else
  TARGET_DIR=target
  cargo build --quiet -p ctg-wasm --target wasm32-unknown-unknown --profile "$PROFILE"
fi
rm -rf "$OUT"
mkdir -p "$OUT/ctg/pkg"
wasm-bindgen --target web --out-dir "$OUT/ctg/pkg" --out-name ctg_wasm \
  "$TARGET_DIR/wasm32-unknown-unknown/$PROFILE/ctg_wasm.wasm"
if [ "$WASM_OPT_FLAGS" != "none" ]; then
  # shellcheck disable=SC2086
  node_modules/.bin/wasm-opt $WASM_OPT_FLAGS \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$OUT/ctg/pkg/ctg_wasm_bg.wasm" -o "$OUT/ctg/pkg/ctg_wasm_bg.wasm"
fi
# The widget's modules as one module (esbuild: inlined, minified, the CSS of styles.js minified
# too: scripts/bundle-widget.mjs), which imports the bindings (pkg/ctg_wasm.js, minified apart):
# one request instead of eight, and 2 KB less gzip than the modules minified one by one
# (BENCHMARKS.md, « Taille du widget »). CTG_WEB_MINIFY=0 ships the sources as written instead,
# module by module.
if [ "${CTG_WEB_MINIFY:-1}" = 1 ]; then
  node scripts/bundle-widget.mjs ctg-wasm/js/ctg-widget.js "$OUT/ctg/ctg-widget.js"
  node_modules/.bin/esbuild "$OUT/ctg/pkg/ctg_wasm.js" --minify --log-level=warning \
    --allow-overwrite --outfile="$OUT/ctg/pkg/ctg_wasm.js"
else
  cp ctg-wasm/js/*.js "$OUT/ctg/"
fi
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
