/**
 * PathSet: membership of key paths without joined strings. Paths that a joined key would
 * confuse stay apart, and a prefix of a member is not a member.
 */
import { describe, expect, it } from 'vitest';
import { PathSet } from '../../src/lib/metrics/path-map.ts';

describe('PathSet', () => {
  it('holds exactly the paths added', () => {
    const s = new PathSet();
    s.add([2025, 'ЕГЭ', 'Математика (профиль)', '001234']);
    s.add([2025, 'ЕГЭ', 'Русский язык', '001234']);
    expect(s.has([2025, 'ЕГЭ', 'Математика (профиль)', '001234'])).toBe(true);
    expect(s.has([2025, 'ЕГЭ', 'Русский язык', '001234'])).toBe(true);
    expect(s.has([2024, 'ЕГЭ', 'Русский язык', '001234'])).toBe(false);
    expect(s.has([2025, 'ОГЭ', 'Русский язык', '001234'])).toBe(false);
    expect(s.has([2025, 'ЕГЭ', 'Русский язык', '001235'])).toBe(false);
    // A prefix is not a member, and a year is a number, not its text.
    expect(s.has([2025, 'ЕГЭ', 'Русский язык'])).toBe(false);
    expect(s.has(['2025', 'ЕГЭ', 'Русский язык', '001234'])).toBe(false);
  });

  it('keeps apart the paths a joined key «a|b|c» would confuse', () => {
    const s = new PathSet();
    s.add(['a|b', 'c']);
    expect(s.has(['a', 'b|c'])).toBe(false);
    expect(s.has(['a|b', 'c'])).toBe(true);
  });
});
