/**
 * The municipalities comparison sorts in the browser (a journalist's question: where is the
 * gap largest, where are the most schools?): pressing a column head orders the rows by it,
 * largest first, then back; cells without a number stay last; the head says the order
 * (aria-sort). The expected order is worked out here from gap.csv.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { site } from '../helpers/site-files.ts';
import { siteCsv } from '../real/shared.ts';
import { problemsAt, skipBrowser, startSession, type Session } from './browser.ts';

const POLL_MS = 20_000;
const num = (t: string) => {
  const m = t.replace(/[\s\u00a0\u202f]/g, '').replace('\u2212', '-').match(/^-?\d+(,\d+)?$/);
  return m ? Number(m[0].replace(',', '.')) : null;
};

/** [name, shown value] of every row, for the column whose head reads exactly `label`. */
async function column(table: Locator, label: string): Promise<[string, number | null][]> {
  const col = await table.locator('thead th').evaluateAll((ths, l) => ths.findIndex((th) => (th.textContent ?? '').replace(/[↑↓]/g, '').trim() === l), label);
  expect(col, label).toBeGreaterThan(0);
  const rows = await table.locator('tbody tr').evaluateAll((trs, c) => trs.map((tr) => [(tr.children[0].textContent ?? '').replace(/\s+/g, ' ').trim(), (tr.children[c].textContent ?? '').trim()]), col);
  return rows.map(([name, t]) => [name, num(t)]);
}

describe.skipIf(skipBrowser)('sortable municipalities table', () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession(site('demo'));
  });
  afterAll(async () => {
    await s?.close();
  });

  it('sorts by a number column, largest first, then smallest first, rows without a number last', async () => {
    const dir = site('demo');
    const gap = siteCsv(join(dir, 'data', 'gap.csv'));
    const latest = String(Math.max(...gap.map((g) => Number(g.year))));
    const set = gap.find((g) => g.scope === 'region' && g.year === latest && g.subject_set.includes(' + '))!.subject_set;
    const names = new Map(siteCsv(join(dir, 'data', 'schools.csv')).map((r) => [r.municipality_id, r.municipality]));
    const rows = gap.filter((g) => g.scope === 'municipality' && g.year === latest && g.subject_set === set);
    // The municipality with the most schools in the calculation, and with the largest published gap.
    const mostSchools = [...rows].sort((a, b) => Number(b.eligible) - Number(a.eligible))[0];
    const published = rows.filter((g) => g.gap !== '').sort((a, b) => Number(b.gap) - Number(a.gap));
    expect(published.length).toBeGreaterThan(1);

    const page = await s.open('/municipalities/');
    const table = page.locator('#by-gap table');
    await expect.poll(() => table.locator('thead button.sort').count(), { timeout: POLL_MS }).toBeGreaterThan(2);
    const press = async (label: string) => {
      const head = table.locator('thead th').filter({ has: page.locator('button.sort', { hasText: new RegExp(`^${label}`) }) }).first();
      await head.locator('button').click();
      return head.getAttribute('aria-sort');
    };

    // «Школ в расчёте»: a number in every row.
    expect(await press('Школ в расчёте')).toBe('descending');
    let got = await column(table, 'Школ в расчёте');
    expect(got[0][0]).toBe(names.get(mostSchools.scope_id));
    expect(got.map(([, v]) => v)).toEqual(got.map(([, v]) => v).sort((a, b) => b! - a!));
    expect(await press('Школ в расчёте')).toBe('ascending');
    got = await column(table, 'Школ в расчёте');
    expect(got.map(([, v]) => v)).toEqual(got.map(([, v]) => v).sort((a, b) => a! - b!));

    // «Разрыв»: published in a few rows; the others (withheld, too few schools) go last both ways.
    for (const [order, cmp] of [['descending', (a: number, b: number) => b - a], ['ascending', (a: number, b: number) => a - b]] as const) {
      expect(await press('Разрыв')).toBe(order);
      got = await column(table, 'Разрыв');
      const values = got.map(([, v]) => v);
      const shown = values.filter((v): v is number => v !== null);
      expect(shown.length).toBe(published.length);
      expect(values.slice(0, shown.length)).toEqual([...shown].sort(cmp));
      expect(values.slice(shown.length).every((v) => v === null)).toBe(true);
      if (order === 'descending') expect(got[0][0]).toBe(names.get(published[0].scope_id));
    }
    expect(problemsAt(s, '/municipalities/')).toEqual([]);
    await page.close();
  });
});
