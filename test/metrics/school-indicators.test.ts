import { describe, expect, it } from 'vitest';
import { IndicatorLookup } from '../../src/lib/metrics/school-indicators.ts';
import { computeIndex, indexSlice, IndexTable } from '../../src/lib/metrics/flags.ts';
import { cols } from './helpers.ts';

const ind = (rows: [string, number, string, number | null][]) =>
  cols(rows.map(([school_id, year, indicator, value]) => ({ school_id, year, indicator, value })), ['school_id', 'year', 'indicator', 'value']);
// Schools B and A have a head count in the schools table; C has none.
const schoolList = cols(
  [
    { school_id: 'B', students: 300 },
    { school_id: 'A', students: 100 },
    { school_id: 'C', students: null },
  ],
  ['school_id', 'students'],
);

describe('the schools’ indicators by indicator and year', () => {
  const rows = ind([
    ['C', 2024, 'olympiad_share', 4],
    ['A', 2024, 'olympiad_share', 0],
    ['A', 2024, 'students', 120],
    ['A', 2023, 'olympiad_share', null],
    ['B', 2023, 'olympiad_share', 2.5],
  ]);
  const lookup = new IndicatorLookup(rows, schoolList);

  it('gives each school its own value, a true zero as 0, and no value where the row is empty or absent', () => {
    expect(lookup.get('olympiad_share', 2024, 'C')).toBe(4);
    expect(lookup.get('olympiad_share', 2024, 'A')).toBe(0);
    expect(lookup.get('olympiad_share', 2023, 'A')).toBeUndefined();
    expect(lookup.get('olympiad_share', 2023, 'B')).toBe(2.5);
    expect(lookup.get('olympiad_share', 2024, 'B')).toBeUndefined();
    expect(lookup.get('olympiad_share', 2024, 'Z')).toBeUndefined();
    expect([...lookup.years()].sort()).toEqual([2023, 2024]);
  });

  it('takes the head count from the schools table only where the indicator has none, in every year', () => {
    // A's own 2024 row (120) wins over the table's 100; B gets 300 in both years; C has none.
    expect(lookup.toMap('students', 2024)).toEqual(new Map([['A', 120], ['B', 300]]));
    expect([...lookup.toMap('students', 2024).keys()]).toEqual(['A', 'B']);
    expect([...lookup.toMap('students', 2023)]).toEqual([['B', 300], ['A', 100]]);
  });

  it('standardises an index component across the schools that have it', () => {
    // distance_km (lower is better) in 2024: A 10, B 20, C 30 — mean 20, population sd
    // √(200/3): z = −(x − 20) / √(200/3) = √1.5, 0, −√1.5. The other five social components
    // are absent, so with one of six present (fewer than half) the index has no value.
    const l = new IndicatorLookup(ind([['A', 2024, 'distance_km', 10], ['B', 2024, 'distance_km', 20], ['C', 2024, 'distance_km', 30]]));
    const out = computeIndex(l, 'social', 2024, ['A', 'B', 'C', 'D'], {});
    const z = out.map((r) => r.components.distance_km);
    expect(z[0]).toBeCloseTo(Math.sqrt(1.5), 12);
    expect(z[1]).toBeCloseTo(0, 12);
    expect(z[2]).toBeCloseTo(-Math.sqrt(1.5), 12);
    expect(z[3]).toBeNull();
    expect(out.map((r) => r.raw.distance_km)).toEqual([10, 20, 30, null]);
    expect(out.map((r) => r.value)).toEqual([null, null, null, null]);
    expect(out.map((r) => r.used)).toEqual([1, 1, 1, 0]);
  });
});

describe('the indices as columns (IndexTable)', () => {
  // Three of the six social components (half: enough), lower is better, for A, B, C in
  // 2024: 10, 20, 30 each → z = +√1.5, 0, −√1.5 for every component, and so the index.
  // D has no indicator at all; in 2023 only A has a value, of one component (too few).
  const rows: [string, number, string, number | null][] = [['A', 2023, 'low_ses_share', 5]];
  ['A', 'B', 'C'].forEach((s, i) => {
    for (const c of ['low_ses_share', 'deviant_share', 'low_motivation_share']) rows.push([s, 2024, c, 10 * (i + 1)]);
  });
  const lookup = new IndicatorLookup(ind(rows));
  const ids = ['A', 'B', 'C', 'D'];
  const table = IndexTable.forLookup(ids, lookup);
  for (const year of [2023, 2024]) table.slices.push(indexSlice(lookup, 'social', year, table.slots, {}));

  it('gives each school its index, its components and what is present', () => {
    expect(table.value('social', 2024, 'A')).toBeCloseTo(Math.sqrt(1.5), 12);
    expect(table.value('social', 2024, 'B')).toBeCloseTo(0, 12);
    expect(table.value('social', 2024, 'D')).toBeNull();
    expect(table.value('social', 2023, 'A')).toBeNull();
    expect(table.value('social', 2024, 'nobody')).toBeNull();
    expect([...table.values('social', 2024).keys()]).toEqual(['A', 'B', 'C']);
    expect(table.yearsWith('social')).toEqual([2024]);
    expect(table.presentComponents()).toEqual(new Set(['low_ses_share', 'deviant_share', 'low_motivation_share']));
    const [a2023, a2024] = table.forSchool('A');
    expect(a2023).toMatchObject({ year: 2023, value: null, used: 1, needed: 3, raw: { low_ses_share: 5, deviant_share: null } });
    expect(a2024.raw).toMatchObject({ low_ses_share: 10, deviant_share: 10, low_motivation_share: 10, distance_km: null });
    expect(a2024.components.deviant_share).toBeCloseTo(Math.sqrt(1.5), 12);
    expect(table.forSchool('D').map((r) => [r.value, r.used])).toEqual([[null, 0], [null, 0]]);
    expect(table.length).toBe(8);
  });
});
