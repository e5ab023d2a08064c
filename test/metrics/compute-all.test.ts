import { describe, expect, it } from 'vitest';
import { computeAll } from '../../src/lib/metrics/index.ts';
import { cols, results, schools, settings, tables } from './helpers.ts';

describe('computeAll', () => {
  // Four schools, two years of ЕГЭ Russian + profile maths, ВПР beside them.
  const rows = [];
  const base: Record<string, number> = { a: 70, b: 60, c: 50, d: 40 };
  for (const year of [2023, 2024]) {
    for (const [id, m] of Object.entries(base)) {
      rows.push({ school_id: id, year, subject: 'Русский язык', n: 20, mean: m + (year - 2023), share_below: 5 });
      rows.push({ school_id: id, year, subject: 'Математика (профиль)', n: 20, mean: m - 10, share_below: 15 });
      rows.push({ school_id: id, year, exam: 'ВПР', subject: 'Математика', grade: '5', n: 25, mean: 3 + m / 100 });
    }
  }
  const t = tables({
    schools: schools([['a', 'M1'], ['b', 'M1'], ['c', 'M2'], ['d', 'M2']]),
    results: results(rows),
    targets: cols([{ scope_id: 'region', indicator: 'gap_reduction_pct', year: 2024, kind: 'target', value: 0.3 }], ['scope_id', 'indicator', 'year', 'kind', 'value']),
  });
  const out = computeAll(t, settings());

  it('returns every table as plain rows, the school results, the aggregates, the rules and the indices as columns', () => {
    for (const k of ['gap', 'scores', 'indicators', 'context', 'fits', 'similar', 'clusters', 'partnerships']) expect(Array.isArray((out as Record<string, unknown>)[k])).toBe(true);
    // 4 schools × 2 years × 3 subjects
    expect(out.results.length).toBe(24);
    expect(out.results.school_id.length).toBe(24);
    // The region, M1 and M2 × 2 years × (ЕГЭ Russian, ЕГЭ maths, ВПР maths grade 5): the
    // region's first, then each municipality's, each by year.
    expect(out.aggregates.length).toBe(18);
    expect(out.aggregates.rows().map((a) => `${a.scope_id} ${a.year}`)).toEqual(['region', 'M1', 'M2'].flatMap((id) => [2023, 2023, 2023, 2024, 2024, 2024].map((y) => `${id} ${y}`)));
    // No programme in these settings: no rule applies, so no rule rows.
    expect(out.flags.length).toBe(0);
    // The indices: 4 schools × 2 years × 3 indices, none computed (no indicators).
    expect(out.indices.length).toBe(24);
    expect(out.indices.rows().every((r) => r.value === null)).toBe(true);
  });

  it('keeps ВПР out of the gap and the ШНРО ranking', () => {
    expect(out.gap.some((g) => g.exam === 'ВПР')).toBe(false);
    expect(out.scores.some((s) => s.exam === 'ВПР')).toBe(false);
    // ВПР still has its aggregates (distributions, context)
    expect(out.aggregates.rows().some((a) => a.exam === 'ВПР')).toBe(true);
  });

  it('region gap on the mandatory set and the programme indicator', () => {
    const g = out.gap.filter((r) => r.scope === 'region' && r.subject_set === 'Русский язык + Математика (профиль)');
    // 2023: a (70 + 60)/2 = 65, d (40 + 30)/2 = 35 → ratio 65/35; 2024: a 65.5, d 35.5
    expect(g.map((r) => r.gap)).toEqual([30, 30]);
    const pct = 100 * ((65.5 / 35.5) / (65 / 35) - 1);
    expect(g[1].change_pct).toBeCloseTo(pct, 10);
    const ind = out.indicators.find((r) => r.scope_id === 'region' && r.indicator === 'gap_reduction_pct' && r.year === 2024)!;
    // reduction = −pct = 0.65 % ≥ 0.3 → met
    expect(ind.value).toBeCloseTo(-pct, 10);
    expect(ind.status).toBe('met');
  });
});
