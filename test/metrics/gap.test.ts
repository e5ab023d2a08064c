import { describe, expect, it } from 'vitest';
import { computeGap } from '../../src/lib/metrics/gap.ts';
import { results, schools, settings, type R } from './helpers.ts';

const RU = 'Русский язык';
const MP = 'Математика (профиль)';
const SET = `${RU} + ${MP}`;
const one = (school_id: string, year: number, mean: number, extra: Partial<R> = {}): R => ({ school_id, year, subject: RU, n: 20, mean, ...extra });

describe('gap: top 10 % vs bottom 10 %', () => {
  // Ten schools in M1, Russian only, 2024. Scores: a 70, b 70, c 40, d 40, e..j 50..55.
  const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
  const means = [70, 70, 40, 40, 50, 51, 52, 53, 54, 55];
  const sch = schools(ids.map((id) => [id, 'M1']));
  const rows = ids.map((id, i) => one(id, 2024, means[i]));

  it('breaks ties at the cut by school_id', () => {
    const { gap } = computeGap(results(rows), sch, settings());
    const g = gap.find((r) => r.scope === 'region' && r.subject_set === RU)!;
    // eligible 10, k = ceil(0.1 · 10) = 1; a and b tie at 70 → a; c and d tie at 40 → c
    expect(g.eligible).toBe(10);
    expect(g.k).toBe(1);
    expect(g.top_ids).toEqual(['a']);
    expect(g.bottom_ids).toEqual(['c']);
    // gap 70 − 40 = 30, ratio 70 / 40 = 1.75
    expect(g.gap).toBe(30);
    expect(g.ratio).toBe(1.75);
    expect(g.few_schools).toBe(false);
  });

  it('gives the single-subject set and, with both subjects, the mandatory set', () => {
    const { gap } = computeGap(results(rows), sch, settings());
    // Russian alone exists; profile maths is absent from the data, so no mandatory set.
    expect(new Set(gap.map((g) => g.subject_set))).toEqual(new Set([RU]));
  });

  it('k = ceil(10 % of 70) is 7, not 8 (0.1 · 70 = 7.000000000000001 in floating point)', () => {
    const many = Array.from({ length: 70 }, (_, i) => one(`s${String(i).padStart(2, '0')}`, 2024, 30 + i));
    const { gap } = computeGap(results(many), schools([]), settings());
    const g = gap[0];
    expect(g.k).toBe(7);
    // top = mean(93..99) = 96; bottom = mean(30..36) = 33; gap 63
    expect(g.top_mean).toBe(96);
    expect(g.bottom_mean).toBe(33);
    expect(g.top_ids[0]).toBe('s69');
  });

  it('flags a scope with fewer than 10 eligible schools and still gives the figure', () => {
    const sch2 = schools([['a', 'M1'], ['b', 'M1'], ['c', 'M2']]);
    const { gap } = computeGap(results([one('a', 2024, 60), one('b', 2024, 50), one('c', 2024, 40)]), sch2, settings());
    const m1 = gap.find((r) => r.scope_id === 'M1')!;
    // eligible 2, k = max(1, ceil(0.2)) = 1: top 60, bottom 50, gap 10, ratio 1.2
    expect(m1).toMatchObject({ scope: 'municipality', eligible: 2, k: 1, top_mean: 60, bottom_mean: 50, gap: 10, few_schools: true, top_ids: ['a'], bottom_ids: ['b'] });
    expect(m1.ratio).toBeCloseTo(1.2, 12);
    const region = gap.find((r) => r.scope === 'region')!;
    expect(region).toMatchObject({ eligible: 3, k: 1, gap: 20, few_schools: true });
  });

  it('leaves out a suppressed school and one below min_participants', () => {
    const rs = [
      one('a', 2024, 60),
      one('b', 2024, 50),
      one('c', 2024, 10, { n: 9 }), // 9 < 10 participants: not eligible
      { school_id: 'd', year: 2024, subject: RU, n: 25, mean: null, mean_state: 'suppressed' } as R, // hidden by the publisher
    ];
    const { gap, scores } = computeGap(results(rs), schools([]), settings());
    expect(gap[0]).toMatchObject({ eligible: 2, top_ids: ['a'], bottom_ids: ['b'], gap: 10 });
    expect(scores.find((s) => s.school_id === 'c')).toBeUndefined(); // scores only for the mandatory set
  });

  // Three schools of 2024 with the two subjects of the mandatory set, or one of them:
  // a: (10·70 + 30·50) / 40 = 2200 / 40 = 55 (mean of means would be 60)
  // b: (20·60 + 20·40) / 40 = 50
  // c: Russian only (80): not in the set
  const setRows: R[] = [
    { school_id: 'a', year: 2024, subject: RU, n: 10, mean: 70 },
    { school_id: 'a', year: 2024, subject: MP, n: 30, mean: 50 },
    { school_id: 'b', year: 2024, subject: RU, n: 20, mean: 60 },
    { school_id: 'b', year: 2024, subject: MP, n: 20, mean: 40 },
    { school_id: 'c', year: 2024, subject: RU, n: 20, mean: 80 },
  ];

  it('weights the set score by participants and requires every subject of the set', () => {
    const rs = [
      ...setRows,
      // e: maths group of 8 < 10: in the score table, not eligible
      { school_id: 'e', year: 2024, subject: RU, n: 40, mean: 60 },
      { school_id: 'e', year: 2024, subject: MP, n: 8, mean: 60 },
    ];
    const { gap, scores } = computeGap(results(rs), schools([]), settings());
    const g = gap.find((r) => r.subject_set === SET)!;
    expect(g).toMatchObject({ eligible: 2, top_ids: ['a'], bottom_ids: ['b'], top_mean: 55, bottom_mean: 50, gap: 5 });
    expect(g.ratio).toBeCloseTo(1.1, 12);
    const a = scores.find((s) => s.school_id === 'a')!;
    expect(a).toMatchObject({ subject_set: SET, score: 55, n: 10, n_sum: 40, eligible: true });
    expect(scores.find((s) => s.school_id === 'e')).toMatchObject({ n: 8, n_sum: 48, score: 60, eligible: false });
    expect(scores.find((s) => s.school_id === 'c')).toBeUndefined();
  });

  it('gives score rows for every set with scores: all, for none with scores: none, and the same gap either way', () => {
    const rs = [...setRows, { school_id: 'b', year: 2023, subject: RU, n: 20, mean: 65 }];
    const all = computeGap(results(rs), schools([]), settings(), { scores: 'all' });
    // Sets in code order: the mandatory set first, then each subject alone by name
    // (МП before РЯ); within a set by year, then school.
    expect(all.scores.map((s) => [s.subject_set, s.year, s.school_id, s.score])).toEqual([
      [SET, 2024, 'a', 55],
      [SET, 2024, 'b', 50],
      [MP, 2024, 'a', 50],
      [MP, 2024, 'b', 40],
      [RU, 2023, 'b', 65],
      [RU, 2024, 'a', 70],
      [RU, 2024, 'b', 60],
      [RU, 2024, 'c', 80],
    ]);
    const none = computeGap(results(rs), schools([]), settings(), { scores: 'none' });
    expect(none.scores).toEqual([]);
    const mandatory = computeGap(results(rs), schools([]), settings());
    expect(mandatory.scores.map((s) => s.school_id)).toEqual(['a', 'b']);
    expect(all.gap).toEqual(mandatory.gap);
    expect(none.gap).toEqual(mandatory.gap);
    // Russian alone in 2024: a 70, b 60, c 80 → k 1: top c 80, bottom b 60.
    expect(mandatory.gap.find((g) => g.subject_set === RU && g.year === 2024)).toMatchObject({ eligible: 3, top_ids: ['c'], bottom_ids: ['b'], gap: 20 });
  });

  it('adds up rows of one school, year and subject (a file by grade): Σ n·x / Σ n', () => {
    const rs = [
      // a: grades 9 and 11 of one ОГЭ-like subject: (12·40 + 8·60) / 20 = 960 / 20 = 48
      { school_id: 'a', year: 2024, subject: RU, grade: '9', n: 12, mean: 40 },
      { school_id: 'a', year: 2024, subject: RU, grade: '11', n: 8, mean: 60 },
      // b: one row, 10 participants, 70; c: two rows of 6 and 5 = 11 ≥ 10: (6·30 + 5·52) / 11 = 440 / 11 = 40
      { school_id: 'b', year: 2024, subject: RU, n: 10, mean: 70 },
      { school_id: 'c', year: 2024, subject: RU, grade: '9', n: 6, mean: 30 },
      { school_id: 'c', year: 2024, subject: RU, grade: '11', n: 5, mean: 52 },
    ];
    const { gap, scores } = computeGap(results(rs), schools([]), settings({ mandatory_subjects: { 'ЕГЭ': [RU] } }));
    const score = (id: string) => scores.find((s) => s.school_id === id);
    expect(score('a')).toMatchObject({ score: 48, n: 20, eligible: true });
    expect(score('c')).toMatchObject({ score: 40, n: 11, eligible: true });
    // Three eligible, k = 1: top b (70), bottom c (40).
    expect(gap[0]).toMatchObject({ eligible: 3, k: 1, top_ids: ['b'], bottom_ids: ['c'], top_mean: 70, bottom_mean: 40, gap: 30 });
  });

  it('computes change, relative change of the ratio and the target; a missing year breaks it', () => {
    const rs = [
      // 2022: 60 vs 40 → gap 20, ratio 1.5
      one('a', 2022, 60), one('b', 2022, 40),
      // 2023: 59 vs 40 → gap 19, ratio 1.475: change −1, change_pct 100·(1.475/1.5 − 1) = −1.666…, met (1.67 ≥ 0.3)
      one('a', 2023, 59), one('b', 2023, 40),
      // 2024: 59.2 vs 40.1 → ratio 1.476309…: +0.0887 % → not met
      one('a', 2024, 59.2), one('b', 2024, 40.1),
      // 2025 missing; 2026: previous calendar year absent → null
      one('a', 2026, 50), one('b', 2026, 45),
    ];
    const { gap } = computeGap(results(rs), schools([]), settings());
    const by = new Map(gap.map((g) => [g.year, g]));
    expect(by.get(2022)).toMatchObject({ change: null, change_pct: null, target_met: null });
    expect(by.get(2023)!.change).toBeCloseTo(-1, 12);
    expect(by.get(2023)!.change_pct).toBeCloseTo(-100 / 60, 10);
    expect(by.get(2023)!.target_met).toBe(true);
    expect(by.get(2024)!.change_pct).toBeCloseTo(100 * (59.2 / 40.1 / 1.475 - 1), 10);
    expect(by.get(2024)!.target_met).toBe(false);
    expect(by.get(2026)).toMatchObject({ change: null, change_pct: null, target_met: null });
  });

  it('no change where a year has a single eligible school (both groups are that school)', () => {
    const rs = [
      // 2023: one school → gap 0, ratio 1; 2024: two schools 60 vs 40 → ratio 1.5; 2025: 60 vs 50 → ratio 1.2
      one('a', 2023, 60),
      one('a', 2024, 60), one('b', 2024, 40),
      one('a', 2025, 60), one('b', 2025, 50),
    ];
    const { gap } = computeGap(results(rs), schools([]), settings());
    const by = new Map(gap.map((g) => [g.year, g]));
    expect(by.get(2023)).toMatchObject({ eligible: 1, gap: 0, change: null, change_pct: null, target_met: null });
    // 2024 against a one-school 2023 is not a change of the gap.
    expect(by.get(2024)).toMatchObject({ eligible: 2, gap: 20, change: null, change_pct: null, target_met: null });
    // 2025 against 2024: gap 10 − 20 = −10; ratio 1.2 / 1.5 − 1 = −20 %
    expect(by.get(2025)!.change).toBeCloseTo(-10, 12);
    expect(by.get(2025)!.change_pct).toBeCloseTo(-20, 10);
  });

  it('never ranks ВПР, even when the settings list it', () => {
    const rs = [one('a', 2024, 60), one('b', 2024, 50), { school_id: 'a', year: 2024, exam: 'ВПР', subject: RU, grade: '5', n: 30, mean: 4.2 }, { school_id: 'b', year: 2024, exam: 'ВПР', subject: RU, grade: '5', n: 30, mean: 3.1 }];
    const { gap } = computeGap(results(rs), schools([]), settings({ ranked_exams: ['ЕГЭ', 'ОГЭ', 'ВПР'] }));
    expect(gap.length).toBe(1);
    expect(gap.every((g) => g.exam !== 'ВПР')).toBe(true);
  });

  it('treats share_below as lower-is-better', () => {
    const rs = [one('a', 2024, 0, { share_below: 5 }), one('b', 2024, 0, { share_below: 20 })];
    const { gap } = computeGap(results(rs), schools([]), settings({ gap_score: 'share_below' }));
    // best = a (5 %), worst = b (20 %): gap 20 − 5 = 15, ratio 20 / 5 = 4
    expect(gap[0]).toMatchObject({ top_ids: ['a'], bottom_ids: ['b'], top_mean: 5, bottom_mean: 20, gap: 15, ratio: 4 });
  });
});
