/**
 * The published school results are columns (metrics/published-results.ts): a hidden cell
 * must have no number in them, not merely a flag beside one. Hand-made rows, every expected
 * value worked out here; then the same property over the whole demo region.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discloseResults } from '../../src/lib/metrics/disclosure.ts';
import { schoolResults } from '../../src/lib/metrics/results.ts';
import { STATE_CODE } from '../../src/lib/model/types.ts';
import { ResultIndex } from '../../src/lib/publish/published.ts';
import { loadDataset } from '../../src/lib/ingest/index.ts';
import { metricsForSite } from '../../src/lib/metrics/index.ts';
import { siteInputsFromMetrics } from '../../src/lib/publish/index.ts';
import { results, settings } from '../metrics/helpers.ts';

const s = settings();

describe('published results as columns', () => {
  // a: 5 pupils (< 10): every number hidden, its size kept until the boundary hides it too.
  // b: 12 pupils (< 30, not reliable): 0 % below the line is shown as the band «не более 10 %»
  //    (one child of 12 is 8,3 %, so the band is 10 %); its mean 61,5 is shown.
  // c: 40 pupils, nothing hidden. a's and c's second subject make two series for c.
  const raw = [
    { school_id: 'a', year: 2024, n: 5, mean: 30, share_below: 40 },
    { school_id: 'b', year: 2024, n: 12, mean: 61.5, share_below: 0 },
    { school_id: 'c', year: 2024, n: 40, mean: 70, share_below: 2.5 },
    { school_id: 'c', year: 2024, subject: 'Математика', n: 38, mean: 55 },
  ];
  const { rows: pub, hidden } = discloseResults(schoolResults(results(raw)), s);

  it('holds no number for a hidden value or a coded share', () => {
    expect(hidden).toEqual({ primary: 1 });
    expect(Number.isNaN(pub.value.mean[0])).toBe(true);
    expect(Number.isNaN(pub.value.share_below[0])).toBe(true);
    expect([pub.state.mean[0], pub.state.share_below[0]]).toEqual([STATE_CODE.suppressed, STATE_CODE.suppressed]);
    expect(pub.reason(0)).toBe('скрыто: менее 10 участников');
    // b's band: published (state 'value'), no number
    expect(pub.state.share_below[1]).toBe(STATE_CODE.value);
    expect(Number.isNaN(pub.value.share_below[1])).toBe(true);
    expect(pub.coded.get(1)).toEqual({ share_below: 'не более 10\u00a0%' });
    expect([pub.shownAsNumber(1, 'share_below'), pub.shownAsNumber(1, 'mean'), pub.value.mean[1]]).toEqual([false, true, 61.5]);
    expect([pub.reason(1), pub.reliable[1], pub.reliable[2]]).toEqual([null, 0, 1]);
  });

  it('makes a row as the site reads it, and hides a small group’s size on request', () => {
    expect(pub.row(1)).toEqual({
      school_id: 'b', year: 2024, exam: 'ЕГЭ', subject: 'Русский язык', grade: null,
      n: 12, n_state: 'value', mean: 61.5, mean_state: 'value',
      share_below: null, share_below_state: 'value', share_good: null, share_good_state: 'missing', share_high: null, share_high_state: 'missing',
      reliable: false, suppressed_reason: null, coded: { share_below: 'не более 10\u00a0%' },
    });
    expect(pub.n[0]).toBe(5);
    pub.hideSize(0);
    expect(pub.row(0)).toMatchObject({ n: null, n_state: 'suppressed', mean: null, mean_state: 'suppressed', share_below: null });
  });

  it('indexes a school’s rows by series and year, made when asked', () => {
    pub.hideSize(0); // as the boundary does (idempotent: the test above did it too)
    const index = new ResultIndex(pub);
    expect(index.years).toEqual([2024]);
    // participants per series over the published sizes: Русский язык 12 + 40 (a's 5 hidden above), Математика 38
    expect(index.series.map((x) => [x.subject, x.participants])).toEqual([['Русский язык', 52], ['Математика', 38]]);
    const c = index.school('c');
    expect([...c.keys()]).toEqual(['ЕГЭ|Русский язык|', 'ЕГЭ|Математика|']);
    expect(c.get('ЕГЭ|Математика|')!.get(2024)!.mean).toBe(55);
    // the same school asked again gets the same objects; another school, its own
    expect(index.school('c')).toBe(c);
    expect(index.get('b', 'ЕГЭ|Русский язык|', 2024)!.coded).toEqual({ share_below: 'не более 10\u00a0%' });
    expect(index.school('nobody').size).toBe(0);
  });

  it('over the demo region: every cell without a published number is NaN, every small group’s size too', async () => {
    const ds = await loadDataset(resolve('data/demo'));
    const inputs = siteInputsFromMetrics(ds, await metricsForSite(ds));
    const r = inputs.results;
    let hiddenCells = 0;
    let bands = 0;
    const wrong: string[] = [];
    for (let i = 0; i < r.length; i++) {
      if (r.n[i] < s.min_participants) wrong.push(`row ${i}: a group of ${r.n[i]} published`);
      for (const m of ['mean', 'share_below', 'share_good', 'share_high'] as const) {
        const coded = m !== 'mean' && r.coded.get(i)?.[m] !== undefined;
        const numberExpected = r.state[m][i] === STATE_CODE.value && !coded;
        if (Number.isNaN(r.value[m][i]) === numberExpected) wrong.push(`row ${i} ${m}: ${r.value[m][i]}`);
        if (r.state[m][i] === STATE_CODE.suppressed) hiddenCells++;
        if (coded) bands++;
      }
    }
    expect(wrong).toEqual([]);
    // Enough of both to mean something in the demo region.
    expect(hiddenCells).toBeGreaterThan(100);
    expect(bands).toBeGreaterThan(10);
  }, 60_000);
});
