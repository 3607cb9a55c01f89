// Shared set-up of the browser tests: the demo server (examples/web/serve.mjs on a free
// port, serving target/web/ built by scripts/build-web.sh), Debian's Chromium driven by
// playwright-core, a record of every request, axe-core checks and screenshots in artifacts/.
import { mkdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { serve } from '../../../examples/web/serve.mjs';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const WEB = join(ROOT, 'target/web');
export const ARTIFACTS = join(ROOT, 'artifacts');

const CHROMIUM = process.env.CTG_CHROMIUM ?? '/usr/bin/chromium';

/** Whether the browser tests can run here; when CTG_REQUIRE_BROWSER=1 they must. */
export function browserAvailable() {
  const ok = existsSync(CHROMIUM) && existsSync(join(WEB, 'index.html'));
  if (!ok && process.env.CTG_REQUIRE_BROWSER === '1') {
    throw new Error(`browser tests need ${CHROMIUM} and ${WEB} (run scripts/setup.sh and scripts/build-web.sh)`);
  }
  return ok;
}

/** Starts the server (on `root`, default target/web) and the browser; returns helpers and a `close()`. */
export async function start({ root = WEB } = {}) {
  const { server, url } = await serve({ root, port: 0 });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
  await mkdir(ARTIFACTS, { recursive: true });
  const origin = new URL(url).origin;

  /**
   * A new page in a fresh context; every request is recorded, foreign ones are blocked.
   * `options.setup(page)` runs before the page loads (routes, init scripts).
   */
  async function open(path = '', options = {}) {
    const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 900 } });
    const requests = [];
    const errors = [];
    await context.route('**/*', (route) => {
      const requestUrl = route.request().url();
      requests.push(requestUrl);
      if (requestUrl.startsWith(origin) || requestUrl.startsWith('data:') || requestUrl.startsWith('blob:')) {
        return route.continue();
      }
      return route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await options.setup?.(page);
    await page.goto(new URL(path, url).href);
    return { page, context, requests, errors };
  }

  return {
    url,
    origin,
    open,
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA) on the page; returns the violations. */
export async function axe(page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
  }));
}

/** Saves a full-page screenshot in artifacts/. */
export async function screenshot(page, name) {
  // An artifact, not an assertion: a slow machine must not fail the test for it.
  try {
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true, timeout: 60000 });
  } catch (error) {
    console.log(`# screenshot ${name} not taken: ${String(error).split('\n')[0]}`);
  }
}

/** A JSON fixture shared with the Rust tests. */
export async function fixture(path) {
  return JSON.parse(await readFile(join(ROOT, 'tests/fixtures', path), 'utf8'));
}

/** Waits until an element has rendered its content (its shadow root has a heading or an alert). */
export async function ready(page, selector) {
  await page.locator(`${selector} h2, ${selector} [role=alert]`).first().waitFor();
}
