// <ctg-droits> in the demo page, in Chromium: three reference households of
// tests/fixtures/rights/civraisien-cases.json answer the questionnaire one question at a
// time; their results must be those the fixture expects (the same the Rust tests check).
// Then going back and changing an answer, English, axe-core on every screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, axe, screenshot, browserAvailable, ready, fixture } from './helpers.mjs';

const skip = !browserAvailable();
let env;
let cases;
before(async () => {
  if (skip) return;
  env = await start();
  cases = (await fixture('rights/civraisien-cases.json')).cases;
});
after(async () => env?.close());

const HOUSEHOLDS = ['af-deux-enfants', 'rsa-sans-revenu', 'aspa-67-ans'];

/** The answer a household gives to a question, from its situation; `undefined` if none. */
function answerOf(situation, question, member) {
  const members = situation.members ?? [];
  if (question === 'nombre_adultes') return members.filter((m) => m.role === 'adulte').length;
  if (question === 'nombre_enfants') return members.filter((m) => m.role === 'enfant').length;
  if (member !== null) {
    const ordered = [...members.filter((m) => m.role === 'adulte'), ...members.filter((m) => m.role === 'enfant')];
    const m = ordered[member];
    if (!m) return undefined;
    if (question === 'age') return m.age ?? m.birth_date;
    return m.facts?.[question];
  }
  return situation.answers?.[question];
}

/** Answers questions until the results show, with the mouse or with the keyboard only. */
async function complete(page, situation, { keyboard = false, shots = null } = {}) {
  const droits = page.locator('ctg-droits');
  for (let step = 0; step < 60; step += 1) {
    const form = droits.locator('form.question');
    if (!(await form.count())) break;
    const question = await form.getAttribute('data-question');
    const memberAttr = await form.getAttribute('data-member');
    const type = await form.getAttribute('data-type');
    const member = memberAttr === null ? null : Number(memberAttr);
    const value = answerOf(situation, question, member);
    if (shots && step < 2) assert.deepEqual(await axe(page), [], `axe: question ${question}`);
    if (value === undefined || value === null) {
      if (keyboard) {
        await droits.locator('button[data-key=decline]').focus();
        await page.keyboard.press('Enter');
      } else await droits.locator('button[data-key=decline]').click();
      continue;
    }
    if (type === 'oui_non' || type === 'choix') {
      const radio = form.locator(`input[type=radio][value="${String(value)}"]`);
      if (keyboard) {
        await form.locator('input[type=radio]').first().focus();
        const values = await form.locator('input[type=radio]').evaluateAll((els) => els.map((e) => e.value));
        const target = values.indexOf(String(value));
        // Arrow keys move and check within a radio group; Space checks the first.
        await page.keyboard.press('Space');
        for (let k = 0; k < target; k += 1) await page.keyboard.press('ArrowDown');
        assert.ok(await radio.isChecked(), `${question}: ${value} checked by keyboard`);
        await page.keyboard.press('Enter');
      } else {
        await radio.check();
        await droits.locator('button[data-key=next]').click();
      }
    } else if (type === 'commune') {
      await form.locator('select').selectOption(String(value));
      if (keyboard) {
        await form.locator('select').focus();
        await page.keyboard.press('Enter');
      } else await droits.locator('button[data-key=next]').click();
    } else {
      const input = form.locator('input#answer');
      if (keyboard) {
        await input.focus();
        await page.keyboard.type(String(value));
        await page.keyboard.press('Enter');
      } else {
        await input.fill(String(value));
        await droits.locator('button[data-key=next]').click();
      }
    }
    // The next screen: another question or the results, never an error.
    const problem = (await droits.locator("#question-error").count()) ? await droits.locator("#question-error").textContent() : null;
    assert.equal(problem, null, `${question} = ${value} accepted`);
  }
  await droits.locator('#results-title').waitFor();
}

async function setUp(page, c) {
  await ready(page, 'ctg-droits');
  const commune = c.situation.answers?.commune;
  await page.evaluate(
    ({ date, commune }) => {
      const el = document.querySelector('ctg-droits');
      el.setAttribute('date', date);
      if (commune) el.setAttribute('commune', commune);
      else el.removeAttribute('commune');
    },
    { date: c.date, commune },
  );
  await page.locator('ctg-droits form.question, ctg-droits #results-title').first().waitFor();
}

