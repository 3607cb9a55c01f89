// <ctg-droits> with a host's own catalogue: the plan whose CTG objectives the benefits serve
// comes from the host (`plan` attribute or `planData` property), never from the widget's
// default Civraisien plan. Without a plan, no objectives are listed and the commune question
// takes an INSEE code; with one, the objectives are named from that plan.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { start, axe, browserAvailable, ROOT } from './helpers.mjs';

const skip = !browserAvailable();
let env;
before(async () => {
  if (!skip) env = await start();
});
after(async () => env?.close());

const PAGE = `<!doctype html>
<html lang="fr">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Page hôte : un catalogue et son plan</title>
  <script type="module" src="/ctg/ctg-widget.js"></script>
</head>
<body>
  <main>
    <h1>Page hôte</h1>
    <h2>Catalogue sans plan</h2>
    <ctg-droits id="no-plan" src="/data/droits.json" date="2025-09-01"></ctg-droits>
    <h2>Catalogue et plan</h2>
    <ctg-droits id="with-plan" src="/data/droits.json" plan="/data/plan.json" date="2025-09-01"></ctg-droits>
  </main>
</body>
</html>`;

async function routes(page) {
  await page.route('**/test/droits-plan.html', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: PAGE }),
  );
}

/**
 * Goes through the questionnaire of one element: declines every question but the commune's,
 * answered with 86078 (Civray). Returns the control the commune question used.
 */
async function complete(page, id) {
  const droits = page.locator(`#${id}`);
  // Loaded: a question or the results, not the loading status.
  await droits.locator('form.question, #results-title').first().waitFor();
  let communeControl = null;
  for (let step = 0; step < 80; step += 1) {
    const form = droits.locator('form.question');
    if (!(await form.count())) break;
    if ((await form.getAttribute('data-type')) === 'commune') {
      const select = form.locator('select');
      if (await select.count()) {
        communeControl = 'select';
        await select.selectOption('86078');
      } else {
        communeControl = 'input';
        assert.match(await form.locator('label[for=answer]').textContent(), /Code INSEE/);
        await form.locator('input#answer').fill(' 86078 ');
      }
      await droits.locator('button[data-key=next]').click();
      assert.equal(await droits.locator('#question-error').count(), 0, 'the INSEE code is accepted');
    } else await droits.locator('button[data-key=decline]').click();
  }
  await droits.locator('#results-title').waitFor();
  return communeControl;
}

const objectiveLinks = (page, id) => page.locator(`#${id} article[data-benefit] a[href^="#node="]`);

test('a host catalogue without a plan: no default plan fetched, no objectives, the commune by INSEE code', { skip }, async () => {
  const { page, requests, errors, context } = await env.open('test/droits-plan.html', { setup: routes });
  assert.equal(await complete(page, 'no-plan'), 'input');
  assert.equal(await objectiveLinks(page, 'no-plan').count(), 0);
  // The commune answered by its code still selects the places near Civray.
  assert.ok((await page.locator('#no-plan article[data-benefit]').count()) > 10);
  assert.deepEqual(await axe(page), []);
  assert.equal(
    requests.filter((url) => url.includes('civraisien-plan.json')).length,
    0,
    `no request for the default plan: ${requests.join(' ')}`,
  );
  assert.deepEqual(errors, []);
  await context.close();
});

test('a host catalogue with plan="…": the objectives are named from that plan, the communes listed', { skip }, async () => {
  const { page, requests, errors, context } = await env.open('test/droits-plan.html', { setup: routes });
  assert.equal(await complete(page, 'with-plan'), 'select');
  const plan = JSON.parse(await readFile(join(ROOT, 'examples/civraisien/plan.json'), 'utf8'));
  const titles = new Map();
  const walk = (nodes, children) =>
    nodes.forEach((n) => {
      titles.set(n.id, n.title);
      for (const key of children) if (n[key]) walk(n[key], children);
    });
  walk(plan.axes, ['strategic_objectives', 'specific_objectives', 'actions']);
  const links = objectiveLinks(page, 'with-plan');
  assert.ok((await links.count()) > 0, 'objectives listed');
  for (const link of await links.all()) {
    const id = decodeURIComponent((await link.getAttribute('href')).slice('#node='.length));
    assert.equal(await link.textContent(), titles.get(id), id);
  }
  assert.ok(requests.some((url) => url.endsWith('/data/plan.json')));
  assert.equal(requests.filter((url) => url.includes('civraisien-plan.json')).length, 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('planData set by the host reloads the element with that plan; an invalid one is reported as the plan', { skip }, async () => {
  const { page, context } = await env.open('test/droits-plan.html', { setup: routes });
  const text = await readFile(join(ROOT, 'examples/civraisien/plan.json'), 'utf8');
  await page.evaluate((plan) => {
    document.querySelector('#no-plan').planData = plan;
  }, text);
  // Setting it reloaded the element (the loading status replaced the question), then:
  // With the plan, the commune question offers the territory's communes.
  assert.equal(await complete(page, 'no-plan'), 'select');
  assert.ok((await objectiveLinks(page, 'no-plan').count()) > 0);
  // An invalid plan: the alert names the plan's problems, not the catalogue's file.
  await page.evaluate(() => {
    document.querySelector('#no-plan').planData = { format: 'ctg-plan/1' };
  });
  const alert = page.locator('#no-plan [role=alert]');
  await alert.waitFor();
  assert.doesNotMatch(await alert.textContent(), /droits\.json/);
  assert.ok((await alert.locator('li code').count()) > 0, 'paths listed');
  await context.close();
});
