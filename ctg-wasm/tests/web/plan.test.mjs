// <ctg-plan> in the demo page, in Chromium: explore the plan (expand an axis, filter,
// search, open a detail, follow a deep link), accessibility (axe-core) on every screen,
// no request beyond the page's own files. Screenshots go to artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, axe, screenshot, browserAvailable, ready } from './helpers.mjs';

const skip = !browserAvailable();
let env;
before(async () => {
  if (!skip) env = await start();
});
after(async () => env?.close());

function onlyOwnRequests(requests) {
  const foreign = requests.filter((u) => !u.startsWith(env.origin));
  assert.deepEqual(foreign, [], 'no request beyond the page’s own files');
}

test('explore the plan: expand an axis, search, filter, open a detail', { skip }, async () => {
  const { page, context, requests, errors } = await env.open('');
  await ready(page, 'ctg-plan');
  const plan = page.locator('ctg-plan');
  await assert.doesNotReject(plan.locator('h2#plan-title').waitFor());
  assert.deepEqual(await axe(page), [], 'axe: first screen');
  await screenshot(page, 'plan-1-start');

  // Expand the first axis.
  const toggle = plan.locator('ul.tree > li > .node button.toggle').first();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  const children = plan.locator('ul.tree > li').first().locator(':scope > ul > li');
  assert.ok((await children.count()) > 0, 'the axis shows its objectives');
  assert.deepEqual(await axe(page), [], 'axe: axis expanded');
  await screenshot(page, 'plan-2-axis');

  // Search, ignoring accents and case.
  await plan.locator('#search').fill('MOBILITES');
  const count = plan.locator('#count');
  await assert.doesNotReject(count.filter({ hasText: /corresp/ }).waitFor());
  const withAccents = await count.textContent();
  assert.match(withAccents, /\d+ éléments? corresponde?n?t?|1 élément correspond/);
  const titles = await plan.locator('ul.tree .title').allTextContents();
  assert.ok(titles.some((t) => /mobilit/i.test(t)), 'a matching node is shown');
  await plan.locator('#search').fill('mobilités');
  assert.equal(await count.textContent(), withAccents, 'same results with or without accents');
  assert.match(page.url(), /q=mobilit/, 'the search is in the URL hash');
  assert.deepEqual(await axe(page), [], 'axe: search');
  await screenshot(page, 'plan-3-search');

  // Filter by theme, then clear.
  await plan.locator('#search').fill('');
  await plan.locator('#filter-theme').selectOption('petite_enfance');
  await assert.doesNotReject(count.filter({ hasText: /corresp/ }).waitFor());
  assert.match(page.url(), /theme=petite_enfance/);
  await plan.locator('#filter-axis').selectOption({ index: 1 });
  assert.match(page.url(), /axis=/);
  await screenshot(page, 'plan-4-filter');
  await plan.locator('button[data-key=reset]').click();
  assert.equal(await count.textContent(), '');

  // Open a detail: an objective with indicators shows a sparkline or its values.
  const details = plan.locator('ul.tree > li > .node button[data-key^=details-]').first();
  await details.click();
  const heading = plan.locator('#detail-heading');
  await heading.waitFor();
  assert.ok(await heading.evaluate((el) => el === el.getRootNode().activeElement), 'focus moves to the detail');
  assert.match(page.url(), /node=/);
  assert.deepEqual(await axe(page), [], 'axe: detail');
  await screenshot(page, 'plan-5-detail');

  // The diagnostic: territory against département / région.
  await plan.locator('summary[data-key=diagnostic]').click();
  const table = plan.locator('details.diagnostic table');
  if (await table.count()) {
    const headers = await table.locator('thead th').allTextContents();
    assert.ok(headers.includes('Territoire'));
  }
  assert.deepEqual(await axe(page), [], 'axe: diagnostic');
  await screenshot(page, 'plan-6-diagnostic');

  onlyOwnRequests(requests);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a deep link opens the node, its ancestors expanded', { skip }, async () => {
  // The id of an objective with indicators, read from the embedded plan.
  const probe = await env.open('');
  await ready(probe.page, 'ctg-plan');
  const target = await probe.page.evaluate(() => {
    const plan = document.querySelector('ctg-plan').plan;
    for (const axis of plan.axes) for (const so of axis.strategic_objectives ?? []) for (const sp of so.specific_objectives ?? []) {
      if ((sp.indicators ?? []).length) return { id: sp.id, title: sp.title };
    }
    const axis = plan.axes.at(-1);
    return { id: axis.id, title: axis.title };
  });
  await probe.context.close();

  const { page, context, requests, errors } = await env.open(`#node=${encodeURIComponent(target.id)}&date=2021-06-30`);
  await ready(page, 'ctg-plan');
  const plan = page.locator('ctg-plan');
  const heading = plan.locator('#detail-heading');
  await heading.waitFor();
  assert.ok((await heading.textContent()).includes(target.title));
  assert.equal(await plan.locator('#date').inputValue(), '2021-06-30');
  const button = plan.locator(`button[data-key="details-${target.id}"]`);
  assert.equal(await button.count(), 1, 'the node is visible in the tree');
  assert.equal(await button.getAttribute('aria-current'), 'true');
  if (await plan.locator('.panel svg.sparkline').count()) {
    assert.ok((await plan.locator('.panel svg.sparkline').first().getAttribute('aria-label')).length > 0);
  }
  assert.deepEqual(await axe(page), [], 'axe: deep link');
  await screenshot(page, 'plan-7-deep-link');
  // Changing the hash moves the panel.
  await page.evaluate(() => {
    location.hash = '';
  });
  onlyOwnRequests(requests);
  assert.deepEqual(errors, []);
  await context.close();
});

