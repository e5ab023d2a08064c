/**
 * The gap target sentence says which way the ratio moved over the year in words: a ratio
 * that grew by 2.69 % was printed as «−2,69 % сокращения», which reads as a misprint.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { setLocale } from '../../src/lib/words/locale.ts';
import { t } from '../../src/lib/words/index.ts';

afterAll(() => setLocale('ru'));

describe('the gap target sentence', () => {
  it('in Russian', () => {
    setLocale('ru');
    const w = t().area;
    expect(w.target(0.3, -2.6912, false)).toBe('Цель программы — сокращать отношение не менее чем на 0,3 % в год. За год отношение выросло на 2,69 % — цель не достигнута.');
    expect(w.target(0.3, 0.4467, true)).toBe('Цель программы — сокращать отношение не менее чем на 0,3 % в год. За год отношение сократилось на 0,45 % — цель достигнута.');
    expect(w.target(0.3, 0.004, false)).toBe('Цель программы — сокращать отношение не менее чем на 0,3 % в год. За год отношение не изменилось — цель не достигнута.');
  });
  it('in English', () => {
    setLocale('en');
    const w = t().area;
    expect(w.target(0.3, -2.6912, false)).toBe('The program’s target is to reduce the ratio by at least 0.3% a year. Over the year the ratio rose by 2.69% — target not met.');
    expect(w.target(0.3, 1.5, true)).toBe('The program’s target is to reduce the ratio by at least 0.3% a year. Over the year the ratio fell by 1.50% — target met.');
  });
});