async function checkResults(page, c) {
  const droits = page.locator('ctg-droits');
  for (const [benefit, status] of Object.entries(c.expected)) {
    const article = droits.locator(`article[data-benefit="${benefit}"]`);
    assert.equal(await article.getAttribute('data-status'), status, `${c.id}: ${benefit}`);
  }
  // Every result sits in its group, with its explanation.
  const groups = { eligible: 'eligible', indetermine: 'toCheck', non_eligible: 'notEligible', non_applicable: 'notEligible' };
  for (const article of await droits.locator('article[data-benefit]').all()) {
    const status = await article.getAttribute('data-status');
    const group = await article.evaluate((el) => el.closest('[data-group]').dataset.group);
    assert.equal(group, groups[status]);
  }
}

for (const id of HOUSEHOLDS) {
  test(`household ${id}: the questionnaire gives the expected results`, { skip }, async () => {
    const c = cases.find((x) => x.id === id);
    assert.ok(c, `${id} is in the fixture`);
    const { page, context, requests, errors } = await env.open('#droits');
    await setUp(page, c);
    await complete(page, c.situation, { shots: id === HOUSEHOLDS[0] });
    await checkResults(page, c);
    const droits = page.locator('ctg-droits');
    // The explanation ("pourquoi") of the first result opens.
    const why = droits.locator('article[data-benefit] details summary').first();
    await why.click();
    assert.ok((await droits.locator('article[data-benefit] details[open] li').count()) > 0);
    assert.ok(await droits.locator('#privacy').isVisible(), 'the privacy note is visible');
    assert.deepEqual(await axe(page), [], 'axe: results');
    await screenshot(page, `droits-${id}`);
    assert.deepEqual(requests.filter((u) => !u.startsWith(env.origin)), []);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('back and change an answer', { skip }, async () => {
  const c = cases.find((x) => x.id === 'rsa-sans-revenu');
  const { page, context, errors } = await env.open('#droits');
  await setUp(page, c);
  const droits = page.locator('ctg-droits');
  const first = await droits.locator('form.question').getAttribute('data-question');
  // Answer the first question with the household's answer, then go back.
  await complete(page, c.situation).catch(() => {});
  await droits.locator('button[data-key=restart]').click();
  await droits.locator('form.question').waitFor();
  assert.equal(await droits.locator('form.question').getAttribute('data-question'), first);
  // One answer, back, the same question again. (The commune attribute may already count as an answer.)
  const progress = droits.locator('#progress');
  const before = await progress.textContent();
  const type = await droits.locator('form.question').getAttribute('data-type');
  if (type === 'oui_non' || type === 'choix') await droits.locator('form.question input[type=radio]').first().check();
  else if (type === 'commune') await droits.locator('form.question select').selectOption({ index: 1 });
  else await droits.locator('form.question input#answer').fill('1');
  await droits.locator('button[data-key=next]').click();
  assert.notEqual(await progress.textContent(), before, 'the answer is counted');
  await droits.locator('button[data-key=back]').click();
  assert.equal(await droits.locator('form.question').getAttribute('data-question'), first);
  assert.equal(await progress.textContent(), before, 'back takes the answer back');
  // Answer again, then change it from the summary.
  await complete(page, c.situation);
  await droits.locator('button[data-key=change-0]').click();
  await droits.locator('form.question').waitFor();
  assert.deepEqual(await axe(page), [], 'axe: change an answer');
  await screenshot(page, 'droits-change');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the whole path by keyboard alone, in English', { skip }, async () => {
  const c = cases.find((x) => x.id === 'aspa-67-ans');
  const { page, context, errors } = await env.open('#droits');
  await setUp(page, c);
  await page.evaluate(() => document.querySelector('ctg-droits').setAttribute('lang', 'en'));
  const droits = page.locator('ctg-droits');
  await droits.locator('button[data-key=next]').filter({ hasText: 'Next' }).waitFor();
  await complete(page, c.situation, { keyboard: true });
  await checkResults(page, c);
  // The results heading has the focus; Tab reaches the print button.
  assert.ok(await droits.locator('#results-title').evaluate((el) => el === el.getRootNode().activeElement));
  await page.keyboard.press('Tab');
  assert.ok(await droits.locator('button[data-key=print]').evaluate((el) => el === el.getRootNode().activeElement));
  assert.deepEqual(await axe(page), [], 'axe: English results');
  await screenshot(page, 'droits-keyboard-en');
  assert.deepEqual(errors, []);
  await context.close();
});