test('English with lang="en", and 320 px reflow', { skip }, async () => {
  const { page, context, errors } = await env.open('', { viewport: { width: 320, height: 800 } });
  await ready(page, 'ctg-plan');
  await page.evaluate(() => document.querySelector('ctg-plan').setAttribute('lang', 'en'));
  const plan = page.locator('ctg-plan');
  await plan.locator('label[for=search]').filter({ hasText: 'Search' }).waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `no horizontal scroll at 320 px (overflow ${overflow}px)`);
  assert.deepEqual(await axe(page), [], 'axe: 320 px, English');
  await screenshot(page, 'plan-8-320px-en');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the plan by keyboard alone: expand, open a detail, close it', { skip }, async () => {
  const { page, context, errors } = await env.open('');
  await ready(page, 'ctg-plan');
  const plan = page.locator('ctg-plan');
  const active = () => page.evaluate(() => document.querySelector('ctg-plan').shadowRoot.activeElement?.dataset?.key ?? null);
  // Tab from the start of the page until the first axis toggle has the focus.
  let key = null;
  for (let i = 0; i < 40 && !(key ?? '').startsWith('toggle-'); i += 1) {
    await page.keyboard.press('Tab');
    key = await active();
  }
  assert.ok(key?.startsWith('toggle-'), 'a toggle is reachable by Tab');
  await page.keyboard.press('Enter');
  assert.equal(await plan.locator(`[data-key="${key}"]`).getAttribute('aria-expanded'), 'true');
  assert.equal(await active(), key, 'the focus stays on the toggle');
  await page.keyboard.press('Tab');
  const details = await active();
  assert.ok(details?.startsWith('details-'), `Tab reaches the details button (${details})`);
  await page.keyboard.press('Enter');
  assert.ok(await plan.locator('#detail-heading').evaluate((el) => el === el.getRootNode().activeElement));
  await page.keyboard.press('Tab');
  assert.equal(await active(), 'close');
  await page.keyboard.press('Enter');
  assert.equal(await plan.locator('#detail-heading').count(), 0);
  assert.equal(await active(), details, 'the focus goes back to the details button');
  // The visible focus ring.
  const outline = await plan.locator(`[data-key="${details}"]`).evaluate((el) => getComputedStyle(el).outlineStyle);
  assert.notEqual(outline, 'none');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the diagnostic’s column titles, in French and in English', { skip }, async () => {
  // The reference levels' titles are ctg-core's labels (`vocabularyLabels`), capitalized: the
  // same words the widget's own texts gave before.
  const { page, context, errors } = await env.open('');
  await ready(page, 'ctg-plan');
  const plan = page.locator('ctg-plan');
  await plan.locator('summary[data-key=diagnostic]').click();
  const headers = () => plan.locator('details.diagnostic table thead th').allTextContents();
  assert.deepEqual(await headers(), ['Indicateur', 'Territoire', 'Département', 'Région']);
  await page.evaluate(() => document.querySelector('ctg-plan').setAttribute('lang', 'en'));
  await plan.locator('details.diagnostic table thead th').filter({ hasText: 'Territory' }).waitFor();
  assert.deepEqual(await headers(), ['Indicator', 'Territory', 'Département', 'Region']);
  assert.deepEqual(errors, []);
  await context.close();
});
