/**
 * The municipality comparison page agrees with gap.csv (a journalist quotes one and
 * downloads the other): for the headline set and the latest year, each municipality's
 * eligible count, gap, ratio and the reduction of the ratio (same sign as the page) are the CSV's,
 * rounded as the page rounds them; the first table is sorted by the gap, largest first.
 */
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { read, shouldCheck, site } from '../helpers/site-files.ts';
import { siteCsv } from '../real/shared.ts';

// Each site in its language: the demo in Russian, NYC in English (manifest `locale: en`).
const WORDS = {
  demo: { locale: 'ru-RU', eligible: 'Школ в расчёте', gap: 'Разрыв', ratio: 'Отношение', reduction: 'Сокращение', hidden: /^(скрыто|не применимо)/ },
  nyc: { locale: 'en-US', eligible: 'Schools counted', gap: 'Gap', ratio: 'Ratio', reduction: 'Reduction', hidden: /^(hidden|not applicable)/ },
};
const num = (locale: string, v: number, d: number) => v.toLocaleString(locale, { minimumFractionDigits: d, maximumFractionDigits: d }).replace('-', '\u2212');
const clean = (s: string | null | undefined) => (s ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

describe.each(['demo', 'nyc'] as const)('municipality comparison: %s', (name) => {
  const w = WORDS[name];
  const ru = (v: number, d: number) => num(w.locale, v, d);
  // NYC needs ../shared; without it the check runs only under REQUIRE_SHARED_DATA=1 (and fails).
  it.skipIf(!shouldCheck(name))('matches gap.csv row by row and sorts by the gap', () => {
    const dir = site(name);
    const { document } = parseHTML(read(join(dir, 'municipalities', 'index.html')));
    const table = document.querySelector('#by-gap table')!;
    expect(table).toBeTruthy();
    const heads = [...table.querySelectorAll('thead th')].map((th) => clean(th.textContent));
    const col = (label: string) => heads.findIndex((h) => h.startsWith(label));
    const names = new Map<string, string>();
    for (const r of siteCsv(join(dir, 'data', 'schools.csv'))) names.set(r.municipality, r.municipality_id);
    const gap = siteCsv(join(dir, 'data', 'gap.csv'));
    const latest = String(Math.max(...gap.map((g) => Number(g.year))));
    // The headline set is the one the region's own row of the latest year uses first.
    const set = gap.find((g) => g.scope === 'region' && g.year === latest && g.subject_set.includes(' + '))?.subject_set ?? gap.find((g) => g.scope === 'region')!.subject_set;
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows.length).toBe(names.size);
    let checked = 0;
    const gaps: number[] = [];
    for (const tr of rows) {
      const cells = [...tr.children].map((td) => clean(td.textContent));
      const id = names.get(cells[0])!;
      expect(id, cells[0]).toBeDefined();
      const g = gap.find((x) => x.scope === 'municipality' && x.scope_id === id && x.year === latest && x.subject_set === set);
      if (!g) {
        expect(cells[col(w.eligible)]).toBe('0');
        continue;
      }
      expect(cells[col(w.eligible)], cells[0]).toBe(g.eligible);
      if (g.gap === '') expect(cells[col(w.gap)], cells[0]).toMatch(w.hidden);
      else {
        checked++;
        expect(cells[col(w.gap)], cells[0]).toBe(ru(Number(g.gap), 1));
        expect(cells[col(w.ratio)], cells[0]).toBe(ru(Number(g.ratio), 2));
        gaps.push(Number(g.gap));
      }
      if (g.ratio_reduction_pct !== '') expect(cells[col(w.reduction)], cells[0]).toBe(ru(Number(g.ratio_reduction_pct), 2));
    }
    expect(checked).toBeGreaterThan(0);
    expect(gaps).toEqual([...gaps].sort((a, b) => b - a));
  });
});
