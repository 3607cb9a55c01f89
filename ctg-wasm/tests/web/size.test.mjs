// The widget's whole transfer — the WebAssembly module, its JS glue, the widget's module (its
// modules and styles bundled into ctg-widget.js by scripts/build-web.sh) — gzipped (level 9),
// must stay under 150 KB. The default data in data/ is printed apart: a page that gives its own
// data never downloads it.
// Measures target/web/ctg/ as scripts/build-web.sh leaves it. Figures: BENCHMARKS.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { WEB } from './helpers.mjs';

const LIMIT = 150 * 1024;
const DIR = join(WEB, 'ctg');

async function files(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await files(path)));
    else if (/\.(js|wasm|css)$/.test(entry.name)) out.push(path);
  }
  return out;
}

export async function measure() {
  const rows = [];
  for (const path of await files(DIR)) {
    const bytes = await readFile(path);
    rows.push({ file: relative(DIR, path), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  }
  const data = [];
  const dataDir = join(DIR, 'data');
  for (const name of existsSync(dataDir) ? await readdir(dataDir) : []) {
    const bytes = await readFile(join(dataDir, name));
    data.push({ file: `data/${name}`, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  }
  return { rows, total: rows.reduce((sum, r) => sum + r.gzip, 0), data };
}

const built = existsSync(DIR);
if (!built && process.env.CTG_REQUIRE_BROWSER === '1') throw new Error(`${DIR} missing: run scripts/build-web.sh`);
const measured = built ? await measure() : null;

test(
  `the widget weighs at most ${LIMIT / 1024} KB gzipped`,
  { skip: !built },
  () => {
    const { rows, total } = measured;
    for (const r of rows) console.log(`# ${r.file}: ${r.raw} B, ${r.gzip} B gzip`);
    console.log(`# total: ${(total / 1024).toFixed(1)} KB gzip (limit ${LIMIT / 1024} KB)`);
    // Not counted: the default Civraisien data, fetched only by a widget given no data.
    for (const r of measured.data) console.log(`# (default data, not counted) ${r.file}: ${r.raw} B, ${r.gzip} B gzip`);
    assert.ok(rows.some((r) => r.file.endsWith('.wasm')), 'the .wasm is counted');
    assert.ok(total <= LIMIT, `${(total / 1024).toFixed(1)} KB gzip > ${LIMIT / 1024} KB`);
  },
);
