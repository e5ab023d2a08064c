/**
 * Formatting for everything a reader sees, in the site's locale (words/locale.ts):
 * numbers, percentages, plurals, and the labels of values that are not numbers (missing,
 * suppressed, n/a). Built on Intl so group separators, decimal marks and plural rules
 * come from CLDR. Imports only the leaf «common» catalogues, so every catalogue may use it.
 */
import type { ValueState } from '../model/types.ts';
import { intlLocale, locale } from '../words/locale.ts';
import { common as ruCommon } from '../words/ru/common.ts';
import { common as enCommon } from '../words/en/common.ts';

const cache = new Map<string, Intl.NumberFormat>();

function nf(digits: number): Intl.NumberFormat {
  const key = `${locale()}:${digits}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(intlLocale(), { minimumFractionDigits: digits, maximumFractionDigits: digits });
    cache.set(key, f);
  }
  return f;
}

/** The words every part of the site shares, in the site's locale. */
export function commonWords(): typeof ruCommon {
  return locale() === 'en' ? enCommon : ruCommon;
}

/**
 * Texts and rounded values already worked out, per locale and number of digits. A site
 * prints the same few thousand values (means to one decimal) hundreds of thousands of
 * times, and each Intl call costs about twenty times a Map lookup. Bounded: cleared when full.
 */
const MEMO_MAX = 1 << 16;
let textLocale = '';
let texts: Map<number, string>[] = [];
const roundings: Map<number, number>[] = [];
function bounded<T>(list: Map<number, T>[], digits: number): Map<number, T> {
  let m = list[digits];
  if (!m) list[digits] = m = new Map();
  else if (m.size >= MEMO_MAX) m.clear();
  return m;
}

/** 1234.5 → «1 234,5» (CLDR uses a no-break space as the group separator). */
export function formatNumber(value: number, digits = 1): string {
  // −0 and 0 are one Map key but print differently («−0» and «0»).
  if (value === 0) return nf(digits).format(value).replace('-', '−');
  if (locale() !== textLocale) {
    textLocale = locale();
    texts = [];
  }
  const m = bounded(texts, digits);
  let text = m.get(value);
  if (text === undefined) m.set(value, (text = nf(digits).format(value).replace('-', '−')));
  return text;
}

const plainCache = new Map<number, Intl.NumberFormat>();
const POWERS = [1, 10, 100, 1000, 10000];
/**
 * The number a reader sees, as a number: rounded exactly as formatNumber rounds (Intl,
 * half away from zero on the shortest decimal form, so 3.05 → 3.1, where toFixed gives
 * 3.0). Tables, CSV files and summary sentences all round through here, so they agree.
 */
export function roundAsShown(value: number, digits = 1): number {
  // A value that already is the number nearest a decimal of at most `digits` places (a
  // published mean to one decimal, a count) is its own rounding: its shortest form has no
  // more places, so Intl would give it back unchanged.
  const scale = POWERS[digits];
  if (scale !== undefined && Number.isFinite(value) && Math.round(value * scale) / scale === value) return value + 0;
  const m = bounded(roundings, digits);
  const known = m.get(value);
  if (known !== undefined) return known;
  let f = plainCache.get(digits);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false });
    plainCache.set(digits, f);
  }
  const rounded = Number(f.format(value)) + 0; // + 0 turns −0 into 0
  m.set(value, rounded);
  return rounded;
}

export function formatInt(value: number): string {
  return formatNumber(value, 0);
}

/** A value already in percent: 12.34 → «12,3 %» (en: 12.3%). */
export function formatPercent(value: number, digits = 1): string {
  return commonWords().percent(formatNumber(value, digits));
}

/** A share of schools as a reader writes it: 0.1 → «10 %», 0.125 → «12,5 %». */
export function shareText(share: number): string {
  const pct = share * 100;
  return formatPercent(pct, Number.isInteger(Math.round(pct * 10) / 10) ? 0 : 1);
}

/** A threshold in percent: 60 → «60 %», 0.5 → «0,5 %». */
export function pctText(value: number): string {
  return formatPercent(value, Number.isInteger(value) ? 0 : 1);
}

/** Signed change: +1,2 / −0,4 / 0,0. */
export function formatChange(value: number, digits = 1): string {
  const s = formatNumber(Math.abs(value), digits);
  if (roundAsShown(value, digits) === 0) return s;
  return value > 0 ? `+${s}` : `−${s}`;
}

const pluralRules = new Map<string, Intl.PluralRules>();
const listFormats = new Map<string, Intl.ListFormat>();

/** «А, Б и В» (en: A, B, and C). */
export function formatList(items: string[]): string {
  const tag = intlLocale();
  let f = listFormats.get(tag);
  if (!f) listFormats.set(tag, (f = new Intl.ListFormat(tag, { style: 'long', type: 'conjunction' })));
  return f.format(items);
}

/** A subject set as stored («Русский язык + Математика (профиль)») in words. */
export function subjectSetText(set: string): string {
  return formatList(set.split(' + '));
}

/** A phrase that starts a sentence or a label: «муниципалитеты» → «Муниципалитеты». */
export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase(intlLocale()) + text.slice(1);
}

/** A phrase continued after a colon: «В 25 % школ» → «в 25 % школ»; «ЕГЭ …» stays. */
export function afterColon(text: string): string {
  const word = text.split(/\s/, 1)[0];
  // An abbreviation (ЕГЭ, ВПР) is a word of two or more capitals; a one-letter word («В») is not.
  const abbreviation = word.length > 1 && word === word.toLocaleUpperCase(intlLocale());
  return word.length === text.length || abbreviation ? text : text.charAt(0).toLocaleLowerCase(intlLocale()) + text.slice(1);
}

/** plural(5, ['школа', 'школы', 'школ']) → «школ». Forms: one, few, many (en: one, other, other). */
export function plural(count: number, forms: readonly [string, string, string]): string {
  const tag = intlLocale();
  let rules = pluralRules.get(tag);
  if (!rules) pluralRules.set(tag, (rules = new Intl.PluralRules(tag)));
  const rule = rules.select(count);
  if (rule === 'one') return forms[0];
  if (rule === 'few') return forms[1];
  return forms[2];
}

/** «5 школ», «21 школа». */
export function countOf(count: number, forms: readonly [string, string, string]): string {
  return `${formatInt(count)}\u00a0${plural(count, forms)}`;
}

/** Plural forms in the site's locale: countOf(n, forms().schools). */
export function forms(): typeof ruCommon.forms {
  return commonWords().forms;
}

/** What a reader sees instead of a number, and why. */
export function stateLabel(state: ValueState, minParticipants = 10): string {
  const words = commonWords().states;
  switch (state) {
    case 'suppressed':
      return words.suppressed(minParticipants);
    case 'missing':
      return words.missing;
    case 'na':
      return words.na;
    default:
      return '';
  }
}

/** Format a possibly-absent value: the number, or the reason there is none. */
export function formatValue(
  value: number | null | undefined,
  state: ValueState,
  opts: { digits?: number; percent?: boolean; minParticipants?: number } = {},
): string {
  if (state !== 'value' || value === null || value === undefined || !Number.isFinite(value)) {
    return stateLabel(state === 'value' ? 'missing' : state, opts.minParticipants);
  }
  return opts.percent ? formatPercent(value, opts.digits ?? 1) : formatNumber(value, opts.digits ?? 1);
}

/**
 * A calendar date (ISO «2025-09-01» or «2025-09») in words in the site's language:
 * «1 сентября 2025 г.», «September 1, 2025», «September 2025». The date is a day, not an
 * instant: formatted in UTC so no time zone moves it.
 */
// Every page's footer formats the edition date: a formatter is costly to create, so once.
const dateCache = new Map<string, Intl.DateTimeFormat>();
export function formatLongDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  const key = `${intlLocale()}:${day ? 'd' : ''}`;
  let f = dateCache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(intlLocale(), { year: 'numeric', month: 'long', ...(day ? { day: 'numeric' } : {}), timeZone: 'UTC' });
    dateCache.set(key, f);
  }
  return f.format(Date.UTC(year, month - 1, day || 1));
}
