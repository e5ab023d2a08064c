/**
 * Mapped rows → typed canonical rows: each field parsed by its declared type (id/text,
 * number with a state, year), then range checks. Errors keep file, line, column and value.
 */
import { KIND_SPECS, type FileKind, type Problem, type ValueState } from '../model/types.ts';
import { SCHOOL_INDICATORS, SUBJECTS } from '../model/config.ts';
import type { MappedRow, FieldCell } from './mapping.ts';
import { parseNumber, parseYear, type DecimalMark, type Markers } from './numbers.ts';
import { toText } from './expression.ts';

export type Cell = string | number | null;

export interface TypedRow {
  values: Record<string, Cell>;
  source: number;
  line: number;
  /** Where each field came from, for later (cross-row) messages. */
  cols: Record<string, number | undefined>;
}

export interface TypeContext {
  file: string;
  source: number;
  markers: Markers;
  decimal: DecimalMark;
  scale?: [number, number];
  add(p: Problem): void;
  drop(reason: string): void;
}

/** Default mean-score scales by exam; any other exam is unchecked unless the file gives `scale`. */
export const DEFAULT_SCALES: Record<string, [number, number]> = { 'ЕГЭ': [0, 100], 'ОГЭ': [2, 5], 'ВПР': [2, 5] };

const COUNTS = new Set(['n', 'g2', 'g3', 'g4', 'g5', 'students']);
const SHARES = new Set(['share_below', 'share_good', 'share_high']);
const PERCENT_INDICATORS = new Set(SCHOOL_INDICATORS.filter((i) => i.unit === '%').map((i) => i.id));
const KNOWN_INDICATORS = new Set(SCHOOL_INDICATORS.map((i) => i.id));
const ENUMS: Partial<Record<FileKind, Record<string, readonly string[]>>> = {
  targets: { kind: ['baseline', 'target', 'actual'], polarity: ['higher', 'lower'] },
  schools: { settlement: ['город', 'село'] },
};

export function typeRows(kind: FileKind, rows: MappedRow[], ctx: TypeContext): TypedRow[] {
  const spec = KIND_SPECS[kind];
  const fields = [...spec.required, ...spec.optional];
  const numeric = new Set(spec.numeric);
  const years = new Set(spec.years);
  const out: TypedRow[] = [];
  const warnedSubjects = new Set<string>();
  const warnedIndicators = new Set<string>();
  const err = (c: FieldCell | undefined, line: number, code: string, message: string, hint: string, value?: string) =>
    ctx.add({ severity: 'error', code, file: ctx.file, line: c?.line ?? line, column: c?.col, value: value ?? c?.raw, message, hint });

  for (const row of rows) {
    const values: Record<string, Cell> = {};
    const cols: Record<string, number | undefined> = {};
    let keep = true;
    for (const f of fields) {
      const c = row.fields[f];
      cols[f] = c?.col;
      if (numeric.has(f)) {
        let state: ValueState = 'missing';
        let value: number | null = null;
        if (c) {
          if (c.val?.t === 'num') ({ state, value } = c.val);
          else {
            const raw = c.val ? toText(c.val) : (c.raw ?? '');
            const r = parseNumber(raw, ctx.markers, ctx.decimal);
            if (r.ok) ({ state, value } = r);
            else err(c, row.line, 'bad-number', `Поле ${f}: ${r.reason}`, 'число пишется цифрами: 67,5 или 67.5; пропуск — пустая ячейка или «-», скрытое значение — «*»', raw);
          }
        }
        if (value !== null && !Number.isFinite(value)) [state, value] = ['missing', null];
        values[f] = value;
        values[`${f}_state`] = state;
      } else if (years.has(f)) {
        let value: number | null = null;
        if (c) {
          if (c.val?.t === 'num') value = c.val.value !== null && Number.isInteger(c.val.value) ? c.val.value : null;
          else {
            const raw = c.val ? toText(c.val) : (c.raw ?? '');
            const r = parseYear(raw, ctx.markers);
            if (r.ok) value = r.value;
            else err(c, row.line, 'bad-year', `Поле ${f}: ${r.reason}`, 'пишите год четырьмя цифрами (2016) или учебный год (2015-2016)', raw);
          }
        }
        values[f] = value;
        if (value === null && spec.required.includes(f)) keep = false;
      } else {
        const text = c ? (c.val ? (c.val.t === 'num' && c.val.state !== 'value' ? '' : toText(c.val)) : (c.raw ?? '')).trim() : '';
        values[f] = text === '' ? null : text;
        if (text === '' && spec.required.includes(f)) {
          keep = false;
          err(c, row.line, 'required-empty', `Пустое обязательное поле ${f}`, 'заполните ячейку; строка пропущена', '');
        }
      }
    }
    // Required years that failed to parse were reported above; a blank one is reported here.
    for (const f of spec.years) {
      if (spec.required.includes(f) && values[f] === null && !(row.fields[f]?.raw ?? '').trim()) {
        err(row.fields[f], row.line, 'required-empty', `Пустое обязательное поле ${f}`, 'укажите год; строка пропущена', '');
      }
    }
    if (!keep) {
      ctx.drop('invalid');
      continue;
    }
    checkRanges(kind, values, row, ctx, err);
    const enums = ENUMS[kind];
    if (enums) {
      for (const [f, allowed] of Object.entries(enums)) {
        const v = values[f];
        if (v !== null && !allowed.includes(String(v))) {
          err(row.fields[f], row.line, 'bad-value', `Поле ${f}: недопустимое значение`, `допустимо: ${allowed.join(', ')}; перекодируйте через recode`);
        }
      }
    }
    if (kind === 'results') {
      const s = String(values.subject);
      if (!(s in SUBJECTS) && !warnedSubjects.has(s)) {
        warnedSubjects.add(s);
        ctx.add({ severity: 'warning', code: 'unknown-subject', file: ctx.file, line: row.line, value: s, message: 'Предмет не входит в канонический список SUBJECTS', hint: 'приведите название к списку через recode: { subject: { «как в файле»: «каноническое» } }, если это тот же предмет' });
      }
    }
    if (kind === 'indicators') {
      const s = String(values.indicator);
      if (!KNOWN_INDICATORS.has(s) && !warnedIndicators.has(s)) {
        warnedIndicators.add(s);
        ctx.add({ severity: 'warning', code: 'unknown-indicator', file: ctx.file, line: row.line, value: s, message: 'Показатель не входит в список SCHOOL_INDICATORS', hint: 'используйте идентификатор из списка (например low_ses_share) или recode' });
      }
    }
    out.push({ values, source: ctx.source, line: row.line, cols });
  }
  return out;
}

