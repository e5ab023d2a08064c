/**
 * The policy in a real browser: the search page (Pagefind's WebAssembly, worker and UI)
 * and a school page run under the CSP of security.ts, served with the production headers
 * by serve.ts, without a single CSP violation. (Framing rules are header-only and are
 * checked in headers.test.ts against nginx and serve.ts.)
 */
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../src/lib/build/serve.ts';
import { site } from '../helpers/site-files.ts';

const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']
  .filter(Boolean)
  .find((p) => existsSync(p!));

describe.runIf(executablePath)('CSP in the browser', () => {
  let browser: Browser;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = await serveStatic(site('small'));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((ok) => server.close(() => ok()));
  });

  async function visit(path: string, act?: (page: import('playwright-core').Page) => Promise<void>) {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await page.exposeFunction('__cspViolation', (v: string) => violations.push(v));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { __cspViolation(v: string): void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await page.goto(base + path);
    await act?.(page);
    await page.close();
    return violations;
  }

  it('search works under the policy, with no violation', async () => {
    let titles: string[] = [];
    const violations = await visit('/search/', async (page) => {
      await page.fill('#search input', 'окрестности');
      await page.waitForSelector('.pagefind-ui__result-link', { timeout: 15_000 });
      titles = await page.locator('.pagefind-ui__result-link').allTextContents();
    });
    expect(violations).toEqual([]);
    expect(titles).toContain('Город «Проба» & <b>окрестности</b>');
  });

  it('a school page with charts loads with no violation', async () => {
    expect(await visit('/school/003/')).toEqual([]);
  });
});
