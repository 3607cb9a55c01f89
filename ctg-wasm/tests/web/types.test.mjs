// The TypeScript declarations stay in sync with the code: ctg-types.d.ts is regenerated from
// the JSON Schemas (themselves generated from the Rust types), and every key of the real
// results of the JS API is declared in its interface.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, WEB } from './helpers.mjs';

test('ctg-types.d.ts is generated from the current JSON Schemas', () => {
  const run = spawnSync(process.execPath, [join(ROOT, 'ctg-wasm/tools/schema-to-ts.mjs'), '--check'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
});

/** Top-level property names of each `export interface` of a .d.ts file. */
function interfaces(text) {
  const out = new Map();
  const re = /export interface (\w+)(?: extends \w+)? \{\n([\s\S]*?)\n\}/g;
  for (const [, name, body] of text.matchAll(re)) {
    const keys = [...body.matchAll(/^ {2}(\w+)\??:/gm)].map((m) => m[1]);
    out.set(name, new Set(keys));
  }
  return out;
}

const PKG = join(WEB, 'ctg/pkg');
const built = existsSync(join(PKG, 'ctg_wasm_bg.wasm'));
let ctg;
let types;
before(async () => {
  types = interfaces(readFileSync(join(ROOT, 'ctg-wasm/js/ctg-types.d.ts'), 'utf8'));
  if (!built) return;
  ctg = await import(join(PKG, 'ctg_wasm.js'));
  ctg.initSync({ module: readFileSync(join(PKG, 'ctg_wasm_bg.wasm')) });
});

function declared(name, value) {
  const keys = types.get(name);
  assert.ok(keys, `interface ${name} exists`);
  for (const key of Object.keys(value)) assert.ok(keys.has(key), `${name}.${key} is declared`);
}

test('every key of the JS API results is declared', { skip: !built }, () => {
  const plan = ctg.CtgPlan.load(readFileSync(join(ROOT, 'examples/civraisien/plan.json'), 'utf8'));
  declared('PlanData', plan.data());
  for (const node of plan.walk()) declared('NodeSummary', node);
  const first = plan.walk()[0];
  declared('FoundNode', plan.find(first.id));
  const evaluation = plan.evaluate('2021-12-31');
  declared('Evaluation', evaluation);
  declared('NodeEvaluation', evaluation.plan);
  for (const n of evaluation.nodes) declared('NodeEvaluation', n);
  for (const n of evaluation.nodes) for (const c of n.contributions) declared('Contribution', c);
  for (const i of evaluation.indicators) declared('IndicatorEvaluation', i);
  declared('VocabularyLabels', ctg.vocabularyLabels('fr'));

  const catalogue = ctg.CtgCatalogue.load(readFileSync(join(ROOT, 'examples/civraisien/droits.json'), 'utf8'));
  declared('CatalogueData', catalogue.data());
  const situation = { answers: { commune: '86078' }, members: [{ role: 'adulte', age: 30 }] };
  for (const r of catalogue.evaluate(situation, '2025-09-01')) declared('BenefitResult', r);
  for (const e of catalogue.explain(situation, '2025-09-01')) {
    declared('Explanation', e);
    if (e.condition) declared('ExplanationNode', e.condition);
  }
  const q = catalogue.questionnaire('2025-09-01');
  const next = q.next();
  declared('QuestionView', next);
  declared('QuestionRef', next.ref);
  q.answer(next.ref, next.type === 'commune' ? '86078' : 1);
  for (const a of q.asked()) declared('AnswerView', a);
  declared('SituationData', q.situation());

  let error;
  try {
    ctg.CtgPlan.load('{');
  } catch (e) {
    error = e;
  }
  assert.ok(error instanceof Error);
  for (const key of ['kind', 'path', 'errors']) assert.ok(types.get('CtgError').has(key) && key in error, `CtgError.${key}`);
});
