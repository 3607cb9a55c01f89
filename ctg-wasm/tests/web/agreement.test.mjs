// The same plan and catalogue give the same results through the CLI (`ctg`), the Rust API and
// the JS API. The wasm-bindgen tests (ctg-wasm/tests/node.rs) check JS = Rust inside the
// module; this test checks CLI = JS on the shared fixtures: evaluation of every valid plan at
// several dates, validation errors of every invalid plan, and the rights results and
// explanations of every reference household.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, WEB } from './helpers.mjs';

const PKG = join(WEB, 'ctg/pkg');
const built = existsSync(join(PKG, 'ctg_wasm_bg.wasm'));
if (!built && process.env.CTG_REQUIRE_BROWSER === '1') throw new Error(`${PKG} missing: run scripts/build-web.sh`);
let ctg;

before(async () => {
  if (!built) return;
  ctg = await import(join(PKG, 'ctg_wasm.js'));
  ctg.initSync({ module: readFileSync(join(PKG, 'ctg_wasm_bg.wasm')) });
  // Build the CLI once (cargo reuses it when it is up to date).
  const build = spawnSync('cargo', ['build', '--quiet', '-p', 'ctg-cli'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(build.status, 0, build.stderr);
});

function cli(...args) {
  const run = spawnSync(join(ROOT, 'target/debug/ctg'), args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { status: run.status, out: run.stdout, err: run.stderr };
}

/** The same JSON value, whatever the key order or the writing of numbers. */
const same = (value) => JSON.parse(JSON.stringify(value));

const PLANS = join(ROOT, 'tests/fixtures/plans');
const valid = () => [
  ...readdirSync(join(PLANS, 'valid')).filter((f) => f.endsWith('.json')).map((f) => join(PLANS, 'valid', f)),
  join(ROOT, 'examples/civraisien/plan.json'),
];

test('plan evaluation: CLI = JS', { skip: !built }, () => {
  for (const file of valid()) {
    const plan = ctg.CtgPlan.load(readFileSync(file, 'utf8'));
    for (const at of ['2019-07-01', '2021-12-31', '2024-06-30']) {
      const run = cli('evaluate', file, '--at', at, '--format', 'json');
      assert.equal(run.status, 0, `${file} ${at}: ${run.err}`);
      const expected = JSON.parse(run.out).evaluation;
      assert.deepEqual(same(plan.evaluate(at)), same(expected), `${file} at ${at}`);
    }
    plan.free();
  }
});

test('plan validation errors: CLI = JS (kinds, paths, messages)', { skip: !built }, () => {
  const dir = join(PLANS, 'invalid');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
  assert.ok(files.length > 0);
  for (const name of files) {
    const file = join(dir, name);
    // The JS API takes text: a file that is not UTF-8 cannot reach it.
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file));
    } catch {
      continue;
    }
    const run = cli('validate', file, '--format', 'json');
    assert.equal(run.status, 1, `${name} is invalid for the CLI`);
    const expected = JSON.parse(run.out).errors;
    let thrown;
    try {
      ctg.CtgPlan.load(readFileSync(file, 'utf8'));
    } catch (error) {
      thrown = error;
    }
    assert.ok(thrown instanceof Error, `${name} throws an Error`);
    assert.deepEqual(same(thrown.errors), same(expected), name);
    assert.equal(thrown.path, expected[0].path);
    assert.equal(thrown.message, expected[0].message);
  }
});

test('rights results and explanations of reference households: CLI = JS', { skip: !built }, () => {
  const { cases } = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/rights/civraisien-cases.json'), 'utf8'));
  const catalogue = ctg.CtgCatalogue.load(readFileSync(join(ROOT, 'examples/civraisien/droits.json'), 'utf8'));
  const dir = mkdtempSync(join(tmpdir(), 'ctg-agreement-'));
  // A sample: the debug CLI takes seconds per household (the Rust tests run every case).
  const households = ['af-deux-enfants', 'rsa-sans-revenu', 'aspa-67-ans'];
  const sample = cases.filter((c, i) => i % 15 === 0 || households.includes(c.id));
  for (const c of sample) {
    const file = join(dir, `${c.id}.json`);
    writeFileSync(file, JSON.stringify(c.situation));
    const run = cli('rights', 'check', '--situation', file, '--at', c.date, '--format', 'json');
    assert.equal(run.status, 0, `${c.id}: ${run.err}`);
    const expected = JSON.parse(run.out);
    assert.deepEqual(same(catalogue.evaluate(c.situation, c.date)), same(expected.results), `${c.id} results`);
    assert.deepEqual(same(catalogue.explain(c.situation, c.date)), same(expected.explanations), `${c.id} explanations`);
    assert.deepEqual(same(catalogue.nextQuestion(c.situation, c.date)), same(expected.next_question), `${c.id} next question`);
    for (const [benefit, status] of Object.entries(c.expected)) {
      assert.equal(expected.results.find((r) => r.benefit === benefit)?.status, status, `${c.id} ${benefit}`);
    }
  }
});
