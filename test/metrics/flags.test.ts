import { describe, expect, it } from 'vitest';
import { computeFlags, FlagTable, flagStatus } from '../../src/lib/metrics/flags.ts';
import { FLAG_IDS, type Settings } from '../../src/lib/model/config.ts';
import { cols, results, schools, settings as plainSettings } from './helpers.ts';

/** A region that follows a programme applying every identification. */
const settings = (over: Partial<Settings> = {}) => plainSettings({ programme: { name: 'Программа', flags: [...FLAG_IDS] }, ...over });

const sch = schools([['A', 'M'], ['B', 'M'], ['C', 'M'], ['D', 'M']]);
const ind = (rows: [string, number, string, number | null][]) => cols(rows.map(([school_id, year, indicator, value]) => ({ school_id, year, indicator, value })), ['school_id', 'year', 'indicator', 'value']);
const ege = (id: string, year: number, mean: number, n = 20) => ({ school_id: id, year, subject: 'Русский язык', n, mean });

// 2023: A 50, B 60, C 70, D 80 — mean 65, sd √125 = 11.18: z = −1.342, −0.447, 0.447, 1.342
// 2024: A 70, B 50, C 60, D 80 — z = 0.447, −1.342, −0.447, 1.342
const res = results([ege('A', 2023, 50), ege('B', 2023, 60), ege('C', 2023, 70), ege('D', 2023, 80), ege('A', 2024, 70), ege('B', 2024, 50), ege('C', 2024, 60), ege('D', 2024, 80)]);
const get = (out: ReturnType<typeof computeFlags>, s: string, y: number, rule: string) => out.flags.rows().find((f) => f.school_id === s && f.year === y && f.rule === rule)!;

describe('ШНРО: low results', () => {
  it('a school enters and leaves the bottom 25 % (one-year window)', () => {
    const out = computeFlags({ schools: sch, results: res, indicators: ind([]) }, settings({ rules: { ...settings().rules, low_results_years: 1 } }));
    // k = ceil(0.25 · 4) = 1: 2023 → A; 2024 → B
    expect(get(out, 'A', 2023, 'low_results').fired).toBe(true);
    expect(get(out, 'A', 2024, 'low_results').fired).toBe(false);
    expect(get(out, 'B', 2024, 'low_results').fired).toBe(true);
    expect(get(out, 'A', 2023, 'low_results').value).toBeCloseTo(-15 / Math.sqrt(125), 12);
  });

  it('uses the mean standardised score over the last N years (N = 2 here)', () => {
    const out = computeFlags({ schools: sch, results: res, indicators: ind([]) }, settings({ rules: { ...settings().rules, low_results_years: 2 } }));
    // 2024 window {2023, 2024}: A (−1.342 + 0.447)/2 = −0.447; B (−0.447 − 1.342)/2 = −0.894 → B, cut −0.894
    const b = get(out, 'B', 2024, 'low_results');
    expect(b.fired).toBe(true);
    expect(b.value).toBeCloseTo(-10 / Math.sqrt(125), 12); // (−15 − 5) / 2 / √125
    expect(get(out, 'A', 2024, 'low_results').fired).toBe(false);
    // A is clear of the cut by 0.447 = 5/√125: distance = cut − value = −0.447
    expect(get(out, 'A', 2024, 'low_results').distance).toBeCloseTo(-5 / Math.sqrt(125), 12);
  });

  it('ignores ВПР entirely', () => {
    const withVpr = results([
      ege('A', 2023, 50), ege('B', 2023, 60), ege('C', 2023, 70), ege('D', 2023, 80),
      // D is worst on ВПР; it must not matter
      { school_id: 'D', year: 2023, exam: 'ВПР', subject: 'Русский язык', grade: '5', n: 50, mean: 2.1 },
      { school_id: 'A', year: 2023, exam: 'ВПР', subject: 'Русский язык', grade: '5', n: 50, mean: 4.9 },
    ]);
    const out = computeFlags({ schools: sch, results: withVpr, indicators: ind([]) }, settings({ ranked_exams: ['ЕГЭ', 'ОГЭ', 'ВПР'], rules: { ...settings().rules, low_results_years: 1 } }));
    expect(get(out, 'A', 2023, 'low_results').fired).toBe(true);
    expect(get(out, 'D', 2023, 'low_results').fired).toBe(false);
    expect(get(out, 'A', 2023, 'low_results').value).toBeCloseTo(-15 / Math.sqrt(125), 12);
  });
});

