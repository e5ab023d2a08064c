/**
 * The printable transparency report (/report/ and /report/<municipality>/) of the demo,
 * built here with a build date passed in (--date), checked two ways:
 *
 * - its numbers against values worked out here from the published files: each programme
 *   indicator's baseline and yearly targets from data/demo/targets.csv, each status from
 *   the fact and the target with the indicator's direction, the ШНРО/НСУ counts and their
 *   movement from last year from the site's flags.csv, the partnerships from partnerships.csv;
 * - in real Chromium: printed to PDF on A4 it takes one to four pages, and laid out for
 *   print at the A4 text width no table or page is wider than its container, and the words
 *   «Цель» and the build date are on the page; on screen axe-core finds no violation.
 *
 * Without Chromium the browser half skips with a message (REQUIRE_BROWSER=1: fails).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript } from '../helpers/build-cli.ts';
import { withBuildLock } from '../security/build-helpers.ts';
import { doc, siteCsv, text } from '../real/shared.ts';
import { axe, describeViolations, skipBrowser, startSession, type Session } from './browser.ts';

const BUILD_DATE = '2026-09-01';
const BUILD_DATE_SHOWN = '01.09.2026';
/** A4 (210 mm) minus the 12 mm side margins of print.css, at 96 px per inch. */
const A4_TEXT_WIDTH_PX = Math.floor(((210 - 24) / 25.4) * 96);

let root = '';
let dist = '';

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'report-'));
  dist = join(root, 'dist');
  const r = await withBuildLock(() => runScript('build.ts', ['--data', 'data/demo', '--out', dist, '--date', BUILD_DATE]));
  expect(r.code, r.stderr).toBe(0);
}, 600_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

const num = (s: string) => Number(s.replace(/\s/g, '').replace(',', '.').replace('\u2212', '-'));
const ru1 = (v: number) => v.toLocaleString('ru-RU', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).replace('-', '\u2212');
const municipalityIds = () => readdirSync(join(dist, 'municipality')).sort();

/** A table as rows of cell texts keyed by the column heads. */
function tableRows(table: Element): Record<string, string>[] {
  const heads = [...table.querySelectorAll('thead th')].map((th) => text(th));
  return [...table.querySelectorAll('tbody tr')].map((tr) => Object.fromEntries([...tr.children].map((c, i) => [heads[i], text(c)])));
}

describe('report: numbers against the published files', () => {
  it('each region indicator: baseline, every target, and a status that follows from fact, target and direction', () => {
    const lines = readFileSync('data/demo/targets.csv', 'utf8').trim().split('\n').slice(1).map((l) => l.split(';'));
    const region = lines.filter((l) => l[0] === 'region');
    const indicators = [...new Set(region.map((l) => l[2]))];
    expect(indicators.length).toBeGreaterThan(0);
    const page = doc(join(dist, 'report', 'index.html'));
    let statuses = 0;
    for (const ind of indicators) {
      const table = page.querySelector(`#t-report-region-programme-${ind}`);
      expect(table, ind).toBeTruthy();
      const rows = tableRows(table!);
      const baseline = region.find((l) => l[2] === ind && l[7] === 'baseline');
      // A baseline written as «-» in the file is missing: the report says so rather than inventing one.
      const b = baseline ? num(baseline[8]) : NaN;
      expect(text(table!.querySelector('caption')), ind).toContain(`Базовое значение: ${Number.isFinite(b) ? ru1(b) : 'не указано'}`);
      const higher = region.find((l) => l[2] === ind)![5] === 'higher';
      for (const t of region.filter((l) => l[2] === ind && l[7] === 'target')) {
        const row = rows.find((r) => r['Год'] === t[6]);
        expect(row, `${ind} ${t[6]}`).toBeDefined();
        expect(row!['Цель']).toBe(ru1(num(t[8])));
        const actual = region.find((l) => l[2] === ind && l[6] === t[6] && l[7] === 'actual');
        if (actual) expect(row!['Факт'], `${ind} ${t[6]}`).toBe(ru1(num(actual[8])));
        const fact = num(row!['Факт']);
        const target = num(row!['Цель']);
        // Shown rounded: where fact and target round alike the status is not decidable from the page.
        if (!Number.isFinite(fact) || fact === target) continue;
        const met = higher ? fact > target : fact < target;
        expect(row!['Статус'], `${ind} ${t[6]}`).toBe(met ? 'цель достигнута' : 'цель не достигнута');
        statuses++;
      }
    }
    expect(statuses).toBeGreaterThan(10);
  });

  it('ШНРО/НСУ movement per municipality agrees with flags.csv', () => {
    const munOf = new Map(siteCsv(join(dist, 'data', 'schools.csv')).map((s) => [s.school_id, s.municipality_id]));
    const listed = new Map<string, Set<string>>();
    for (const f of siteCsv(join(dist, 'data', 'flags.csv'))) {
      if ((f.flag === 'shnro' || f.flag === 'nsu') && f.fired === 'true') {
        if (!listed.has(f.year)) listed.set(f.year, new Set());
        listed.get(f.year)!.add(f.school_id);
      }
    }
    const year = Math.max(...[...listed.keys()].map(Number));
    const now = listed.get(String(year))!;
    const before = listed.get(String(year - 1))!;
    const page = doc(join(dist, 'report', 'index.html'));
    const rows = tableRows(page.querySelector('#flagged table')!);
    const names = new Map(siteCsv(join(dist, 'data', 'schools.csv')).map((s) => [s.municipality, s.municipality_id]));
    let entered = 0;
    for (const r of rows) {
      const id = names.get(r['Муниципалитет']);
      const inMun = (s: string) => r['Муниципалитет'] === 'Всего по региону' || munOf.get(s) === id;
      const b = [...before].filter(inMun);
      const n = [...now].filter(inMun);
      expect(num(r[`В списке, ${year - 1}`]), r['Муниципалитет']).toBe(b.length);
      expect(num(r[`В списке, ${year}`]), r['Муниципалитет']).toBe(n.length);
      expect(num(r['Вошли']), r['Муниципалитет']).toBe(n.filter((s) => !before.has(s)).length);
      expect(num(r['Остались']), r['Муниципалитет']).toBe(n.filter((s) => before.has(s)).length);
      expect(num(r['Вышли']) + num(r['Нет данных']), r['Муниципалитет']).toBe(b.filter((s) => !now.has(s)).length);
      entered += n.filter((s) => !before.has(s)).length;
    }
    expect(rows.length).toBe(municipalityIds().length + 1);
    expect(entered).toBeGreaterThan(0);
    // A municipality's report lists each school listed in either year, once.
    const first = municipalityIds()[0];
    const mrows = tableRows(doc(join(dist, 'report', first, 'index.html')).querySelector('#flagged table')!);
    const mine = [...new Set([...before, ...now])].filter((s) => munOf.get(s) === first);
    expect(mrows.length).toBe(mine.length);
  });

  it('partnerships: every pair of partnerships.csv in the region report, and in its municipalities\u2019 reports', () => {
    const pairs = readFileSync('data/demo/partnerships.csv', 'utf8').trim().split('\n').slice(1).map((l) => l.split(';'));
    const munOf = new Map(siteCsv(join(dist, 'data', 'schools.csv')).map((s) => [s.school_id, s.municipality_id]));
    const region = tableRows(doc(join(dist, 'report', 'index.html')).querySelector('#partnerships table')!);
    expect(region.length).toBe(pairs.length);
    for (const id of municipalityIds()) {
      const expected = pairs.filter((p) => munOf.get(p[0]) === id || munOf.get(p[2]) === id).length;
      const table = doc(join(dist, 'report', id, 'index.html')).querySelector('#partnerships table');
      expect(table ? tableRows(table).length : 0, id).toBe(expected);
    }
  });

  it('the region and municipality pages link to their reports; the report shows the build date', () => {
    const link = (file: string) => [...doc(file).querySelectorAll('a')].find((a) => text(a) === 'Отчёт для печати')?.getAttribute('href');
    expect(link(join(dist, 'index.html'))).toBe('/report/');
    for (const id of municipalityIds()) expect(link(join(dist, 'municipality', id, 'index.html'))).toBe(`/report/${id}/`);
    expect(text(doc(join(dist, 'report', 'index.html')).querySelector('#sources'))).toContain(`Отчёт собран ${BUILD_DATE_SHOWN}`);
  });
});

