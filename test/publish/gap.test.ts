import { describe, expect, it } from 'vitest';
import { publishGap } from '../../src/lib/publish/gap.ts';
import type { GapRow } from '../../src/lib/metrics/gap.ts';

// Two years of a region with k = 2. Scores (worked by hand):
// 2024: top A 80, B 70 → 75; bottom Y 40, Z 30 → 35; gap 40, ratio 75/35.
// 2025: top A 82, C 72 → 77; bottom Y 42, Z 34 → 38; gap 39, change −1.
const row = (year: number, top: [string, string], bottom: [string, string], tm: number, bm: number, change: number | null): GapRow => ({
  scope: 'region', scope_id: 'region', year, exam: 'ЕГЭ', subject_set: 'Математика', eligible: 20, k: 2,
  top_mean: tm, bottom_mean: bm, gap: tm - bm, ratio: tm / bm, change, change_pct: change === null ? null : -1, target_met: change === null ? null : true,
  few_schools: false, top_ids: top, bottom_ids: bottom,
});
const rows = [row(2024, ['A', 'B'], ['Y', 'Z'], 75, 35, null), row(2025, ['A', 'C'], ['Y', 'Z'], 77, 38, -1)];

describe('publishGap', () => {
  it('keeps every figure when every member is published', () => {
    const { rows: out, withheldGroups } = publishGap(rows, () => true);
    expect(withheldGroups).toBe(0);
    expect(out[1]).toMatchObject({ top_mean: 77, bottom_mean: 38, gap: 39, change: -1 });
  });

  it('withholds the group whose member is hidden, the gap and ratio, and next year’s change', () => {
    // B's 2024 score is hidden: 2 × 75 − 80 = 70 would give it back.
    const { rows: out, withheldGroups } = publishGap(rows, (s, y) => !(s === 'B' && y === 2024));
    expect(withheldGroups).toBe(1);
    expect(out[0]).toMatchObject({ top_mean: null, bottom_mean: 35, gap: null, ratio: null, withheld: { top: true, bottom: false } });
    // 2025 is complete, but its change (39 − gap 2024) would give the 2024 gap back.
    expect(out[1]).toMatchObject({ top_mean: 77, bottom_mean: 38, gap: 39, change: null, change_pct: null, target_met: null });
  });

  it('withholds the bottom group alone when only a bottom member is hidden', () => {
    const { rows: out } = publishGap(rows, (s, y) => !(s === 'Z' && y === 2025));
    expect(out[1]).toMatchObject({ top_mean: 77, bottom_mean: null, gap: null, withheld: { top: false, bottom: true } });
    expect(out[0]).toMatchObject({ top_mean: 75, bottom_mean: 35, gap: 40 });
  });
});