describe('rules apply only under a programme and with their data', () => {
  it('without a programme no rule runs and each says why', () => {
    const out = computeFlags({ schools: sch, results: res, indicators: ind([['A', 2024, 'monotown', 1]]) }, plainSettings());
    expect(out.flags.rows()).toEqual([]);
    expect(out.rules).toHaveLength(12);
    expect(out.rules.every((r) => !r.applies && r.reason === 'регион не объявил программу, по которой школы относят к ШНРО/НСУ')).toBe(true);
  });

  it('«за 3 года» needs three years of results: two years in the data, the rule does not apply', () => {
    const out = computeFlags({ schools: sch, results: res, indicators: ind([]) }, settings());
    expect(out.flags.rows().filter((f) => f.rule === 'low_results')).toEqual([]);
    expect(out.rules.find((r) => r.rule === 'low_results')).toMatchObject({ applies: false, reason: 'нужно 3\u00a0года результатов ГИА, в наборе 2\u00a0года' });
  });

  it('a school without a score in every year of the window is not ranked («нет данных»)', () => {
    // C has no 2024 result: with a 2-year window it has «нет данных» in 2024; among A, B, D
    // (k = ceil(0.25 · 3) = 1) the lowest 2-year mean fires: A −0.447, B −0.894, D 1.342 → B.
    const partial = results([ege('A', 2023, 50), ege('B', 2023, 60), ege('C', 2023, 70), ege('D', 2023, 80), ege('A', 2024, 70), ege('B', 2024, 50), ege('D', 2024, 80)]);
    const out = computeFlags({ schools: sch, results: partial, indicators: ind([]) }, settings({ rules: { ...settings().rules, low_results_years: 2 } }));
    expect(get(out, 'C', 2024, 'low_results')).toMatchObject({ fired: null, value: null });
    expect(get(out, 'B', 2024, 'low_results').fired).toBe(true);
    expect(get(out, 'A', 2024, 'low_results').fired).toBe(false);
  });

  it('identifications outside the programme do not run; rules without data say what is missing', () => {
    const out = computeFlags({ schools: sch, results: res, indicators: ind([['A', 2024, 'monotown', 1]]) }, settings({ programme: { name: 'П', flags: ['shnro', 'territory'] } }));
    expect(out.rules.find((r) => r.rule === 'social_index')).toMatchObject({ applies: false, reason: 'программа региона не включает это отнесение' });
    expect(out.rules.find((r) => r.rule === 'monotown')).toMatchObject({ applies: true, reason: null });
    expect(out.rules.find((r) => r.rule === 'continue_10')).toMatchObject({ applies: false, reason: 'в наборе нет показателя «Доля выпускников 9 класса, продолживших обучение в 10 классе»' });
    expect(new Set(out.flags.rows().map((f) => f.rule))).toEqual(new Set(['below_region', 'monotown']));
  });
});

describe('ШНРО: threshold rules', () => {
  it('continue_10, olympiad, satisfaction with «нет данных» for a missing value', () => {
    const out = computeFlags({ schools: sch, results: results([]), indicators: ind([['A', 2024, 'continue_10_share', 55], ['B', 2024, 'continue_10_share', 60], ['A', 2024, 'olympiad_share', 0.5], ['A', 2024, 'satisfaction_share', 41]]) }, settings());
    // 55 < 60 fires, 5 points to go; 60 is not < 60
    expect(get(out, 'A', 2024, 'continue_10')).toMatchObject({ fired: true, value: 55, threshold: 60, distance: 5, note: null });
    expect(get(out, 'B', 2024, 'continue_10')).toMatchObject({ fired: false, distance: 0 });
    expect(get(out, 'C', 2024, 'continue_10')).toMatchObject({ fired: null, value: null, note: 'нет данных' });
    // 0.5 ≤ 0.5 fires (distance 0: it must rise above 0.5); 41 > 40 does not
    expect(get(out, 'A', 2024, 'olympiad')).toMatchObject({ fired: true, distance: 0 });
    expect(get(out, 'A', 2024, 'satisfaction')).toMatchObject({ fired: false, distance: -1 });
    // No regional monitoring is in the data: the rule does not apply to anyone.
    expect(get(out, 'A', 2024, 'knowledge_quality')).toBeUndefined();
    expect(out.rules.find((r) => r.rule === 'knowledge_quality')!.applies).toBe(false);
  });

  it('below_region: more than 20 points under the participant-weighted regional ЕГЭ mean', () => {
    const r = results([ege('A', 2024, 40, 10), ege('B', 2024, 70, 30), { school_id: 'B', year: 2024, subject: 'Математика (база)', n: 30, mean: 4.5 }]);
    const out = computeFlags({ schools: sch, results: r, indicators: ind([]) }, settings());
    // region (10·40 + 30·70) / 40 = 62.5 (base maths, graded 2–5, is left out); A: 40 − 62.5 = −22.5 < −20
    expect(get(out, 'A', 2024, 'below_region')).toMatchObject({ fired: true, value: -22.5, threshold: -20, distance: 2.5 });
    expect(get(out, 'B', 2024, 'below_region')).toMatchObject({ fired: false, value: 7.5, distance: -27.5 });
  });

  it('below_region: subject groups under 10 do not add up to a school mean (the same graduates sit each subject)', () => {
    const r = results([
      ege('A', 2024, 30, 6),
      { school_id: 'A', year: 2024, subject: 'Математика (профиль)', n: 6, mean: 32 },
      ege('B', 2024, 70, 30),
    ]);
    const out = computeFlags({ schools: sch, results: r, indicators: ind([]) }, settings());
    // A has 6 + 6 = 12 subject sittings but only 6 graduates: no value, «нет данных».
    expect(get(out, 'A', 2024, 'below_region')).toMatchObject({ fired: null, value: null, note: 'нет данных' });
    // The region still counts every row: (6·30 + 6·32 + 30·70) / 42 = 2472 / 42 = 58.857…; B: 70 − 58.857 = 11.14
    expect(get(out, 'B', 2024, 'below_region').value).toBeCloseTo(70 - 2472 / 42, 9);
  });
});

