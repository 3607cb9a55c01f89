// A plan whose texts hold markup shows it as text and runs nothing; the widget makes no
// request beyond the page's own files; its sources never parse HTML.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { start, screenshot, browserAvailable, ready, fixture, ROOT } from './helpers.mjs';

const HOSTILE = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=2</script>',
  '"><svg onload="window.__pwned=3">',
];

test('the widget sources never use innerHTML, outerHTML, insertAdjacentHTML, document.write or eval', async () => {
  const dir = join(ROOT, 'ctg-wasm/js');
  for (const name of await readdir(dir)) {
    if (!name.endsWith('.js')) continue;
    const text = await readFile(join(dir, name), 'utf8');
    for (const sink of ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'eval(', 'new Function']) {
      assert.ok(!text.includes(sink), `${name} uses ${sink}`);
    }
  }
});

const skip = !browserAvailable();
let env;
before(async () => {
  if (!skip) env = await start();
});
after(async () => env?.close());

test('a plan with markup in its texts shows it as text and runs nothing', { skip }, async () => {
  const plan = await fixture('plans/valid/minimal.json');
  plan.title = `Plan ${HOSTILE[0]}`;
  plan.axes = [
    {
      id: 'axe-1',
      title: HOSTILE[1],
      general_objective: HOSTILE[2],
      strategic_objectives: [
        { id: 'os-1', title: HOSTILE[0], specific_objectives: [{ id: 'osp-1', title: HOSTILE[2] }] },
      ],
    },
  ];
  const { page, context, requests, errors } = await env.open('');
  await ready(page, 'ctg-plan');
  await page.evaluate((data) => {
    document.querySelector('ctg-plan').data = data;
  }, plan);
  const el = page.locator('ctg-plan');
  await el.locator('h2#plan-title').filter({ hasText: '<img' }).waitFor();
  assert.equal(await el.locator('h2#plan-title').textContent(), plan.title);
  await el.locator('button.toggle').first().click();
  await el.locator('button[data-key="details-os-1"]').waitFor();
  await el.locator('button[data-key="details-axe-1"]').click();
  assert.equal(await el.locator('#detail-heading').evaluate((h) => h.lastChild.textContent), HOSTILE[1]);
  const injected = await page.evaluate(() => {
    const root = document.querySelector('ctg-plan').shadowRoot;
    return root.querySelectorAll('img, script, svg[onload], [onerror]').length;
  });
  assert.equal(injected, 0, 'no element was created from the texts');
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'nothing ran');
  assert.deepEqual(
    requests.filter((u) => !u.startsWith(env.origin) || new URL(u).pathname === '/x'),
    [],
    'no request for the injected image',
  );
  await screenshot(page, 'security-hostile-plan');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an invalid plan shows every error with its path, in a role=alert', { skip }, async () => {
  const { page, context } = await env.open('');
  await ready(page, 'ctg-plan');
  await page.evaluate(() => {
    document.querySelector('ctg-plan').data = '{"format": "ctg-plan/1", "id": "p", "title": "", "territory": {}, "period": {"start": "2022-01-01", "end": "2019-01-01"}}';
  });
  const alert = page.locator('ctg-plan [role=alert]');
  await alert.waitFor();
  const paths = await alert.locator('code').allTextContents();
  assert.ok(paths.includes('$.title'), `paths: ${paths}`);
  assert.ok(paths.length >= 2, 'every error is listed');
  await context.close();
});
