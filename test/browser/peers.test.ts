/**
 * Similar schools a reader chooses (issue 11): on a demo school page, without JavaScript
 * the default peers are listed with their trajectories; with it, ticking «в том же
 * муниципалитете» lists the nearest schools of that area only, worked out here from
 * data/compare.json as a reader would (distance in the published peer space, ties by code).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { site } from '../helpers/site-files.ts';
import { problemsAt, skipBrowser, startSession, type Session } from './browser.ts';
import type { IslandData, IslandSchool } from '../../src/lib/site/island-data.ts';

const POLL_MS = 20_000;
/** Names as a reader compares them: the page sets «ёлочки» and no-break spaces, the data may not. */
const same = (name: string) => name.replace(/[«»"]/g, '"').replace(/[\s\u00a0]+/g, ' ').trim();

function data(): IslandData {
  return JSON.parse(readFileSync(join(site('demo'), 'data', 'compare.json'), 'utf8')) as IslandData;
}

/** Nearest schools sitting the same exams, by plain sorting, written here apart from the site's code. */
function expectedPeers(d: IslandData, self: IslandSchool, keep: (s: IslandSchool) => boolean): string[] {
  const [x, y] = self.peer!;
  return d.schools
    .filter((s) => s.id !== self.id && s.peer && s.peer[3] === self.peer![3] && keep(s))
    .map((s) => ({ name: s.name, code: s.code, d: Math.sqrt((s.peer![0] - x) ** 2 + (s.peer![1] - y) ** 2) }))
    .sort((a, b) => a.d - b.d || a.code.localeCompare(b.code, 'en'))
    .slice(0, d.similarCount)
    .map((s) => same(s.name));
}

/** The names in a built page's similar-schools table (this school's row first, then peers). */
function builtPeers(html: string): string[] {
  const { document } = parseHTML(html);
  const table = [...document.querySelectorAll('table')].find((t) => /^t-school-.*-similar$/.test(t.id));
  return table ? [...table.querySelectorAll('tbody tr th')].slice(1).map((th) => same(th.textContent!)) : [];
}

describe('peer space in compare.json', () => {
  it('gives back, for every demo school, the default peers its page lists', () => {
    const d = data();
    let checked = 0;
    for (const s of d.schools) {
      if (!s.peer) continue;
      const html = readFileSync(join(site('demo'), 'school', s.id, 'index.html'), 'utf8');
      // A school that sits no ranked exam has no results to compare: no table, a sentence instead.
      if (s.peer[3] === '') {
        expect(builtPeers(html), s.id).toEqual([]);
        expect(html).toContain('похожие школы по результатам не сравниваются');
        continue;
      }
      expect(builtPeers(html), s.id).toEqual(expectedPeers(d, s, () => true));
      checked++;
    }
    expect(checked).toBeGreaterThan(200); // 240 of the demo's 250 schools sit ЕГЭ or ОГЭ
  });

  it('carries no number for a hidden year', () => {
    const d = data();
    let hidden = 0;
    for (const s of d.schools) {
      s.series.forEach((v, i) => {
        if (s.states[i] !== 'v') expect(v, `${s.id} ${d.years[i]}`).toBeNull();
        if (s.states[i] === 'h') hidden++;
      });
    }
    expect(hidden).toBeGreaterThan(0);
  });
});

describe.skipIf(skipBrowser)('similar schools in Chromium', () => {
  let s: Session;
  let noJs: Session;
  let self: IslandSchool;
  let d: IslandData;
  beforeAll(async () => {
    d = data();
    // A school whose own area holds fewer peers than the default choice takes from elsewhere.
    self = d.schools.find((x) => x.peer && x.peer[3] !== '' && expectedPeers(d, x, (o) => o.mun === x.mun).join() !== expectedPeers(d, x, () => true).join())!;
    s = await startSession(site('demo'));
    noJs = await startSession(site('demo'), { javaScriptEnabled: false });
  });
  afterAll(async () => {
    await s?.close();
    await noJs?.close();
  });

  it('without JavaScript: the default peers, each with its trajectory, and no boxes', async () => {
    const page = await noJs.open(`/school/${self.id}/`);
    const table = page.locator('table[id$="-similar"]');
    const names = await table.locator('tbody tr th').allTextContents();
    expect(names.slice(1).map(same)).toEqual(expectedPeers(d, self, () => true));
    // A trajectory for every peer with at least one published year.
    const withValues = expectedPeers(d, self, () => true).filter((n) => d.schools.find((x) => same(x.name) === n)!.states.includes('v')).length;
    expect(await table.locator('tbody tr:not(:first-child) svg.spark').count()).toBe(withValues);
    expect(await page.locator('form.peer-filters').isVisible()).toBe(false);
    await page.close();
  });

  it('ticking «in the same area» lists that area’s nearest schools; unticking brings the default back', async () => {
    const path = `/school/${self.id}/`;
    const page = await s.open(path);
    const form = page.locator('form.peer-filters');
    await expect.poll(() => form.isVisible(), { timeout: POLL_MS }).toBe(true);
    const rows = () => page.locator('table[id$="-similar"] tbody tr th').allTextContents().then((t) => t.slice(1).map(same));
    const area = expectedPeers(d, self, (o) => o.mun === self.mun);
    // A phone opening the page downloads no other school's figures until a box is ticked.
    const fetched = () => page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.includes('compare.json')));
    expect(await fetched()).toBe(false);
    await form.locator('input[name=area]').check();
    await expect.poll(rows, { timeout: POLL_MS }).toEqual(area);
    expect(await page.locator('.peer-status').textContent()).toContain(`Показаны ${area.length} ближайших`);
    expect(await fetched()).toBe(true);
    // Every listed peer is in this school's area, as the table's own column says.
    const areas = await page.locator('table[id$="-similar"] tbody tr td:first-of-type').allTextContents();
    expect(new Set(areas.map((a) => a.trim())).size).toBe(1);
    if (self.settlement) {
      await form.locator('input[name=settlement]').check();
      await expect.poll(rows, { timeout: POLL_MS }).toEqual(expectedPeers(d, self, (o) => o.mun === self.mun && o.settlement === self.settlement));
    }
    for (const name of ['area', 'settlement']) if (await form.locator(`input[name=${name}]`).count()) await form.locator(`input[name=${name}]`).uncheck();
    await expect.poll(rows, { timeout: POLL_MS }).toEqual(expectedPeers(d, self, () => true));
    expect(problemsAt(s, path)).toEqual([]);
    await page.close();
  });

  it('compare shows each chosen school’s trajectory: a line and one row per year, hidden years without a number', async () => {
    // Three schools, one of them with a hidden year.
    const hiddenOne = d.schools.find((x) => x.states.includes('h') && x.states.includes('v'))!;
    const chosen = [...d.schools.filter((x) => x !== hiddenOne && x.states.includes('v')).slice(0, 2), hiddenOne];
    const path = `/compare/?ids=${chosen.map((c) => c.id).join(',')}`;
    const page = await s.open(path);
    await expect.poll(() => page.locator('#compare-result table thead th').count(), { timeout: POLL_MS }).toBe(4);
    expect(await page.locator('#compare-result svg.spark').count()).toBe(3);
    for (const [i, year] of d.years.entries()) {
      const cells = (await page.locator('#compare-result tbody tr').filter({ has: page.locator(`th:text-is("${year}")`) }).locator('td').allTextContents()).map((t) => t.replace(/\u00a0/g, ' ').trim());
      const expected = chosen.map((c) => (c.states[i] === 'v' ? (Math.round(c.series[i]! * 10) / 10).toFixed(1).replace('.', ',') : c.states[i] === 'h' ? 'скрыто' : 'нет данных'));
      cells.forEach((t, k) => (expected[k] === 'скрыто' ? expect(t, `${year} ${chosen[k].id}`).toMatch(/^скрыто/) : expect(t, `${year} ${chosen[k].id}`).toBe(expected[k])));
    }
    expect(problemsAt(s, path)).toEqual([]);
    await page.close();
  });
});