type ErrFn = (c: FieldCell | undefined, line: number, code: string, message: string, hint: string, value?: string) => void;

function checkRanges(kind: FileKind, v: Record<string, Cell>, row: MappedRow, ctx: TypeContext, err: ErrFn): void {
  const num = (f: string) => (typeof v[f] === 'number' ? (v[f] as number) : null);
  const show = (x: number) => String(Math.round(x * 1000) / 1000).replace('.', ',');
  for (const f of Object.keys(v)) {
    const x = num(f);
    if (x === null || f.endsWith('_state')) continue;
    if (COUNTS.has(f)) {
      if (x < 0) err(row.fields[f], row.line, 'out-of-range', `Поле ${f}: отрицательное число участников`, 'число человек не может быть меньше нуля', show(x));
      else if (!Number.isInteger(x)) err(row.fields[f], row.line, 'out-of-range', `Поле ${f}: дробное число человек`, 'проверьте колонку: здесь ожидается целое число', show(x));
    }
    if (SHARES.has(f) && (x < 0 || x > 100 + 1e-9)) {
      err(row.fields[f], row.line, 'out-of-range', `Поле ${f}: доля вне диапазона 0–100 %`, 'доли пишутся в процентах (67,5), а не в долях единицы; проверьте формулу derive', show(x));
    }
  }
  if (kind === 'results') {
    const mean = num('mean');
    const scale = ctx.scale ?? DEFAULT_SCALES[String(v.exam)];
    if (mean !== null && scale && (mean < scale[0] || mean > scale[1])) {
      err(row.fields.mean, row.line, 'out-of-range', `Средний балл вне шкалы ${scale[0]}–${scale[1]} для экзамена ${String(v.exam)}`, 'проверьте колонку среднего балла или укажите scale: [мин, макс] для файла', show(mean));
    }
    const n = num('n');
    const gs = ['g2', 'g3', 'g4', 'g5'].map(num).filter((x): x is number => x !== null);
    const sum = gs.reduce((a, b) => a + b, 0);
    if (n !== null && gs.length && sum > n) {
      err(row.fields.g5 ?? row.fields.n, row.line, 'out-of-range', `Сумма оценок «2»–«5» (${sum}) больше числа участников n (${n})`, 'проверьте колонки с числом оценок и участников', String(sum));
    }
  }
  if (kind === 'indicators' && PERCENT_INDICATORS.has(String(v.indicator))) {
    const x = num('value');
    if (x !== null && (x < 0 || x > 100 + 1e-9)) {
      err(row.fields.value, row.line, 'out-of-range', `Показатель ${String(v.indicator)} (в процентах) вне диапазона 0–100`, 'проверьте единицы: проценты, а не доли единицы', show(x));
    }
  }
  if (kind === 'partnerships') {
    const a = num('start_year');
    const b = num('end_year');
    if (a !== null && b !== null && b < a) err(row.fields.end_year, row.line, 'out-of-range', 'Год окончания раньше года начала', 'проверьте годы партнёрства', String(b));
  }
}
