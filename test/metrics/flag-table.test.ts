/**
 * The rules' rows as columns (metrics/flag-table.ts): what goes in comes out as the same
 * row, a row's flag follows from its rule, «нет данных» is a row whose rule could not be
 * checked, and hiding a value at publication leaves the metrics' own table as it was.
 */
import { describe, expect, it } from 'vitest';
import { FlagTable } from '../../src/lib/metrics/flag-table.ts';

const rows = [
  // 55 < 60: continue_10 fired, 5 points to go.
  { school_id: 'A', year: 2024, rule: 'continue_10', value: 55, threshold: 60, fired: true, distance: 5 },
  { school_id: 'B', year: 2024, rule: 'monotown', value: null, threshold: 1, fired: null, distance: null },
  { school_id: 'A', year: 2025, rule: 'low_results', value: -0.447, threshold: null, fired: false, distance: null },
];

describe('FlagTable', () => {
  it('gives back each row with its flag and note', () => {
    const t = FlagTable.fromRows(rows, 'нет данных');
    expect(t.length).toBe(3);
    expect(t.rows()).toEqual([
      { ...rows[0], flag: 'shnro', note: null },
      { ...rows[1], flag: 'territory', note: 'нет данных' },
      { ...rows[2], flag: 'shnro', note: null },
    ]);
    expect([t.schoolId(2), t.flag(1), t.fired[0], t.fired[1], t.fired[2]]).toEqual(['A', 'territory', 1, -1, 0]);
  });

  it('hides a value in a copy, not in the metrics table', () => {
    const t = FlagTable.fromRows(rows);
    const published = t.withValuesHidden([0]);
    expect(published.row(0)).toMatchObject({ value: null, distance: null, value_hidden: true, fired: true, threshold: 60 });
    expect(Number.isNaN(published.value[0])).toBe(true);
    expect(published.row(2)).not.toHaveProperty('value_hidden');
    expect(published.row(2).value).toBe(-0.447);
    expect(t.row(0)).toMatchObject({ value: 55, distance: 5 });
    expect(t.row(0)).not.toHaveProperty('value_hidden');
  });

  it('refuses a rule it does not know and a row past its size', () => {
    expect(() => FlagTable.fromRows([{ ...rows[0], rule: 'r' }])).toThrow(/r/);
    const t = FlagTable.withCapacity(['A'], 1, '');
    t.push(0, 2024, 0, 1, 2, true, 1);
    expect(() => t.push(0, 2025, 0, 1, 2, true, 1)).toThrow(/1 rows/);
  });
});
