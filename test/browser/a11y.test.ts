/**
 * Accessibility of the demo site in Chromium: axe-core (WCAG 2.0–2.2 A and AA rules) on
 * every page kind, also with chart tables open, in the low-vision mode and with search
 * results and a comparison shown; a keyboard-only walk through search and compare; and
 * reflow: text at 200 % (1280 px at 200 % = 640 CSS px) and at 400 % (320 CSS px) with no
 * horizontal scrolling of the page (a data table may scroll inside its own region).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { site } from '../helpers/site-files.ts';
import { axe, describeViolations, pageTypes, problemsAt, skipBrowser, startSession, type Session } from './browser.ts';

/** Waits in the browser are explicit and generous: a loaded CI machine is slow, not wrong. */
const POLL_MS = 20_000;

async function expectNoViolations(page: Page, what: string) {
  const v = await axe(page);
  expect(v.length, `${what}:\n${describeViolations(v)}`).toBe(0);
}

/** Focus moves by Tab until `pred` holds for the focused element (at most `max` presses). */
async function tabUntil(page: Page, pred: string, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const ok = await page.evaluate((p) => {
      const el = document.activeElement;
      return !!el && el !== document.body && new Function('el', `return ${p}`)(el);
    }, pred);
    if (ok) return;
  }
  throw new Error(`focus never reached ${pred} in ${max} Tab presses`);
}

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName, id: el?.id, text: el?.textContent?.trim() ?? '', href: (el as HTMLAnchorElement)?.href ?? '' };
  });

