// Issue 6, item 5: given data that fails validation, a 404 or a file that is not JSON, each
// element shows an accessible error (role="alert", in its language, every path and message,
// reachable by keyboard, axe-clean), writes the details to the console, dispatches
// `ctg-error`, and the host page keeps working; valid data set afterwards brings it back.
// The host page is pages/errors.html (+ host.js), served under /test/ by page routes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { start, axe, screenshot, browserAvailable, ROOT } from './helpers.mjs';

const skip = !browserAvailable();
const PAGES = join(ROOT, 'ctg-wasm/tests/web/pages');
const BAD_PLAN = 'tests/fixtures/plans/invalid/many_mistakes.json';
const BAD_CATALOGUE = 'tests/fixtures/bad-inputs/catalogues/dangling_fact.json';

let env;
let expectedPlanErrors;
before(async () => {
  if (skip) return;
  env = await start();
  const expected = JSON.parse(await readFile(join(ROOT, 'tests/fixtures/plans/invalid/expected.json'), 'utf8'));
  expectedPlanErrors = expected.cases['many_mistakes.json'];
});
after(async () => env?.close());

/** Serves the host page and its files under /test/ (missing.json is left to the server: 404). */
async function routes(page) {
  const file = async (path, type) => ({ status: 200, contentType: type, body: await readFile(path) });
  const table = {
    '/test/errors.html': () => file(join(PAGES, 'errors.html'), 'text/html; charset=utf-8'),
    '/test/host.js': () => file(join(PAGES, 'host.js'), 'text/javascript; charset=utf-8'),
    '/test/early.js': () => file(join(PAGES, 'early.js'), 'text/javascript; charset=utf-8'),
    '/test/bad-plan.json': () => file(join(ROOT, BAD_PLAN), 'application/json'),
    '/test/bad-catalogue.json': () => file(join(ROOT, BAD_CATALOGUE), 'application/json'),
    '/test/not-json.html': async () => ({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: '<!doctype html><title>Page introuvable</title><p>Oups</p>',
    }),
  };
  await page.route('**/test/offline.json', (route) => route.abort('connectionfailed'));
  await page.route(
    (url) => url.pathname in table,
    async (route) => route.fulfill(await table[new URL(route.request().url()).pathname]()),
  );
}

async function openHost() {
  const opened = await env.open('test/errors.html', { setup: routes });
  const { page } = opened;
  // Every element has settled: seven errors or ready events (#bad-catalogue is valid at first).
  await page.waitForFunction(() => window.hostEvents.length >= 8);
  return opened;
}

const alertOf = (page, id) => page.locator(`#${id} [role=alert]`);

test('an invalid plan by src: every path and message in a French role=alert, console, ctg-error', { skip }, async () => {
  const { page, context, errors } = await openHost();
  const alert = alertOf(page, 'bad-plan');
  await alert.waitFor();
  assert.equal(await alert.getAttribute('lang'), 'fr');
  assert.match(await alert.locator('h2').textContent(), /Les données n’ont pas pu être lues/);
  assert.match(await alert.textContent(), /bad-plan\.json/);
  const paths = await alert.locator('li code').allTextContents();
  for (const { path } of expectedPlanErrors) assert.ok(paths.includes(path), `${path} listed (${paths})`);
  const items = await alert.locator('li').allTextContents();
  assert.ok(items.every((text) => / : \S/.test(text)), 'each item has its message');
  // The event, with the Error and every problem.
  const events = await page.evaluate(() => window.hostEvents.filter((e) => e.id === 'bad-plan'));
  assert.equal(events.length, 1);
  assert.equal(events[0].type, 'ctg-error');
  assert.ok(events[0].isError);
  assert.deepEqual(
    events[0].errors.map((e) => e.path).sort(),
    expectedPlanErrors.map((e) => e.path).sort(),
  );
  // The console: a readable list and the Error object with `errors`.
  const logged = await page.evaluate(() => window.consoleErrors.filter((e) => e.text.includes('bad-plan.json')));
  assert.equal(logged.length, 1);
  assert.equal(logged[0].errors.length, expectedPlanErrors.length);
  for (const { path } of expectedPlanErrors) assert.ok(logged[0].text.includes(path));
  assert.ok(errors.some((text) => text.includes('<ctg-plan> src="bad-plan.json"')), 'the real console got it');
  await context.close();
});

test('an invalid catalogue by src and an invalid plan by data: the same error screen', { skip }, async () => {
  const { page, context } = await openHost();
  const catalogue = alertOf(page, 'bad-catalogue-src');
  await catalogue.waitFor();
  assert.match(await catalogue.textContent(), /Le fichier « bad-catalogue\.json » contient des erreurs\./);
  assert.ok((await catalogue.locator('li code').allTextContents()).includes('$.benefits[0].condition.fact'));
  const plan = JSON.parse(await readFile(join(ROOT, BAD_PLAN), 'utf8'));
  await page.evaluate((data) => {
    document.getElementById('good').data = data;
  }, plan);
  const alert = alertOf(page, 'good');
  await alert.waitFor();
  assert.match(await alert.textContent(), /Les données fournies par la page contiennent des erreurs\./);
  const paths = await alert.locator('li code').allTextContents();
  for (const { path } of expectedPlanErrors) assert.ok(paths.includes(path), `${path} listed`);
  const events = await page.evaluate(() => window.hostEvents.filter((e) => e.type === 'ctg-error').map((e) => e.id));
  assert.ok(events.includes('bad-catalogue-src') && events.includes('good'));
  // Data set by the page before the widget's module ran is used, not the embedded plan.
  const early = alertOf(page, 'early');
  await early.waitFor();
  assert.ok((await early.locator('li code').allTextContents()).includes('$.title'));
  // …and setting it again afterwards reloads the element (the early value did not hide the accessor).
  const valid = await readFile(join(ROOT, 'tests/fixtures/plans/valid/minimal.json'), 'utf8');
  await page.evaluate((data) => {
    document.getElementById('early').data = data;
  }, valid);
  await page.locator('#early h2#plan-title').waitFor();
  await context.close();
});

