/**
 * Strict cell parsing by declared type. Never `Number(x)` on raw text: `Number('')` is 0,
 * `Number('1e3')` is 1000 and `Number('0x1A')` is 26 — all silent corruptions here.
 */
import type { ValueState } from '../model/types.ts';

export const DEFAULT_MISSING = ['', '-', '–', '—', 'н/д', 'нет данных'];
export const DEFAULT_SUPPRESSED = ['*', '<5', 's', '[c]', 'N/A'];
/** «х» is the Rosstat sign for "not applicable" (the cell makes no sense). */
export const DEFAULT_NA = ['х', 'неприменимо', 'не применимо'];

export interface Markers {
  missing: Set<string>;
  suppressed: Set<string>;
  na: Set<string>;
}

const key = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

export function markers(missing: string[], suppressed: string[], na: string[]): Markers {
  return {
    missing: new Set(missing.map(key)),
    suppressed: new Set(suppressed.map(key)),
    na: new Set(na.map(key)),
  };
}

/** '.' or ',' as the decimal mark; 'either' accepts one of them (files not delimited by ','). */
export type DecimalMark = '.' | ',' | 'either';

export type NumberResult =
  | { ok: true; state: ValueState; value: number | null }
  | { ok: false; reason: string };

const SPACES = /[ \u00A0\u202F\u2009]/;

/** Classify a cell as missing / suppressed / na by the marker lists (blank is always missing). */
export function markerState(raw: string, m: Markers): ValueState | undefined {
  const k = key(raw);
  if (k === '') return 'missing';
  if (m.suppressed.has(k)) return 'suppressed';
  if (m.missing.has(k)) return 'missing';
  if (m.na.has(k)) return 'na';
  return undefined;
}

