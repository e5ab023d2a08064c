/**
 * The English locale (manifest `locale: en`): CLDR's en-US formats, two plural forms, the
 * English value states, curly quotes. Expected strings written out by hand.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { countOf, forms, formatChange, formatList, formatNumber, formatPercent, formatValue, shareText } from '../../src/lib/format/index.ts';
import { typeset } from '../../src/lib/format/typography.ts';
import { setLocale } from '../../src/lib/words/locale.ts';
import { t, words } from '../../src/lib/words/index.ts';
import { DEFAULT_SETTINGS } from '../../src/lib/model/config.ts';
import { parseManifest } from '../../src/lib/ingest/manifest.ts';
import { formatDate } from '../../src/lib/site/report/edition.ts';

afterEach(() => setLocale('ru'));

describe('numbers already formatted are remembered per locale and number of digits', () => {
  it('gives the same value in each locale its own text, whichever came first', () => {
    setLocale('ru');
    expect(formatNumber(1234.5, 1)).toBe('1\u00a0234,5');
    expect(formatNumber(1234.5, 0)).toBe('1\u00a0235');
    setLocale('en');
    expect(formatNumber(1234.5, 1)).toBe('1,234.5');
    expect(formatNumber(1234.5, 2)).toBe('1,234.50');
    setLocale('ru');
    expect(formatNumber(1234.5, 1)).toBe('1\u00a0234,5');
  });
  it('keeps −0 and 0 apart, though a Map takes them for one key', () => {
    setLocale('ru');
    expect(formatNumber(0, 1)).toBe('0,0');
    expect(formatNumber(-0, 1)).toBe('−0,0');
    expect(formatNumber(0, 1)).toBe('0,0');
  });
});

describe('en-US formatting', () => {
  it('a decimal point, a comma between thousands, a percent sign with no space', () => {
    setLocale('en');
    expect(formatNumber(1234.56, 1)).toBe('1,234.6');
    expect(formatPercent(12.345)).toBe('12.3%');
    expect(shareText(0.1)).toBe('10%');
    expect(shareText(0.125)).toBe('12.5%');
    expect(formatChange(-0.46)).toBe('−0.5');
  });
  it('report dates as an American reader writes them; Russian ones day first', () => {
    setLocale('en');
    expect(['2016-10-31', '2025-09-01', '2016-10', '2016', 'осень 2016'].map(formatDate)).toEqual(['October 31, 2016', 'September 1, 2025', 'October 2016', '2016', 'осень 2016']);
    setLocale('ru');
    expect(['2016-10-31', '2016-10', '2016'].map(formatDate)).toEqual(['31.10.2016', '10.2016', '2016']);
  });
  it('two plural forms: 1 school, 2 schools, 21 schools', () => {
    setLocale('en');
    expect([1, 2, 21, 0].map((n) => countOf(n, forms().schools))).toEqual(['1\u00a0school', '2\u00a0schools', '21\u00a0schools', '0\u00a0schools']);
  });
  it('hidden, no data and not applicable in English; zero stays a number', () => {
    setLocale('en');
    expect(formatValue(0, 'value')).toBe('0.0');
    expect(formatValue(null, 'suppressed', { minParticipants: 12 })).toBe('hidden: fewer than 12 participants');
    expect(formatValue(null, 'missing')).toBe('no data');
    expect(formatValue(null, 'na')).toBe('not applicable');
  });
  it('lists with a serial comma, quotes curly', () => {
    setLocale('en');
    expect(formatList(['Critical Reading', 'Math', 'Writing'])).toBe('Critical Reading, Math, and Writing');
    expect(typeset('P.S. 1 "Alfred E. Smith"')).toBe('P.S. 1 \u201cAlfred E. Smith\u201d');
  });
  it('the settings words follow the locale: «10 % лучших» is “top 10%”', () => {
    const settings = { ...DEFAULT_SETTINGS, gap_share: 0.2 };
    expect(words(settings).top).toBe('20\u00a0% лучших');
    setLocale('en');
    expect(words(settings).top).toBe('top 20%');
    expect(t().common.states.na).toBe('not applicable');
  });
});

describe('manifest locale', () => {
  it('accepts ru and en, and names the allowed values otherwise', () => {
    const head = 'region: { name: X }\nfiles:\n  - path: s.csv\n    kind: schools\n    source: { publisher: P, title: T }\n    columns: { school_id: id, name: n, municipality_id: m }\n';
    expect(parseManifest(`locale: en\n${head}`, 'dataset.yml').manifest?.locale).toBe('en');
    const bad = parseManifest(`locale: fr\n${head}`, 'dataset.yml');
    expect(bad.problems.map((p) => [p.line, p.message])).toEqual([[1, 'locale: ожидается одно из: ru, en']]);
  });
});