test('a 404, a network error and a file that is not JSON give clear errors', { skip }, async () => {
  const { page, context } = await openHost();
  const missing = alertOf(page, 'missing');
  await missing.waitFor();
  assert.match(await missing.textContent(), /« missing\.json » n’a pas pu être chargé \(HTTP 404 : introuvable\)/);
  const notJson = alertOf(page, 'not-json');
  assert.equal(await notJson.getAttribute('lang'), 'en');
  assert.match(await notJson.locator('h2').textContent(), /The data could not be read/);
  assert.match(await notJson.textContent(), /“not-json\.html” is not JSON \(received: text\/html\)/);
  const offline = alertOf(page, 'offline');
  assert.match(await offline.textContent(), /« offline\.json » n’a pas pu être chargé \(erreur réseau\)/);
  const kinds = await page.evaluate(() =>
    Object.fromEntries(window.hostEvents.filter((e) => e.type === 'ctg-error').map((e) => [e.id, e.kind])),
  );
  assert.equal(kinds.missing, 'fetch');
  assert.equal(kinds['not-json'], 'not_json');
  assert.equal(kinds.offline, 'network');
  await context.close();
});

test('an invalid catalogue by the data property, in English; valid data afterwards recovers', { skip }, async () => {
  const { page, context } = await openHost();
  const droits = page.locator('#bad-catalogue');
  await droits.locator('h2#droits-title').waitFor();
  const bad = JSON.parse(await readFile(join(ROOT, BAD_CATALOGUE), 'utf8'));
  await page.evaluate((data) => {
    document.getElementById('bad-catalogue').data = data;
  }, bad);
  const alert = alertOf(page, 'bad-catalogue');
  await alert.waitFor();
  assert.match(await alert.textContent(), /The data given by the page has errors\./);
  assert.ok((await alert.locator('li code').allTextContents()).includes('$.benefits[0].condition.fact'));
  const event = await page.evaluate(() => window.hostEvents.findLast((e) => e.id === 'bad-catalogue'));
  assert.equal(event.type, 'ctg-error');
  assert.equal(event.kind, 'dangling_reference');
  // Switching the language redraws the error in French.
  await page.evaluate(() => document.getElementById('bad-catalogue').setAttribute('lang', 'fr'));
  await droits.locator('[role=alert]').filter({ hasText: 'Les données fournies par la page' }).waitFor();
  await page.evaluate(() => document.getElementById('bad-catalogue').setAttribute('lang', 'en'));
  // Valid data: the questionnaire is back and works.
  const toy = JSON.parse(await readFile(join(ROOT, 'tests/fixtures/rights/toy.json'), 'utf8'));
  await page.evaluate((data) => {
    document.getElementById('bad-catalogue').data = data;
  }, toy);
  await droits.locator('h2#droits-title').filter({ hasText: toy.title }).waitFor();
  assert.equal(await alertOf(page, 'bad-catalogue').count(), 0);
  await droits.locator('form.question').waitFor();
  assert.equal(await page.evaluate(() => document.getElementById('bad-catalogue').error), null);
  // And a plan recovers when its src is changed to a valid file.
  await page.evaluate(() => document.getElementById('bad-plan').setAttribute('src', '/data/plan.json'));
  await page.locator('#bad-plan h2#plan-title').waitFor();
  assert.equal(await alertOf(page, 'bad-plan').count(), 0);
  await page.locator('#bad-plan button.toggle').first().click();
  assert.equal(await page.locator('#bad-plan button.toggle').first().getAttribute('aria-expanded'), 'true');
  await context.close();
});

test('the host page keeps working: its button, its script and a valid element beside the errors', { skip }, async () => {
  const { page, context } = await openHost();
  await page.locator('#host-button').click();
  await page.locator('#host-button').click();
  assert.equal(await page.locator('#host-count').textContent(), '2');
  const good = page.locator('#good');
  await good.locator('h2#plan-title').waitFor();
  await good.locator('button.toggle').first().click();
  assert.equal(await good.locator('button.toggle').first().getAttribute('aria-expanded'), 'true');
  assert.equal(await page.evaluate(() => window.hostEvents.find((e) => e.id === 'good')?.type), 'ctg-ready');
  const uncaught = [];
  page.on('pageerror', (error) => uncaught.push(String(error)));
  await page.waitForTimeout(200);
  assert.deepEqual(uncaught, [], 'no uncaught exception');
  await context.close();
});

test('the error screens are reachable by keyboard and axe-clean', { skip }, async () => {
  const { page, context } = await openHost();
  await alertOf(page, 'bad-plan').waitFor();
  await alertOf(page, 'missing').waitFor();
  // Tab from the host button lands on the first error message, then on the next one.
  await page.locator('#host-button').focus();
  const focused = () =>
    page.evaluate(() => {
      const host = document.activeElement;
      const inner = host?.shadowRoot?.activeElement;
      return { host: host?.id, role: inner?.getAttribute('role') ?? null };
    });
  await page.keyboard.press('Tab');
  assert.deepEqual(await focused(), { host: 'bad-plan', role: 'alert' });
  await page.keyboard.press('Tab');
  assert.deepEqual(await focused(), { host: 'missing', role: 'alert' });
  const violations = await axe(page);
  assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
  await screenshot(page, 'errors-host-page');
  await context.close();
});