describe('НСУ and the index', () => {
  it('z-scores the components with their polarity and flags the lowest 25 %', () => {
    // three of six social components (= half, enough): each 10, 20, 30, 40 for A..D
    const rows: [string, number, string, number][] = [];
    ['A', 'B', 'C', 'D'].forEach((s, i) => {
      for (const c of ['low_ses_share', 'deviant_share', 'low_motivation_share']) rows.push([s, 2024, c, 10 * (i + 1)]);
    });
    const out = computeFlags({ schools: sch, results: results([]), indicators: ind(rows) }, settings());
    const idx = out.indices.rows().filter((r) => r.index === 'social' && r.year === 2024);
    expect(out.indices.value('social', 2024, 'A')).toBe(idx.find((r) => r.school_id === 'A')!.value);
    expect([...out.indices.values('social', 2024).keys()]).toEqual(['A', 'B', 'C', 'D']);
    // lower is better: z = −(v − 25)/√125 → A +1.342 … D −1.342; index = mean of equal components
    expect(idx.find((r) => r.school_id === 'A')!.value).toBeCloseTo(15 / Math.sqrt(125), 12);
    expect(idx.find((r) => r.school_id === 'D')!.value).toBeCloseTo(-15 / Math.sqrt(125), 12);
    expect(get(out, 'D', 2024, 'social_index').fired).toBe(true);
    expect(get(out, 'C', 2024, 'social_index').fired).toBe(false);
    const st = flagStatus(out.flags);
    expect(st.get('D\u00012024\u0001nsu')).toBe(true);
    // Only НСУ: the same statuses for it, none for the other flags.
    const nsu = flagStatus(out.flags, 'nsu');
    expect([...nsu]).toEqual([...st].filter(([k]) => k.endsWith('\u0001nsu')));
    expect(nsu.get('D\u00012024\u0001nsu')).toBe(true);
    expect(nsu.get('C\u00012024\u0001nsu')).toBe(false);
    expect([...nsu.keys()].some((k) => !k.endsWith('\u0001nsu'))).toBe(false);
    // A rule's flag follows from the rule: low results are ШНРО's, the social index НСУ's.
    const row = (rule: 'low_results' | 'social_index', fired: boolean | null) => ({ school_id: 'A', year: 2024, rule, value: null, threshold: null, fired, distance: null });
    expect(flagStatus(FlagTable.fromRows([row('low_results', true), row('social_index', false), row('social_index', null)]), 'nsu')).toEqual(new Map([['A\u00012024\u0001nsu', null]]));
    // staffing index: no components in the data at all → the rule does not apply
    expect(get(out, 'D', 2024, 'staffing_index')).toBeUndefined();
    expect(out.rules.find((r) => r.rule === 'staffing_index')).toMatchObject({ applies: false, reason: 'для индекса нужно не менее 2 из 4 показателей, в наборе 0' });
  });

  it('territory rules', () => {
    const out = computeFlags({ schools: sch, results: results([]), indicators: ind([['A', 2024, 'monotown', 1], ['B', 2024, 'monotown', 0], ['A', 2024, 'unemployment_ratio', 1.6]]) }, settings());
    expect(get(out, 'A', 2024, 'monotown').fired).toBe(true);
    expect(get(out, 'B', 2024, 'monotown').fired).toBe(false);
    expect(get(out, 'A', 2024, 'unemployment').fired).toBe(true);
    expect(get(out, 'A', 2024, 'unemployment').distance).toBeCloseTo(0.1, 12);
  });
});