describe.skipIf(skipBrowser)('accessibility in Chromium', () => {
  let dist: string;
  let types: Record<string, string>;

  beforeAll(() => {
    dist = site('demo');
    types = pageTypes(dist);
  });

  describe('axe-core', () => {
    let s: Session;
    // axe is injected as a script tag: the pages' CSP forbids that, so these tabs bypass it
    // (the other suites keep the CSP and would report any violation as a console error).
    beforeAll(async () => {
      s = await startSession(dist, { bypassCSP: true });
    });
    afterAll(async () => {
      await s?.close();
    });

    it('no violations on any kind of page', async () => {
      for (const [kind, path] of Object.entries(types)) {
        const page = await s.open(path);
        await expectNoViolations(page, `${kind} ${path}`);
        await page.close();
      }
    });

    it('no violations with every chart table open, in the low-vision mode, on a phone', async () => {
      for (const [kind, path] of Object.entries(types)) {
        const page = await s.newPage();
        await page.setViewportSize({ width: 375, height: 800 });
        await page.goto(s.origin + path, { waitUntil: 'networkidle' });
        await page.evaluate(() => {
          document.querySelectorAll('details').forEach((d) => (d.open = true));
        });
        await expectNoViolations(page, `${kind} ${path}, tables open`);
        // An embed view hides the page's switch; it follows the setting, so set the class.
        if (kind === 'embed') await page.evaluate(() => document.documentElement.classList.add('low-vision'));
        else await page.locator('#a11y-toggle').click();
        expect(await page.locator('html').getAttribute('class'), kind).toContain('low-vision');
        await expectNoViolations(page, `${kind} ${path}, low vision`);
        await page.evaluate(() => localStorage.clear());
        await page.close();
      }
    });

    it('no violations with search results shown', async () => {
      const page = await s.open('/search/');
      await page.locator('#search input').fill('Северогорска');
      await expect.poll(() => page.locator('.pagefind-ui__result-link').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      await page.waitForLoadState('networkidle');
      await expectNoViolations(page, 'search results');
      // The correction offered when nothing was found.
      await page.locator('#search input').fill('Черёмуховкая');
      await expect.poll(() => page.locator('.search-suggest').count(), { timeout: 15_000 }).toBe(1);
      await expectNoViolations(page, 'search with a correction offered');
      await page.close();
    });

    it('no violations with a comparison shown', async () => {
      const page = await s.open('/compare/');
      const labels = await page.locator('#compare-options option').evaluateAll((os) => os.slice(0, 3).map((o) => (o as HTMLOptionElement).value));
      for (const l of labels) {
        await page.locator('#compare-input').fill(l);
        await page.getByRole('button', { name: 'Добавить' }).click();
      }
      await expect.poll(() => page.locator('#compare-result table thead th').count(), { timeout: POLL_MS }).toBe(4);
      await expectNoViolations(page, 'compare with a table');
      await page.close();
    });
  });

  describe('keyboard only', () => {
    let s: Session;
    beforeAll(async () => {
      s = await startSession(dist);
    });
    afterAll(async () => {
      await s?.close();
    });

    it('the skip link is the first stop and moves focus to the content', async () => {
      const page = await s.open('/');
      await page.keyboard.press('Tab');
      const f = await focused(page);
      expect(f.text).toBe('Перейти к содержанию');
      expect(await page.evaluate(() => getComputedStyle(document.activeElement!).left)).toBe('0px');
      await page.keyboard.press('Enter');
      // The fragment navigation lands a moment later on a loaded machine: wait for it.
      await page.waitForURL(/#main$/, { timeout: POLL_MS });
      expect(new URL(page.url()).hash).toBe('#main');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
      await page.close();
    });

    it('search: Tab to the box, type a name, Tab to a result, Enter opens it', async () => {
      const page = await s.open('/');
      await tabUntil(page, `el.tagName === 'A' && el.getAttribute('href') === '/search/'`);
      await page.keyboard.press('Enter');
      await page.waitForURL('**/search/');
      await page.waitForLoadState('networkidle');
      await tabUntil(page, `el.tagName === 'INPUT' && !!el.closest('#search')`);
      await page.keyboard.type('Черёмуховская', { delay: 10 });
      await expect.poll(() => page.locator('.pagefind-ui__result-link').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      await tabUntil(page, `el.classList.contains('pagefind-ui__result-link') && el.textContent.includes('Черёмуховская')`);
      const f = await focused(page);
      // Focus is visible: the outline the site's CSS draws.
      expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');
      await page.keyboard.press('Enter');
      await page.waitForURL(f.href);
      await expect.poll(() => page.locator('h1').textContent(), { timeout: POLL_MS }).toContain('Черёмуховская');
      expect(s.problems).toEqual([]);
      await page.close();
    });

    it('compare: add five schools by typing and Enter, a sixth is refused, remove one', async () => {
      const page = await s.open('/compare/');
      const labels = await page.locator('#compare-options option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      expect(labels.length).toBeGreaterThan(5);
      await tabUntil(page, `el.id === 'compare-input'`);
      for (const [i, label] of labels.slice(0, 5).entries()) {
        await page.keyboard.type(label, { delay: 0 });
        if (i % 2 === 0) {
          await page.keyboard.press('Enter');
        } else {
          // Tab to «Добавить», Enter on it; focus comes back to the box.
          await page.keyboard.press('Tab');
          expect((await focused(page)).text).toBe('Добавить');
          await page.keyboard.press('Enter');
        }
        await expect.poll(() => page.locator('#compare-status').textContent(), { timeout: POLL_MS }).toBe(`Выбрано школ: ${i + 1} из 5.`);
        expect((await focused(page)).id).toBe('compare-input');
      }
      await expect.poll(() => page.locator('#compare-result thead th').count(), { timeout: POLL_MS }).toBe(6);
      expect(await page.locator('#compare-result tbody tr').count()).toBeGreaterThan(0);
      await page.keyboard.type(labels[5]);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('#compare-status').textContent(), { timeout: POLL_MS }).toMatch(/не больше 5/);
      expect(await page.locator('#compare-result thead th').count()).toBe(6);
      expect(new URL(page.url()).searchParams.get('ids')?.split(',')).toHaveLength(5);
      // Out of the box, on to the table's first «Убрать» button.
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Delete');
      await tabUntil(page, `el.tagName === 'BUTTON' && el.textContent === 'Убрать'`);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('#compare-result thead th').count(), { timeout: POLL_MS }).toBe(5);
      await expect.poll(() => page.locator('#compare-status').textContent(), { timeout: POLL_MS }).toBe('Выбрано школ: 4 из 5.');
      // Focus is not lost to the page body after the button disappears.
      expect(await page.evaluate(() => document.activeElement !== document.body && document.activeElement !== null)).toBe(true);
      expect(problemsAt(s, '/compare/')).toEqual([]);
      await page.close();
    });
  });

  describe('reflow', () => {
    let s: Session;
    beforeAll(async () => {
      // 1280 px at 200 % zoom: 640 CSS px on a 2× screen.
      s = await startSession(dist, { viewport: { width: 640, height: 800 }, deviceScaleFactor: 2 });
    });
    afterAll(async () => {
      await s?.close();
    });

    const overflow = (page: Page) =>
      page.evaluate(() => {
        const root = document.documentElement;
        const wide = [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > root.clientWidth + 1 && !e.closest('.table-wrap'))
          .slice(0, 3)
          .map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
        return { scroll: root.scrollWidth, client: root.clientWidth, wide };
      });

    for (const width of [640, 320]) {
      it(`no horizontal scrolling at ${width} CSS px (${1280 / width * 100} % zoom), also in the low-vision mode`, async () => {
        for (const lowVision of [false, true]) {
          for (const [kind, path] of Object.entries(types)) {
            const page = await s.newPage();
            await page.setViewportSize({ width, height: 800 });
            await page.goto(s.origin + path, { waitUntil: 'networkidle' });
            if (lowVision) await page.evaluate(() => document.documentElement.classList.add('low-vision'));
            await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
            const o = await overflow(page);
            expect(o.scroll, `${kind} ${path}${lowVision ? ' (low vision)' : ''}: ${o.wide.join(', ')}`).toBeLessThanOrEqual(o.client);
            await page.close();
          }
        }
      });
    }

    it('on a phone every section of the site is in sight, none hidden past the edge of a scrolling row', async () => {
      for (const width of [320, 380]) {
        const page = await s.newPage();
        await page.setViewportSize({ width, height: 800 });
        await page.goto(s.origin + types.region, { waitUntil: 'networkidle' });
        const links = await page.evaluate(() =>
          [...document.querySelectorAll('.site-header nav a')].map((a) => {
            const r = a.getBoundingClientRect();
            return { text: a.textContent, left: r.left, right: r.right, height: r.height };
          }),
        );
        expect(links).toHaveLength(7);
        for (const l of links) {
          expect(l.left, `${l.text} at ${width} px`).toBeGreaterThanOrEqual(0);
          expect(l.right, `${l.text} at ${width} px`).toBeLessThanOrEqual(width);
          // WCAG 2.2 target size (minimum): 24 CSS px.
          expect(l.height, `${l.text} at ${width} px`).toBeGreaterThanOrEqual(24);
        }
        await page.close();
      }
    });
  });

  // The other sites the test run built (the small fixture with hostile names; Moscow and
  // NYC where ../shared is present): their own names, lengths and languages, same rules.
  for (const name of Object.keys(inject('sites')).filter((n) => n !== 'demo')) {
    it(`the ${name} site: no axe violations, no errors, no horizontal scrolling at 320 px`, async () => {
      const dir = site(name);
      const s = await startSession(dir, { bypassCSP: true });
      try {
        for (const [kind, path] of Object.entries(pageTypes(dir))) {
          const page = await s.open(path);
          await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
          await expectNoViolations(page, `${name}: ${kind} ${path}`);
          await page.setViewportSize({ width: 320, height: 800 });
          const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
          expect(scroll, `${name}: ${kind} ${path} at 320 px`).toBeLessThanOrEqual(client);
          await page.close();
        }
        expect(s.problems).toEqual([]);
      } finally {
        await s.close();
      }
    });
  }
});
