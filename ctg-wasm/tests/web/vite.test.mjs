// Packaging: a tiny Vite app (ctg-wasm/tests/vite/) imports the widget package built in
// target/web/ctg; `vite build` succeeds offline (Vite is a devDependency of the root
// package.json, installed by `npm ci` in scripts/setup.sh), the .wasm is emitted as an asset,
// and the built app, served by the demo's static server under a strict CSP, renders both
// elements with the default data (the widget's data/ files) and requests nothing outside its own files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { start, screenshot, browserAvailable, ROOT, WEB } from './helpers.mjs';

const VITE = join(ROOT, 'node_modules/vite/bin/vite.js');
const OUT = join(ROOT, 'target/vite-app');
const ready = existsSync(join(WEB, 'ctg/ctg-widget.js')) && existsSync(VITE);
if (!ready && process.env.CTG_REQUIRE_BROWSER === '1') throw new Error('run scripts/setup.sh and scripts/build-web.sh');

let build;
before(() => {
  if (!ready) return;
  build = spawnSync(process.execPath, [VITE, 'build', '--config', join(ROOT, 'ctg-wasm/tests/vite/vite.config.mjs')], {
    cwd: ROOT,
    encoding: 'utf8',
    // Offline: nothing in a Vite build downloads, and no proxy is reachable from the test.
    env: { ...process.env, CTG_VITE_OUT: OUT, HTTPS_PROXY: 'http://127.0.0.1:9', HTTP_PROXY: 'http://127.0.0.1:9' },
  });
});

test('vite build of an app importing the widget succeeds and emits the .wasm', { skip: !ready }, () => {
  assert.equal(build.status, 0, `${build.stdout}\n${build.stderr}`);
  const assets = readdirSync(join(OUT, 'assets'));
  assert.ok(assets.some((f) => f.endsWith('.wasm')), `the .wasm is an asset: ${assets}`);
  assert.ok(assets.some((f) => f.endsWith('.js')), 'the app bundle');
  assert.ok(existsSync(join(OUT, 'index.html')));
});

const skip = !ready || !browserAvailable();
let env;
before(async () => {
  if (!skip && build.status === 0) env = await start({ root: OUT });
});
after(async () => env?.close());

test('the built Vite app renders <ctg-plan> and <ctg-droits>', { skip }, async () => {
  assert.ok(env, 'the build succeeded');
  const { page, context, requests, errors } = await env.open('');
  await page.locator('ctg-plan h2#plan-title').waitFor();
  await page.locator('ctg-droits h2#droits-title').waitFor();
  assert.match(await page.locator('ctg-plan h2#plan-title').textContent(), /Civraisien/);
  await page.locator('ctg-droits form.question').waitFor();
  await page.locator('ctg-plan button.toggle').first().click();
  assert.equal(await page.locator('ctg-plan button.toggle').first().getAttribute('aria-expanded'), 'true');
  // The named exports of the entry work too (main.js).
  await page.waitForFunction(() => document.documentElement.dataset.ctgVersion);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.ctgElements), 'true');
  assert.deepEqual(requests.filter((u) => !u.startsWith(env.origin)), [], 'no foreign request');
  assert.deepEqual(errors, [], 'no error in the console (CSP included)');
  await screenshot(page, 'vite-app');
  await context.close();
});
