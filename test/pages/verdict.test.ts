/**
 * The answer first on school pages, checked against an independent recomputation from the
 * published results.csv (as a reader would): the two years and values the verdict quotes
 * are the school's first and last published mandatory-set scores of the last three years,
 * the change is their difference, the label agrees with its sign, and the colour appears
 * only where both years' smallest subject group reaches the reliability minimum.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/lib/model/config.ts';
import { read, site, walk } from '../helpers/site-files.ts';
import { siteCsv } from '../real/shared.ts';

const ru = (s: string) => Number(s.replace(/\u2212/g, '-').replace(/[\s\u00a0\u202f]/g, '').replace(',', '.'));

describe('school verdicts on the demo site', () => {
  it('quote the published scores of the first and last year, their difference, and a colour only when reliable', () => {
    const dir = site('demo');
    const { mandatory_subjects: sets, reliability_min: reliable } = DEFAULT_SETTINGS;
    const rows = new Map<string, { n: number | null; mean: number | null }>();
    let latest = 0;
    for (const r of siteCsv(join(dir, 'data', 'results.csv'))) {
      if (r.grade) continue;
      latest = Math.max(latest, Number(r.year));
      rows.set(`${r.school_id}|${r.year}|${r.exam}|${r.subject}`, { n: r.n === '' ? null : Number(r.n), mean: r.mean_state === 'value' && r.mean !== '' ? Number(r.mean) : null });
    }
    const score = (id: string, year: number, exam: string) => {
      const parts = sets[exam].map((s) => rows.get(`${id}|${year}|${exam}|${s}`));
      if (parts.some((p) => !p || p.mean === null || p.n === null)) return null;
      const w = parts.reduce((t, p) => t + p!.n!, 0);
      return { value: parts.reduce((t, p) => t + p!.n! * p!.mean!, 0) / w, nMin: Math.min(...parts.map((p) => p!.n!)) };
    };
    let quoted = 0;
    for (const file of walk(join(dir, 'school')).filter((f) => f.endsWith('index.html'))) {
      const id = file.split('/').at(-2)!;
      const html = read(file);
      const box = html.match(/<div class="verdict verdict-(\w+)"[^>]*>([\s\S]*?)<\/div>/);
      expect(box, `${id}: a verdict under the name`).toBeTruthy();
      const text = box![2].replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ').trim();
      const m = text.match(/(ЕГЭ|ОГЭ) по предметам .*?: ([\d,]+) в (\d{4}) году и ([\d,]+) в (\d{4}) году \(([+\u2212]?[\d,]+)\)/);
      if (!m) {
        expect(text, id).toMatch(/^Динамику оценить нельзя\./);
        expect(box![1], id).toBe('unknown');
        continue;
      }
      quoted++;
      const [, exam, v1, y1, v2, y2, d] = m;
      const digits = exam === 'ОГЭ' ? 2 : 1;
      const window = [latest - 2, latest - 1, latest].map((y) => ({ y, s: score(id, y, exam) })).filter((x) => x.s !== null);
      expect([Number(y1), Number(y2)], `${id}: first and last published years`).toEqual([window[0].y, window.at(-1)!.y]);
      const a = window[0].s!;
      const b = window.at(-1)!.s!;
      // The CSV rounds means to 2 decimals; the page to `digits`: within half a last place.
      expect(Math.abs(ru(v1) - a.value), `${id} ${y1}`).toBeLessThanOrEqual(0.5 * 10 ** -digits + 0.006);
      expect(Math.abs(ru(v2) - b.value), `${id} ${y2}`).toBeLessThanOrEqual(0.5 * 10 ** -digits + 0.006);
      expect(ru(d), `${id}: change is the difference of the shown values`).toBeCloseTo(ru(v2) - ru(v1), 6);
      const label = ru(d) > 0 ? 'Результаты выросли' : ru(d) < 0 ? 'Результаты снизились' : 'Результаты не изменились';
      expect(text.startsWith(`${label}.`), `${id}: «${text.slice(0, 40)}»`).toBe(true);
      const tone = a.nMin >= reliable && b.nMin >= reliable ? (ru(d) > 0 ? 'better' : ru(d) < 0 ? 'worse' : 'steady') : 'unknown';
      expect(box![1], `${id}: colour`).toBe(tone);
    }
    expect(quoted).toBeGreaterThan(100);
  });
});
