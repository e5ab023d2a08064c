/**
 * The demo site in real Chromium, served with the production headers (CSP included):
 * every page kind opens without console errors or failed requests, search finds a school
 * by a misspelt or inflected name, a page opened at a chart shows that chart alone with its iframe code, a
 * page's CSV holds the numbers the page shows, the low-vision switch is remembered
 * across pages, and screenshots at phone and desktop widths go to test/output/.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { site } from '../helpers/site-files.ts';
import { outputDir, pageTypes, problemsAt, skipBrowser, startSession, type Session } from './browser.ts';

/** Waits in the browser are explicit and generous: a loaded CI machine is slow, not wrong. */
const POLL_MS = 20_000;

/** A tiny RFC 4180 reader: quoted fields, doubled quotes, a BOM. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

/** The first number in a cell as the page shows it (Russian format: «1 234,5 %»). */
function shownNumber(text: string): number | null {
  const m = text.replace(/[\s\u00a0\u202f]/g, '').replace(/−/g, '-').match(/-?\d+(,\d+)?/);
  return m ? Number(m[0].replace(',', '.')) : null;
}

const norm = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/** Everything the page shows as numbers: its data tables and its figures (stats). */
async function shownData(page: Page) {
  return page.evaluate(() => {
    const text = (el: Element) => {
      const c = el.cloneNode(true) as Element;
      c.querySelectorAll('svg').forEach((s) => s.remove());
      return (c.textContent ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
    };
    const tables = [...document.querySelectorAll('main table')].map((t) => ({
      caption: text(t.querySelector('caption')!),
      columns: [...t.querySelectorAll('thead th')].map(text),
      rows: [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map(text)),
    }));
    const stats = [...document.querySelectorAll('main .stat')].map((s) => ({
      label: text(s.querySelector('dt')!),
      value: text(s.querySelector('dd')!),
    }));
    return { tables, stats };
  });
}

describe.skipIf(skipBrowser)('demo site in Chromium', () => {
  let dist: string;
  let s: Session;
  let types: Record<string, string>;

  beforeAll(async () => {
    dist = site('demo');
    types = pageTypes(dist);
    s = await startSession(dist);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('opens every kind of page with no console errors and no failed requests', async () => {
    for (const [kind, path] of Object.entries(types)) {
      const page = await s.open(path);
      await expect.poll(() => page.locator('h1, figure.chart').count(), { message: kind, timeout: POLL_MS }).toBeGreaterThan(0);
      expect(await page.locator('html').getAttribute('lang')).toBe('ru');
      // A figure's label, value and note are separate words in the text (search excerpts, screen readers).
      const glued = await page.locator('.stat').evaluateAll((els) =>
        els
          .filter((e) => {
            const t = e.textContent ?? '';
            const dt = e.querySelector('dt')?.textContent ?? '';
            const note = e.querySelector('.note')?.textContent;
            return !t.startsWith(dt + ' ') || (note !== undefined && !/\s$/.test(t.slice(0, t.lastIndexOf(note))));
          })
          .map((e) => e.textContent),
      );
      expect(glued, kind).toEqual([]);
      expect(problemsAt(s, path), `${kind} ${path}`).toEqual([]);
      await page.close();
    }
  });

  it('walks from the region to a municipality to a school by links', async () => {
    const page = await s.open('/');
    await page.locator('main a[href^="/municipality/"]').first().click();
    await page.waitForURL(/\/municipality\/[^/]+\/$/);
    const muni = new URL(page.url()).pathname;
    await page.waitForLoadState('networkidle');
    await page.locator('main a[href^="/school/"]').first().click();
    await page.waitForURL(/\/school\/[^/]+\/$/);
    await page.waitForLoadState('networkidle');
    const school = new URL(page.url()).pathname;
    await expect.poll(() => page.locator('.breadcrumbs a[href="' + muni + '"]').count(), { timeout: POLL_MS }).toBe(1);
    expect([...problemsAt(s, '/'), ...problemsAt(s, muni), ...problemsAt(s, school)]).toEqual([]);
    await page.close();
  });

  describe('search (Pagefind, Russian stemming)', () => {
    // A real name from the demo data, not from the page: the open-data file lists every school.
    const schools = () => {
      const [head, ...rows] = parseCsv(readFileSync(join(dist, 'data', 'schools.csv'), 'utf8'));
      const col = (name: string) => head.indexOf(name);
      return rows.map((r) => ({ id: r[col('school_id')], name: r[col('name')], page: r[col('page')] }));
    };

    async function search(query: string) {
      const page = await s.open('/search/');
      const input = page.locator('#search input');
      await input.waitFor();
      await input.fill(query);
      const message = page.locator('.pagefind-ui__message');
      await expect.poll(() => message.textContent(), { timeout: 15_000 }).toMatch(/результат|Ничего не найдено/);
      const text = (await message.textContent()) ?? '';
      // The count agrees with its noun: 1 результат, 3 результата, 5 и 11 результатов.
      const counted = /^(\d+) (результат\S*)/.exec(text);
      if (counted) {
        const n = Number(counted[1]);
        const form = n % 10 === 1 && n % 100 !== 11 ? 'результат' : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 'результата' : 'результатов';
        expect(counted[2], text).toBe(form);
      }
      // The count comes first; each result's title loads after it, from its own fragment.
      const result = page.locator('.pagefind-ui__result-link');
      if (!/Ничего не найдено/.test(text)) await expect.poll(() => result.count(), { timeout: 15_000 }).toBeGreaterThan(0);
      await page.waitForLoadState('networkidle');
      const links = await result.evaluateAll((as) =>
        as.map((a) => ({ text: (a.textContent ?? '').trim(), href: new URL((a as HTMLAnchorElement).href).pathname })),
      );
      const note = ((await page.locator('#search-note').textContent()) ?? '').trim();
      return { page, links, message: text, note };
    }

    it('finds a school by a misspelt name', async () => {
      const school = schools().find((x) => x.name.includes('Черёмуховская'))!;
      expect(school, 'the demo has Черёмуховская ООШ').toBeDefined();
      // A letter wrong, two swapped, a typo in another case form. Pagefind itself has no typo
      // tolerance: search.js corrects a word one or two edits away from a word of the site's
      // names before searching, and says so.
      for (const typo of ['Черёмухавская', 'Чреёмуховская', 'Черёмухавской']) {
        const { page, links, note } = await search(typo);
        expect(links.map((l) => l.href), typo).toContain(school.page);
        expect(note, typo).toMatch(new RegExp(`^Исправлена опечатка: «${typo}» → «черемуховская»`));
        expect(problemsAt(s, '/search/')).toEqual([]);
        await page.close();
      }
    });

    it('offers a correction when a misspelt name looks like another form of a word', async () => {
      // «Черёмуховкая» (с lost) could be a case form of «Черёмухов…», so it is searched as
      // typed; nothing is found, and the page offers the corrected word as a button.
      const school = schools().find((x) => x.name.includes('Черёмуховская'))!;
      const { page, links } = await search('Черёмуховкая');
      expect(links).toEqual([]);
      const suggest = page.getByRole('button', { name: 'Искать «черемуховская»' });
      await expect.poll(() => suggest.count(), { timeout: POLL_MS }).toBe(1);
      await suggest.click();
      await expect.poll(() => page.locator('.pagefind-ui__result-link').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname)), { timeout: 15_000 }).toContain(school.page);
      expect(await page.locator('#search-note').textContent()).toMatch(/^Исправлена опечатка: «Черёмуховкая» → «черемуховская»/);
      expect(problemsAt(s, '/search/')).toEqual([]);
      await page.close();
    });

    it('finds a school by another case form of its name (stemming) and without ё', async () => {
      for (const [query, word] of [
        ['Черемуховская', 'Черёмуховская'],
        ['Черёмуховской школе', 'Черёмуховская'],
        ['гимназию', 'Гимназия'],
        ['Верхнеборовскую', 'Верхнеборовская'],
        ['Берёзовского района', 'Берёзовский район'],
      ]) {
        const { page, links, note } = await search(query);
        expect(note, `${query}: not a typo`).toBe('');
        expect(links.length, query).toBeGreaterThan(0);
        expect(links.some((l) => l.text.includes(word)), `${query}: ${links.map((l) => l.text).join('; ')}`).toBe(true);
        await page.close();
      }
    });

    it('says so when nothing matches', async () => {
      const { page, links, message } = await search('Жжжжжжжжж');
      expect(links).toEqual([]);
      expect(message).toMatch(/Ничего не найдено/);
      await page.close();
    });

    it('a result opens the school page', async () => {
      const { page } = await search('Черёмуховская');
      await page.locator('.pagefind-ui__result-link').first().click();
      await page.waitForURL(/\/school\/\d+\/$/);
      await expect.poll(() => page.locator('h1').textContent(), { timeout: POLL_MS }).toContain('Черёмуховская');
      await page.close();
    });
  });

  it('an embed view shows the linked chart alone with its iframe code, and works in an iframe', async () => {
    const page = await s.open('/');
    const link = page.getByRole('link', { name: 'Встроить на свой сайт' }).first();
    const href = (await link.getAttribute('href'))!;
    // The embed view is the page itself opened at the chart: no file of its own.
    expect(href).toMatch(/^\/#c-[\w-]+$/);
    const title = (await page.locator(`figure.chart:has(a[href="${href}"]) .chart-title`).textContent())!;
    await link.click();
    await page.waitForURL('**' + href);
    await page.waitForLoadState('load');
    const svg = page.locator('figure.chart:visible .chart-svg svg');
    await expect.poll(() => svg.count(), { timeout: 10_000 }).toBe(1);
    const box = (await svg.boundingBox())!;
    expect(box.width).toBeGreaterThan(200);
    expect(box.height).toBeGreaterThan(100);
    expect(await page.locator('figure.chart:visible .chart-title').textContent()).toBe(title);
    // The rest of the page is gone; the demo label and the source stay with the chart.
    expect(await page.locator('h1').isVisible()).toBe(false);
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('figure.chart:visible .demo-note').textContent()).toContain('Демонстрационные данные');
    expect(await page.locator('figure.chart:visible .embed-source a').getAttribute('href')).toBe('/');
    expect(await page.getByRole('link', { name: 'Встроить на свой сайт' }).filter({ visible: true }).count()).toBe(0);
    await page.locator('figure.chart:visible details.embed-code summary').click();
    const textarea = page.locator('figure.chart:visible textarea');
    const snippet = await textarea.inputValue();
    expect(snippet).toMatch(new RegExp(`^<iframe src="[^"]*${href.replace(/[/]/g, '\\/')}" title="[^"]+"`));
    expect(await textarea.isVisible()).toBe(true);
    expect(problemsAt(s, '/')).toEqual([]);
    await page.close();

    // The snippet, pointed at this server, shows the chart inside another site's page.
    const host = await s.newPage();
    const local = snippet.replace(/src="[^"]*"/, `src="${s.origin}${href}"`);
    // Another site (another port: another origin) that pastes the snippet into its page.
    const paper = createServer((_, res) =>
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(`<!doctype html><html lang="ru"><title>Газета</title><body>${local}</body></html>`),
    );
    await new Promise<void>((ok) => paper.listen(0, '127.0.0.1', ok));
    await host.goto(`http://127.0.0.1:${(paper.address() as AddressInfo).port}/article`);
    const frame = host.frameLocator('iframe');
    await expect.poll(() => frame.locator('figure.chart:visible svg').count(), { timeout: 10_000 }).toBe(1);
    await host.close();
    paper.close();
  });

  for (const kind of ['region', 'municipality', 'school']) {
    it(`the ${kind} page's CSV holds the numbers the page shows`, async () => {
      const path = types[kind];
      const page = await s.open(path);
      const link = page.getByRole('link', { name: /^Скачать числа этой страницы \(CSV/ });
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      let csv = parseCsv(readFileSync((await download.path())!, 'utf8'));
      if (kind === 'school') {
        // On disk one file holds the area's schools (the link without scripts); the page's
        // script cuts this school's rows out of it and names the file by the school's code.
        const code = decodeURIComponent(path.split('/')[2]);
        expect(await link.getAttribute('href')).toMatch(/^\/page-data\/schools\/[^/]+\.csv$/);
        expect(download.suggestedFilename()).toBe(`${code}.csv`);
        expect(csv[0]).toEqual(['код школы', 'школа', 'раздел', 'таблица', 'строка', 'столбец', 'значение']);
        expect(csv.slice(1).filter((r) => r[0] !== code), 'only this school').toEqual([]);
        csv = [csv[0].slice(2), ...csv.slice(1).map((r) => r.slice(2))];
      }
      expect(csv[0]).toEqual(['раздел', 'таблица', 'строка', 'столбец', 'значение']);
      const shown = await shownData(page);
      let numbers = 0;
      const missing: string[] = [];
      // A row label may repeat in a table (the schools of a group): the n-th such CSV row
      // of a column is the n-th row of the table with that label.
      const seen = new Map<string, number>();
      for (const [section, caption, rowLabel, column, value] of csv.slice(1)) {
        if (section === undefined) continue;
        let cell: string | undefined;
        if (!caption) {
          cell = shown.stats.find((st) => st.label === norm(rowLabel))?.value;
        } else {
          const t = shown.tables.find((t) => t.caption === norm(caption) && t.columns.includes(norm(column)));
          const key = `${caption}\u0000${rowLabel}\u0000${column}`;
          const n = seen.get(key) ?? 0;
          seen.set(key, n + 1);
          const row = t?.rows.filter((r) => r[0] === norm(rowLabel))[n];
          if (t && row) cell = row[t.columns.indexOf(norm(column))];
        }
        if (cell === undefined) {
          missing.push(`${caption} / ${rowLabel} / ${column}`);
          continue;
        }
        const n = value === '' ? NaN : Number(value);
        if (Number.isFinite(n)) {
          expect(shownNumber(cell), `${caption || section} / ${rowLabel} / ${column}: page «${cell}», CSV ${value}`).toBe(n);
          numbers++;
        } else if (value !== '') {
          expect(norm(cell), `${caption || section} / ${rowLabel} / ${column}`).toContain(norm(value));
        }
      }
      expect(missing, 'CSV rows not found on the page').toEqual([]);
      expect(numbers).toBeGreaterThan(3);
      expect(problemsAt(s, path)).toEqual([]);
      await page.close();
    });
  }

  it('the low-vision switch is remembered on the next page', async () => {
    const page = await s.open('/');
    const button = page.getByRole('button', { name: 'Версия для слабовидящих' });
    await button.waitFor();
    const before = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    await button.click();
    expect(await page.locator('html').getAttribute('class')).toContain('low-vision');
    expect(await page.locator('#a11y-toggle').getAttribute('aria-pressed')).toBe('true');
    const after = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    expect(after).toBeGreaterThan(before);
    await page.goto(s.origin + types.school, { waitUntil: 'networkidle' });
    expect(await page.locator('html').getAttribute('class')).toContain('low-vision');
    const again = page.locator('#a11y-toggle');
    expect(await again.getAttribute('aria-pressed')).toBe('true');
    expect((await again.textContent())?.trim()).toBe('Обычная версия');
    await again.click();
    await page.goto(s.origin + types.municipality, { waitUntil: 'networkidle' });
    expect(await page.locator('html').getAttribute('class') ?? '').not.toContain('low-vision');
    expect((await page.locator('#a11y-toggle').textContent())?.trim()).toBe('Версия для слабовидящих');
    expect([...problemsAt(s, '/'), ...problemsAt(s, types.school), ...problemsAt(s, types.municipality)]).toEqual([]);
    await page.close();
  });

  it('screenshots at 375 px and 1280 px, with no horizontal scrolling', async () => {
    const dir = outputDir('screenshots');
    for (const width of [375, 1280]) {
      for (const kind of ['region', 'municipality', 'school']) {
        const page = await s.newPage();
        await page.setViewportSize({ width, height: 900 });
        await page.goto(s.origin + types[kind], { waitUntil: 'networkidle' });
        await page.screenshot({ path: join(dir, `${kind}-${width}.png`), fullPage: true });
        const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
        expect(scroll, `${kind} at ${width} px`).toBeLessThanOrEqual(client);
        await page.close();
      }
    }
  });

  it('no page visited had a console error or a failed request', () => {
    expect(s.problems).toEqual([]);
  });
});
