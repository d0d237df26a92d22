import { existsSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/harness.js';

/**
 * Issue 12 point 6: the development editor works offline. A real headless Chromium (Debian's package;
 * .ci/run installs it) opens GET /graphql, runs the prefilled example and reads its result, and every
 * request the page makes stays on the subgraph's own origin.
 */
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
// CI always has Chromium (.ci/run installs it), so there the suite cannot be skipped; on a laptop without it, it is.
const runs = existsSync(CHROMIUM) || process.env['CI'] === 'true';

describe.runIf(runs)('the offline GraphiQL editor (headless Chromium)', () => {
  let app: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    app = await startTestApp();
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      // Root in CI containers has no user namespace for the sandbox.
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('runs the prefilled example against the simulators and shows its result, loading nothing from elsewhere', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));

    const response = await page.goto(`${app.url}/graphql`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    await page.waitForSelector('.graphiql-execute-button', { timeout: 20_000 });
    const editorText = await page.$eval('.graphiql-query-editor', (element) => element.textContent ?? '');
    expect(editorText).toContain('payment(id: "pay_settled", provider: PRIMER)');

    await page.click('.graphiql-execute-button');
    await page.waitForFunction(() => document.querySelector('.result-window')?.textContent?.includes('"outcome"'), { timeout: 20_000 });
    const result = await page.$eval('.result-window', (element) => element.textContent ?? '');
    expect(result).toContain('"id": "pay_settled"');
    expect(result).toContain('"outcome": "PAID"');
    expect(result).not.toContain('"errors"');

    expect(pageErrors).toEqual([]);
    expect(requested.length).toBeGreaterThan(4);
    // data: URLs are GraphiQL's inlined fonts, read from the bundle itself, not fetched.
    expect(requested.filter((url) => !url.startsWith(`${app.url}/`) && !url.startsWith('data:'))).toEqual([]);
    expect(app.simulator('PRIMER').callsTo('/payments/pay_settled')).toBeGreaterThan(0);
  }, 60_000);
});

describe('the editor outside a browser', () => {
  it('serves its assets only outside production, and 404s unknown names', async () => {
    const development = await startTestApp();
    const production = await startTestApp({ production: true });
    try {
      const script = await fetch(`${development.url}/graphiql/graphiql.min.js`);
      expect(script.status).toBe(200);
      expect(script.headers.get('content-type')).toContain('text/javascript');
      expect((await fetch(`${development.url}/graphiql/..%2Fpackage.json`)).status).toBe(404);
      expect((await fetch(`${production.url}/graphiql/graphiql.min.js`)).status).toBe(404);
      const page = await fetch(`${development.url}/graphql`, { headers: { accept: 'text/html' } });
      const html = await page.text();
      expect(html).toContain('/graphiql/graphiql.min.js');
      expect(html).not.toMatch(/https?:\/\//);
    } finally {
      await Promise.all([development.close(), production.close()]);
    }
  });
});
