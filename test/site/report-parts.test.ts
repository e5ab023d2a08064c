/**
 * The report's pure parts on hand-made rows: the ШНРО/НСУ movement between two years,
 * the data edition (newest source date, build date from --date or SOURCE_DATE_EPOCH,
 * never the clock) and the sources grouped by publisher.
 */
import { describe, expect, it } from 'vitest';
import type { FlagRow } from '../../src/lib/site/context.ts';
import type { FlagId } from '../../src/lib/model/config.ts';
import { buildDateFrom, editionOf, formatDate, newestSourceDate } from '../../src/lib/site/report/edition.ts';
import { flagMovement } from '../../src/lib/site/report/movement.ts';
import { FlagTable } from '../../src/lib/metrics/flag-table.ts';
import { bySource } from '../../src/lib/site/report/sources.ts';

/** A row of a rule of the given flag (the table knows a row's flag by its rule). */
const RULE_OF: Partial<Record<FlagId, string>> = { shnro: 'low_results', nsu: 'social_index', staffing: 'staffing_index' };
const flag = (school_id: string, year: number, flag: FlagId, fired: boolean | null): FlagRow => ({
  school_id,
  year,
  flag,
  rule: RULE_OF[flag]!,
  value: null,
  threshold: null,
  fired,
  distance: null,
  note: null,
});

describe('flagMovement', () => {
  const rows: FlagRow[] = [
    // 2024: A (ШНРО), B (НСУ), C (ШНРО and НСУ), E (ШНРО); D staffing only (not on the list).
    flag('A', 2024, 'shnro', true),
    flag('B', 2024, 'nsu', true),
    flag('C', 2024, 'shnro', true),
    flag('C', 2024, 'nsu', true),
    flag('D', 2024, 'staffing', true),
    flag('E', 2024, 'shnro', true),
    // 2025: A stays (now НСУ), B is assessed and not listed, C stays, D enters, E has no data.
    flag('A', 2025, 'shnro', false),
    flag('A', 2025, 'nsu', true),
    flag('B', 2025, 'shnro', false),
    flag('B', 2025, 'nsu', false),
    flag('C', 2025, 'nsu', true),
    flag('C', 2025, 'shnro', true),
    flag('D', 2025, 'shnro', true),
    flag('E', 2025, 'shnro', null),
    flag('E', 2025, 'nsu', null),
    flag('F', 2025, 'staffing', true),
  ];

  it('sorts each school into entered, stayed, left or unknown', () => {
    const m = flagMovement(FlagTable.fromRows(rows), 'all');
    expect(m.year).toBe(2025);
    expect(m.prevYear).toBe(2024);
    const by = Object.fromEntries(m.rows.map((r) => [r.school_id, r]));
    expect(Object.keys(by).sort()).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(by.A).toEqual({ school_id: 'A', before: ['shnro'], now: ['nsu'], movement: 'stayed' });
    expect(by.B.movement).toBe('left');
    // ШНРО before НСУ, whatever the order of the rows.
    expect(by.C).toEqual({ school_id: 'C', before: ['shnro', 'nsu'], now: ['shnro', 'nsu'], movement: 'stayed' });
    expect(by.D).toEqual({ school_id: 'D', before: [], now: ['shnro'], movement: 'entered' });
    expect(by.E.movement).toBe('unknown');
  });

  it('keeps to the scope', () => {
    const m = flagMovement(FlagTable.fromRows(rows), ['B', 'D']);
    expect(m.rows.map((r) => [r.school_id, r.movement])).toEqual([
      ['B', 'left'],
      ['D', 'entered'],
    ]);
  });

  it('has no previous year when the data hold one year of flags, and nothing without flags', () => {
    const m = flagMovement(FlagTable.fromRows(rows.filter((r) => r.year === 2025)), 'all');
    expect(m.prevYear).toBeNull();
    expect(m.rows.map((r) => r.school_id).sort()).toEqual(['A', 'C', 'D']);
    expect(flagMovement(FlagTable.fromRows([]), 'all')).toEqual({ year: null, prevYear: null, rows: [] });
  });
});

describe('edition', () => {
  it('takes the newest ISO date of the sources and skips the rest', () => {
    expect(newestSourceDate(['2016-10-31', undefined, '2017-01', 'весна 2018', '2016-12-01'])).toBe('2017-01');
    expect(newestSourceDate([undefined, null, ''])).toBeNull();
  });

  it('writes dates the Russian way', () => {
    expect(formatDate('2016-10-31')).toBe('31.10.2016');
    expect(formatDate('2017-01')).toBe('01.2017');
    expect(formatDate('2018')).toBe('2018');
    expect(formatDate('весна 2018')).toBe('весна 2018');
  });

  it('gets the build date from --date, else SOURCE_DATE_EPOCH, else none', () => {
    expect(buildDateFrom('2026-09-01', '0')).toBe('2026-09-01');
    // 1 796 083 200 s = 2026-12-01T00:00:00Z.
    expect(buildDateFrom(undefined, '1796083200')).toBe('2026-12-01');
    expect(buildDateFrom(undefined, undefined)).toBeNull();
    // SOURCE_DATE_EPOCH=0 pins a reproducible build; it is no build date (not 01.01.1970)
    expect(buildDateFrom(undefined, '0')).toBeNull();
    expect(() => buildDateFrom('2026-02-30', undefined)).toThrow(/--date/);
    expect(() => buildDateFrom(undefined, 'yesterday')).toThrow(/SOURCE_DATE_EPOCH/);
  });

  it('spans the data years', () => {
    const e = editionOf([2021, 2019, 2020], [{ publisher: 'P', title: 'T', date: '2021-03-01' }], null);
    expect([e.firstYear, e.lastYear, e.sourceDate, e.buildDate]).toEqual([2019, 2021, '2021-03-01', null]);
  });
});

describe('bySource', () => {
  it('gives one line per publisher and licence, with every title, date and link', () => {
    const items = bySource([
      { publisher: 'Департамент', title: 'Результаты ЕГЭ', date: '2025-09-01', licence: 'CC BY 4.0' },
      { publisher: 'Департамент', title: 'Реестр школ', url: 'https://example.org/r', licence: 'CC BY 4.0' },
      { publisher: 'Росстат', title: 'Население' },
    ]);
    expect(items).toEqual([
      { text: 'Департамент: Результаты ЕГЭ (01.09.2025); Реестр школ — https://example.org/r.', note: 'лицензия: CC BY 4.0' },
      { text: 'Росстат: Население.', note: 'лицензия не указана' },
    ]);
  });
});
