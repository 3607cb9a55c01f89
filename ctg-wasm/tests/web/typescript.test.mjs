// The TypeScript consumer (ctg-wasm/tests/ts/consumer.ts, checked by `tsc -p ctg-wasm/tests/ts`
// in scripts/test-web.sh) uses every export of the package's declarations: every data type of
// ctg-types.d.ts, every function, class and method of pkg/ctg_wasm.d.ts, every export of
// ctg-widget.d.ts. A new export without a use in the consumer fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, WEB } from './helpers.mjs';

const consumer = readFileSync(join(ROOT, 'ctg-wasm/tests/ts/consumer.ts'), 'utf8');
const uses = (pattern) => new RegExp(pattern).test(consumer);

test('every data type of ctg-types.d.ts is named in the consumer', () => {
  const text = readFileSync(join(ROOT, 'ctg-wasm/js/ctg-types.d.ts'), 'utf8');
  const names = [...text.matchAll(/^export (?:interface|type) (\w+)/gm)].map((m) => m[1]);
  assert.ok(names.length > 50);
  assert.deepEqual(names.filter((n) => !uses(`\\bT\\.${n}\\b`)), []);
});

test('every export of ctg-widget.d.ts is used by the consumer', () => {
  const text = readFileSync(join(ROOT, 'ctg-wasm/js/ctg-widget.d.ts'), 'utf8');
  const names = [...text.matchAll(/^export (?:declare )?(?:interface|type|class|function) (\w+)/gm)].map((m) => m[1]);
  assert.ok(names.length >= 10);
  assert.deepEqual(names.filter((n) => !uses(`\\b${n}\\b`)), []);
});

const BINDINGS = join(WEB, 'ctg/pkg/ctg_wasm.d.ts');
test('every function, class and method of the bindings (pkg/ctg_wasm.d.ts) is used by the consumer', { skip: !existsSync(BINDINGS) }, () => {
  const text = readFileSync(BINDINGS, 'utf8');
  const exported = [...text.matchAll(/^export (?:default )?(?:declare )?(?:class|function|type|interface) (\w+)/gm)]
    .map((m) => m[1])
    .filter((n) => n !== '__wbg_init');
  assert.deepEqual(exported.filter((n) => !uses(`\\b${n}\\b`)), [], 'exports');
  assert.ok(uses('import init'), 'the default export (init)');
  const missing = [];
  for (const [, name, body] of text.matchAll(/^export class (\w+) \{([\s\S]*?)^\}/gm)) {
    for (const [, method] of body.matchAll(/^ {4}(?:static )?(\w+)\(/gm)) {
      if (method === 'constructor') continue;
      if (!uses(`\\.${method}\\(`)) missing.push(`${name}.${method}`);
    }
  }
  assert.deepEqual(missing, [], 'methods');
});