export function parseNumber(raw: string, m: Markers, decimal: DecimalMark): NumberResult {
  const state = markerState(raw, m);
  if (state) return { ok: true, state, value: null };
  let s = raw.trim().replace(/\u2212/g, '-');
  if (s.endsWith('%')) s = s.slice(0, -1).trimEnd();
  // Thousands separators: spaces of any kind between digit groups of three.
  if (SPACES.test(s)) {
    if (!/^[+-]?\d{1,3}([ \u00A0\u202F\u2009]\d{3})+([.,]\d+)?$/.test(s)) {
      return { ok: false, reason: 'пробел внутри числа не разделяет группы по три цифры' };
    }
    s = s.replace(/[ \u00A0\u202F\u2009]/g, '');
  }
  if (decimal === '.' && /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  let re: RegExp;
  if (decimal === '.') re = /^[+-]?\d+(\.\d+)?$/;
  else if (decimal === ',') re = /^[+-]?\d+(,\d+)?$/;
  else re = /^[+-]?\d+([.,]\d+)?$/;
  if (!re.test(s)) {
    if (/^[+-]?\d+([.,]\d+)?e[+-]?\d+$/i.test(s)) return { ok: false, reason: 'экспоненциальная запись не допускается' };
    if (/^0x/i.test(s)) return { ok: false, reason: 'шестнадцатеричная запись не допускается' };
    if (/inf|nan/i.test(s)) return { ok: false, reason: 'это не число' };
    if (decimal === '.' && /^[+-]?\d+,\d+$/.test(s)) return { ok: false, reason: COMMA_REASON };
    if (decimal === ',' && /^[+-]?\d+\.\d+$/.test(s)) return { ok: false, reason: POINT_REASON };
    return { ok: false, reason: 'это не число' };
  }
  const value = Number(s.replace(',', '.'));
  if (!Number.isFinite(value)) return { ok: false, reason: 'это не число' };
  return { ok: true, state: 'value', value };
}

const COMMA_REASON = 'десятичная запятая, а в файле объявлена точка';
const POINT_REASON = 'десятичная точка, а в файле объявлена запятая';

/** The hint for a decimal-mark mismatch: which `read.decimal` to declare (undefined for other reasons). */
export function decimalHint(reason: string): string | undefined {
  if (reason === COMMA_REASON) return 'если в файле десятичная запятая (67,5), укажите у файла read: { decimal: "," }';
  if (reason === POINT_REASON) return 'если в файле десятичная точка (67.5), укажите у файла read: { decimal: "." }';
  return undefined;
}

export type YearResult = { ok: true; value: number | null; state: ValueState } | { ok: false; reason: string };

/**
 * Years: "2016", "2016.0" no; a school year "2015-2016", "2015–16", "2015/16", "20152016"
 * becomes its ending year (the exams of 2015/16 are sat in 2016).
 */
export function parseYear(raw: string, m: Markers): YearResult {
  const state = markerState(raw, m);
  if (state) return { ok: true, value: null, state };
  const s = raw.trim();
  let mm = /^(\d{4})$/.exec(s);
  if (mm) return check(Number(mm[1]));
  mm = /^(\d{4})\s*[-–—/]\s*(\d{4}|\d{2})$/.exec(s) ?? /^(\d{4})(\d{4})$/.exec(s);
  if (mm) {
    const a = Number(mm[1]);
    const b = mm[2].length === 2 ? Math.floor(a / 100) * 100 + Number(mm[2]) + (Number(mm[2]) < a % 100 ? 100 : 0) : Number(mm[2]);
    if (b !== a + 1) return { ok: false, reason: 'учебный год должен состоять из двух соседних лет' };
    return check(b);
  }
  return { ok: false, reason: 'ожидается год (2016) или учебный год (2015-2016, 2015/16, 20152016)' };
}

function check(y: number): YearResult {
  if (y < 1990 || y > 2100) return { ok: false, reason: 'год вне диапазона 1990–2100' };
  return { ok: true, value: y, state: 'value' };
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
const numericMarkers = new WeakMap<Markers, boolean>();
const PLAIN = /^[+-]?\d+([.,]\d+)?$/;

/** True when no marker is itself a plain number (then plain numbers never need the marker lookup). */
export function fastPathSafe(m: Markers): boolean {
  let v = numericMarkers.get(m);
  if (v === undefined) {
    v = ![...m.missing, ...m.suppressed, ...m.na].some((k) => PLAIN.test(k));
    numericMarkers.set(m, v);
  }
  return v;
}

/**
 * The common case of parseNumber without regexes or copies: `[+-]?digits([.,]digits)?`
 * with at most 15 digits and the file's decimal mark. Returns NaN when the cell needs the
 * full parseNumber. The result equals Number(): m / 10^k of two exact doubles is correctly
 * rounded, as Number() is. Only valid when fastPathSafe(markers).
 */
export function fastNumber(s: string, decimal: DecimalMark): number {
  const n = s.length;
  if (n === 0 || n > 17) return NaN;
  let i = 0;
  let c = s.charCodeAt(0);
  const neg = c === 45;
  if (neg || c === 43) i++;
  let m = 0;
  let digits = 0;
  while (i < n) {
    c = s.charCodeAt(i);
    if (c < 48 || c > 57) break;
    m = m * 10 + (c - 48);
    i++;
    digits++;
  }
  if (digits === 0) return NaN;
  let k = 0;
  if (i < n) {
    if (c === 46) {
      if (decimal === ',') return NaN;
    } else if (c === 44) {
      if (decimal === '.') return NaN;
    } else return NaN;
    i++;
    while (i < n) {
      c = s.charCodeAt(i);
      if (c < 48 || c > 57) return NaN;
      m = m * 10 + (c - 48);
      i++;
      k++;
    }
    if (k === 0) return NaN;
  }
  if (digits + k > 15) return NaN;
  const v = k ? m / POW10[k] : m;
  return neg ? -v : v;
}

/** Four digits in 1990–2100 (the common year cell); NaN otherwise. Only valid when fastPathSafe(markers). */
export function fastYear(s: string): number {
  if (s.length !== 4) return NaN;
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return NaN;
    y = y * 10 + (c - 48);
  }
  return y >= 1990 && y <= 2100 ? y : NaN;
}