/** Pages of a PDF: its page objects (not the /Pages tree nodes), checked against the tree's /Count. */
function pdfPages(pdf: Buffer): number {
  const s = pdf.toString('latin1');
  const objects = (s.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
  const counts = [...s.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)].map((m) => Number(m[1] ?? m[2]));
  if (counts.length) expect(Math.max(...counts)).toBe(objects);
  return objects;
}

describe.skipIf(skipBrowser)('report: printed in Chromium', () => {
  let session: Session;
  beforeAll(async () => {
    // axe-core is injected as an inline script, which the site's CSP forbids.
    session = await startSession(dist, { viewport: { width: A4_TEXT_WIDTH_PX, height: 1000 }, bypassCSP: true });
  }, 120_000);
  afterAll(async () => {
    await session?.close();
  });

  it('the region report and every municipality report print on one to four A4 pages, nothing wider than the page', async () => {
    for (const path of ['/report/', ...municipalityIds().map((id) => `/report/${id}/`)]) {
      const page = await session.open(path);
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
      const pages = pdfPages(pdf);
      expect(pages, path).toBeGreaterThanOrEqual(1);
      expect(pages, path).toBeLessThanOrEqual(4);
      await page.emulateMedia({ media: 'print' });
      const layout = await page.evaluate(() => {
        const wide = [...document.querySelectorAll('.table-wrap, table, figure, main')]
          .filter((e) => e.scrollWidth > e.clientWidth + 1)
          .map((e) => `${e.tagName}#${e.id || e.closest('section')?.id}: ${e.scrollWidth} > ${e.clientWidth}`);
        const right = document.querySelector('main')!.getBoundingClientRect().right;
        const beyond = [...document.querySelectorAll('table')].filter((t) => t.getBoundingClientRect().right > right + 1).map((t) => t.id);
        return { wide, beyond, page: document.documentElement.scrollWidth - document.documentElement.clientWidth, text: document.body.innerText };
      });
      expect(layout.wide, path).toEqual([]);
      expect(layout.beyond, path).toEqual([]);
      expect(layout.page, path).toBeLessThanOrEqual(0);
      expect(layout.text, path).toContain('Цель');
      expect(layout.text, path).toContain(BUILD_DATE_SHOWN);
      await page.close();
    }
    expect(session.problems).toEqual([]);
  }, 300_000);

  it('passes axe-core (WCAG 2.x A/AA) on screen', async () => {
    for (const path of ['/report/', `/report/${municipalityIds()[0]}/`]) {
      const page = await session.open(path);
      const violations = await axe(page);
      expect(violations, `${path}\n${describeViolations(violations)}`).toEqual([]);
      await page.close();
    }
  }, 120_000);
});
