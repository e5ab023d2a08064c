/**
 * ru-RU formatting for everything a reader sees: numbers, percentages, plurals,
 * and the labels of values that are not numbers (missing, suppressed, n/a).
 * Built on Intl so thin spaces, decimal commas and plural rules come from CLDR.
 */
import type { ValueState } from '../model/types.ts';

const LOCALE = 'ru-RU';
const cache = new Map<string, Intl.NumberFormat>();

function nf(digits: number): Intl.NumberFormat {
  const key = String(digits);
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    cache.set(key, f);
  }
  return f;
}

/** 1234.5 → «1 234,5» (CLDR uses a no-break space as the group separator). */
export function formatNumber(value: number, digits = 1): string {
  return nf(digits).format(value).replace('-', '−');
}

const plainCache = new Map<number, Intl.NumberFormat>();
/**
 * The number a reader sees, as a number: rounded exactly as formatNumber rounds (Intl,
 * half away from zero on the shortest decimal form, so 3.05 → 3.1, where toFixed gives
 * 3.0). Tables, CSV files and summary sentences all round through here, so they agree.
 */
export function roundAsShown(value: number, digits = 1): number {
  let f = plainCache.get(digits);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false });
    plainCache.set(digits, f);
  }
  return Number(f.format(value)) + 0; // + 0 turns −0 into 0
}

export function formatInt(value: number): string {
  return formatNumber(value, 0);
}

/** A value already in percent: 12.34 → «12,3 %». */
export function formatPercent(value: number, digits = 1): string {
  return `${formatNumber(value, digits)}\u00a0%`;
}

/** Signed change: +1,2 / −0,4 / 0,0. */
export function formatChange(value: number, digits = 1): string {
  const s = formatNumber(Math.abs(value), digits);
  if (roundAsShown(value, digits) === 0) return s;
  return value > 0 ? `+${s}` : `−${s}`;
}

const pluralRules = new Intl.PluralRules(LOCALE);

/** plural(5, ['школа', 'школы', 'школ']) → «школ». Forms: one, few, many. */
const LIST = new Intl.ListFormat('ru-RU', { style: 'long', type: 'conjunction' });
/** «А, Б и В». */
export function formatList(items: string[]): string {
  return LIST.format(items);
}

/** A subject set as stored («Русский язык + Математика (профиль)») in words. */
export function subjectSetText(set: string): string {
  return formatList(set.split(' + '));
}

/** A phrase that starts a sentence or a label: «муниципалитеты» → «Муниципалитеты». */
export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('ru-RU') + text.slice(1);
}

/** A phrase continued after a colon: «В 25 % школ» → «в 25 % школ»; «ЕГЭ …» stays. */
export function afterColon(text: string): string {
  const word = text.split(/\s/, 1)[0];
  // An abbreviation (ЕГЭ, ВПР) is a word of two or more capitals; a one-letter word («В») is not.
  const abbreviation = word.length > 1 && word === word.toLocaleUpperCase('ru-RU');
  return word.length === text.length || abbreviation ? text : text.charAt(0).toLocaleLowerCase('ru-RU') + text.slice(1);
}

export function plural(count: number, forms: readonly [string, string, string]): string {
  const rule = pluralRules.select(count);
  if (rule === 'one') return forms[0];
  if (rule === 'few') return forms[1];
  return forms[2];
}

/** «5 школ», «21 школа». */
export function countOf(count: number, forms: readonly [string, string, string]): string {
  return `${formatInt(count)}\u00a0${plural(count, forms)}`;
}

export const SCHOOLS: readonly [string, string, string] = ['школа', 'школы', 'школ'];
/** After «у», «из»: у 1 школы, у 2 школ, у 21 школы. */
export const SCHOOLS_GENITIVE: readonly [string, string, string] = ['школы', 'школ', 'школ'];
/** After «по»: по 1 школе, по 2 школам, по 21 школе. */
export const SCHOOLS_DATIVE: readonly [string, string, string] = ['школе', 'школам', 'школам'];
/** «1 школа отнесена», «2 школы отнесены», «5 школ отнесены». */
export const ASSIGNED: readonly [string, string, string] = ['отнесена', 'отнесены', 'отнесены'];
export const MUNICIPALITIES: readonly [string, string, string] = ['муниципалитет', 'муниципалитета', 'муниципалитетов'];
export const PARTICIPANTS: readonly [string, string, string] = ['участник', 'участника', 'участников'];
export const YEARS: readonly [string, string, string] = ['год', 'года', 'лет'];

/** What a reader sees instead of a number, and why. */
export function stateLabel(state: ValueState, minParticipants = 10): string {
  switch (state) {
    case 'suppressed':
      return `скрыто: менее ${minParticipants} участников`;
    case 'missing':
      return 'нет данных';
    case 'na':
      return 'не применимо';
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
