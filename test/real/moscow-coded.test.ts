/**
 * METRICS.md §6 top/bottom coding on real data: a Moscow school with fewer than
 * `reliability_min` graduates whose share above 220 points is near 0 % or 100 % is published
 * as a band. Recomputed here from the raw data.mos.ru file: which schools must be coded and
 * into which band (the band holds no child and one child), then the school's page, its
 * chart table and summary, and the CSV its page links to are read as a visitor reads them.
 * None may carry the share's number.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/lib/model/config.ts';
import { read, schoolPageCsv, site } from '../helpers/site-files.ts';
import { MIN_PARTICIPANTS, URL_SAFE, rawCsv, siteCsv, skipWithoutShared } from './shared.ts';

const RELIABILITY_MIN = DEFAULT_SETTINGS.reliability_min;
const SUBJECT = 'Сумма трёх предметов';

interface Coded {
  id: string;
  n: number;
  over: number;
  /** The band as published: «не более 10 %» / «не менее 95 %» (with a no-break space). */
  label: string;
  /** The share as the site would have written it (one decimal, comma). */
  shown: string;
}

/** One child's share rounded up to a multiple of 5, at least 5: the band holds 0 and 1 child. */
function band(n: number): number {
  let b = 5;
  while (b * n < 100) b += 5;
  return b;
}

function codedSchools(): Coded[] {
  const out: Coded[] = [];
  for (const r of rawCsv('moscow-ege-2016/data-9722-2016-10-31.csv', ';')) {
    const n = Number(r.PASSED_NUMBER_FULL);
    const over = Number(r.PASSES_OVER_220);
    if (n < MIN_PARTICIPANTS || n >= RELIABILITY_MIN) continue;
    const b = band(n);
    // In whole children: at most b % of n, or at least (100 − b) % of n.
    const low = over * 100 <= b * n;
    const high = over * 100 >= (100 - b) * n;
    if (!low && !high) continue;
    const share = (100 * over) / n;
    out.push({ id: r.ID, n, over, label: low ? `не более ${b}\u00a0%` : `не менее ${100 - b}\u00a0%`, shown: share.toFixed(1).replace('.', ',') });
  }
  return out;
}

describe.skipIf(skipWithoutShared('полосы долей на сайте Москвы'))('Moscow: shares near 0 % and 100 % in small groups are published as bands only', () => {
  let cache: Coded[] | null = null;
  const coded = () => (cache ??= codedSchools());

  it('finds the schools the review named among those to code', () => {
    const byId = new Map(coded().map((c) => [c.id, c]));
    // 1828: 25 of 26 (96,2 %); 3504: 0 of 15; 5379: 1 of 24 (4,2 %): worked out from the raw rows.
    expect(byId.get('1828')).toMatchObject({ n: 26, over: 25, label: 'не менее 95\u00a0%', shown: '96,2' });
    expect(byId.get('3504')).toMatchObject({ n: 15, over: 0, label: 'не более 10\u00a0%' });
    expect(byId.get('5379')).toMatchObject({ n: 24, over: 1, label: 'не более 5\u00a0%', shown: '4,2' });
  });

  it('results.csv gives the band and no number for every such school', () => {
    const rows = new Map(siteCsv(join(site('moscow'), 'data', 'results.csv')).filter((r) => r.subject === SUBJECT).map((r) => [r.school_id, r]));
    for (const c of coded()) expect(rows.get(c.id)?.share_high, `school ${c.id}`).toBe(c.label);
  });

  it('no school page, chart table or page CSV shows the coded share', () => {
    const dir = site('moscow');
    for (const c of coded()) {
      expect(URL_SAFE.test(c.id)).toBe(true);
      const html = read(join(dir, 'school', c.id, 'index.html'));
      // The band is said on the page, the number nowhere (text, tables, summaries, attributes).
      if (c.over > 0 && c.over < c.n) expect(html, `school ${c.id}: ${c.shown}`).not.toMatch(new RegExp(`(^|[^\\d,])${c.shown}(?![\\d])`));
      expect(html, `school ${c.id}`).toContain(c.label);
      const csv = schoolPageCsv(dir, c.id, c.id);
      expect(csv.length, `school ${c.id} CSV`).toBeGreaterThan(0);
      const exact = (100 * c.over) / c.n;
      for (const row of csv) {
        for (const v of Object.values(row)) {
          if (!/^-?\d+(\.\d+)?$/.test(v)) continue;
          // No cell rounds to the hidden share (n itself may be published: it is a count).
          if (Number(v) === c.n) continue;
          expect(Math.abs(Number(v) - exact) < 0.05 && v.includes('.'), `school ${c.id} CSV cell ${v}`).toBe(false);
        }
        if (c.over === 0 || c.over === c.n) expect(Object.values(row).some((v) => /^(0|100)(\.0+)?$/.test(v)), `school ${c.id}: 0/100 in CSV`).toBe(false);
      }
    }
  });
});
