// Times the widget's WebAssembly paths in Node, on the Civraisien data: plan load, evaluation,
// search, catalogue load, and a questionnaire answered to the end (synthetic answers by type).
// Each figure is the best of 9 rounds (the machine is shared: the best round is the least
// disturbed). Used to compare builds (BENCHMARKS.md, « Taille du widget »: the allocator):
//   bash scripts/build-web.sh && node tools/wasm-bench.mjs target/web/ctg/pkg
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = resolve(process.argv[2] || join(root, 'target/web/ctg/pkg'));
const ctg = await import(join(pkg, 'ctg_wasm.js'));
ctg.initSync({ module: readFileSync(join(pkg, 'ctg_wasm_bg.wasm')) });
const planText = readFileSync(join(root, 'examples/civraisien/plan.json'), 'utf8');
const droitsText = readFileSync(join(root, 'examples/civraisien/droits.json'), 'utf8');
function time(name, n, f) {
  for (let i = 0; i < Math.max(3, n / 10); i++) f();
  let best = Infinity;
  for (let round = 0; round < 9; round++) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < n / 5; i++) f();
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e6 / (n / 5));
  }
  console.log(`${name}: ${best.toFixed(3)} ms (best of 9 rounds of ${n / 5})`);
}
const plan = ctg.CtgPlan.load(planText);
time('CtgPlan.load (Civraisien plan)', 100, () => ctg.CtgPlan.load(planText).free());
time('CtgPlan.evaluate', 200, () => plan.evaluate('2024-06-30'));
time('CtgPlan.search', 500, () => plan.search('enfance'));
const cat = ctg.CtgCatalogue.load(droitsText);
time('CtgCatalogue.load (Civraisien droits)', 50, () => ctg.CtgCatalogue.load(droitsText).free());
function run() {
  const q = cat.questionnaire('2024-06-30');
  for (let step = 0; step < 80; step++) {
    const v = q.next();
    if (v === null) break;
    let value = 1;
    const t = v.type;
    if (t === 'oui_non') value = step % 2 === 0;
    else if (t === 'choix') value = v.question?.options?.[step % (v.question.options.length || 1)]?.code ?? 'x';
    else if (t.startsWith('montant')) value = 800 + 37 * step;
    else if (t === 'commune') value = '86078';
    else if (t === 'date') value = '2020-01-01';
    else value = 1 + (step % 3);
    try { q.answer(v.ref, value); } catch { q.decline(v.ref); }
  }
  q.results();
  q.explanations();
  q.free();
}
time('questionnaire to the end + results + explanations', 30, run);
