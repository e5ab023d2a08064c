/**
 * Mapped rows → typed canonical rows in a KindStore: each field parsed by its declared type
 * (id/text, number with a state, year), then range checks. Errors keep file, line, column
 * and value.
 */
import { KIND_SPECS, STATE_CODE, type FileKind, type Problem } from '../model/types.ts';
import { SCHOOL_INDICATORS, SUBJECTS } from '../model/config.ts';
import type { RowView } from './mapping.ts';
import { decimalHint, fastNumber, fastPathSafe, fastYear, parseNumber, parseYear, type DecimalMark, type Markers } from './numbers.ts';
import { toText } from './expression.ts';
import { isTrimSpace } from './text.ts';
import { CONTROL } from './tokenize.ts';
import { CONTROL_HINT, controlName } from './parse.ts';
import type { Interner, KindStore } from './store.ts';

export type Cell = string | number | null;

export interface TypeContext {
  file: string;
  source: number;
  markers: Markers;
  decimal: DecimalMark;
  scale?: [number, number];
  /** Means are put from `scale` onto this scale by their share of it (manifest rescale_to). */
  rescaleTo?: [number, number];
  /** The file has control characters somewhere (text fields are then checked for them). */
  controlChars?: boolean;
  /** Years later than this are errors (results, indicators, partnership starts, non-target targets). */
  currentYear?: number;
  /** The manifest's `vocabulary`: more subjects, another list of settlement types. */
  vocabulary?: Vocabulary;
  add(p: Problem): void;
  drop(reason: string): void;
}

export interface Vocabulary {
  subjects?: string[];
  settlement?: string[];
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

const NUMBER_HINT = 'число пишется цифрами: 67,5 или 67.5; пропуск — пустая ячейка или «-», скрытое значение — «*»';

function trimmed(s: string): string {
  const n = s.length;
  if (n === 0) return s;
  return isTrimSpace(s.charCodeAt(0)) || isTrimSpace(s.charCodeAt(n - 1)) ? s.trim() : s;
}

/**
 * A typer for one file: parses each mapped row's canonical fields by declared type (id/text,
 * number with a state, year), checks ranges, and appends the row to the kind's store unless
 * a required field is missing. Errors keep file, line, column and value. Returns a function
 * per row and the count of rows kept.
 */
export function makeTyper(kind: FileKind, store: KindStore, strings: Interner, ctx: TypeContext): { row: (r: RowView, line: number) => void; kept: () => number } {
  const spec = KIND_SPECS[kind];
  const fields = store.fields;
  const types = store.types;
  const F = fields.length;
  const required = fields.map((f) => spec.required.includes(f));
  const isCount = fields.map((f) => COUNTS.has(f));
  const isShare = fields.map((f) => SHARES.has(f));
  const idx = (f: string) => fields.indexOf(f);
  const kExam = idx('exam');
  const kMean = idx('mean');
  const kN = idx('n');
  const kG = ['g2', 'g3', 'g4', 'g5'].map(idx);
  const kG5 = idx('g5');
  const kSubject = idx('subject');
  const kIndicator = idx('indicator');
  const kValue = idx('value');
  const kStart = idx('start_year');
  const kTargetKind = kind === 'targets' ? idx('kind') : -1;
  // A planned end of a partnership may lie in the future; any other year may not.
  const futureChecked = spec.years.filter((f) => f !== 'end_year').map((f) => [idx(f), f] as const).filter(([k]) => k >= 0);
  const kWithN = ['mean', 'share_below', 'share_good', 'share_high'].map(idx).filter((k) => k >= 0);
  const kEnd = idx('end_year');
  const allowedValues: Record<string, readonly string[]> = { ...(ENUMS[kind] ?? {}), ...(kind === 'schools' && ctx.vocabulary?.settlement ? { settlement: ctx.vocabulary.settlement } : {}) };
  const enums = Object.entries(allowedValues).map(([f, allowed]) => [idx(f), f, allowed] as const);
  const yearFields = spec.years.map((f) => [idx(f), f] as const).filter(([k, f]) => spec.required.includes(f) && k >= 0);
  const warnedSubjects = new Set<string>();
  // Subjects already known or warned about: one Set lookup per row instead of `in` + Set.
  const checkedSubjects = new Set<string>([...Object.keys(SUBJECTS), ...(ctx.vocabulary?.subjects ?? [])]);
  const percentCache = new Map<string | null, boolean>();
  const isPercent = (s: string | null) => {
    let v = percentCache.get(s);
    if (v === undefined) percentCache.set(s, (v = PERCENT_INDICATORS.has(String(s))));
    return v;
  };
  const warnedIndicators = new Set<string>();
  const fast = fastPathSafe(ctx.markers);
  const decimal = ctx.decimal;
  // Scratch for one row.
  const num = new Float64Array(F);
  const st = new Uint8Array(F);
  const txt: Array<string | null> = Array.from({ length: F }, () => null);
  let kept = 0;
  let view: RowView;
  let rowLine = 0;

  const err = (k: number, code: string, message: string, hint: string, value?: string) => {
    const has = k >= 0 && view.has[k];
    ctx.add({
      severity: 'error', code, file: ctx.file,
      line: has ? view.line[k] : rowLine,
      column: has && view.col[k] ? view.col[k] : undefined,
      value: value ?? (has ? view.raw[k] : undefined),
      message, hint,
    });
  };
  const show = (x: number) => String(Math.round(x * 1000) / 1000).replace('.', ',');
  const numOf = (k: number): number | null => (k < 0 || types[k] === 'text' ? null : num[k] !== num[k] ? null : num[k]);

  const row = (r: RowView, line: number) => {
    view = r;
    rowLine = line;
    let keep = true;
    for (let k = 0; k < F; k++) {
      const has = r.has[k];
      const t = types[k];
      if (t === 'num') {
        let state = STATE_CODE.missing;
        let value = NaN;
        if (has) {
          const v = r.val[k];
          if (v !== undefined && v.t === 'num') {
            state = STATE_CODE[v.state];
            value = v.value === null ? NaN : v.value;
          } else {
            const raw = v !== undefined ? toText(v) : (r.raw[k] ?? '');
            const x = fast ? fastNumber(raw, decimal) : NaN;
            if (raw === '') state = STATE_CODE.missing; // markerState: blank is always missing
            else if (x === x) {
              state = STATE_CODE.value;
              value = x;
            } else {
              const p = parseNumber(raw, ctx.markers, decimal);
              if (p.ok) {
                state = STATE_CODE[p.state];
                value = p.value === null ? NaN : p.value;
              } else err(k, 'bad-number', `Поле ${fields[k]}: ${p.reason}`, decimalHint(p.reason) ?? NUMBER_HINT, raw);
            }
          }
        }
        if (value === value && !Number.isFinite(value)) {
          state = STATE_CODE.missing;
          value = NaN;
        }
        num[k] = value;
        st[k] = state;
      } else if (t === 'year') {
        let value = NaN;
        if (has) {
          const v = r.val[k];
          if (v !== undefined && v.t === 'num') value = v.value !== null && Number.isInteger(v.value) ? v.value : NaN;
          else {
            const raw = v !== undefined ? toText(v) : (r.raw[k] ?? '');
            const y = fast ? fastYear(raw) : NaN;
            if (y === y) value = y;
            else {
              const p = parseYear(raw, ctx.markers);
              if (p.ok) value = p.value === null ? NaN : p.value;
              else err(k, 'bad-year', `Поле ${fields[k]}: ${p.reason}`, 'пишите год четырьмя цифрами (2016) или учебный год (2015-2016)', raw);
            }
          }
        }
        num[k] = value;
        if (value !== value && required[k]) keep = false;
      } else {
        let text = '';
        if (has) {
          const v = r.val[k];
          text = trimmed(v !== undefined ? (v.t === 'num' && v.state !== 'value' ? '' : toText(v)) : (r.raw[k] ?? ''));
        }
        txt[k] = text === '' ? null : text;
        const cc = ctx.controlChars ? CONTROL.exec(text) : null;
        if (cc) err(k, 'control-char', `Поле ${fields[k]}: в ячейке управляющий символ ${controlName(cc[0].charCodeAt(0))}`, CONTROL_HINT);
        if (text === '' && required[k]) {
          keep = false;
          err(k, 'required-empty', `Пустое обязательное поле ${fields[k]}`, 'заполните ячейку; строка пропущена', '');
        }
      }
    }
    // Required years that failed to parse were reported above; a blank one is reported here.
    for (const [k, f] of yearFields) {
      if (num[k] !== num[k] && !(r.has[k] ? (r.raw[k] ?? '') : '').trim()) {
        err(k, 'required-empty', `Пустое обязательное поле ${f}`, 'укажите год; строка пропущена', '');
      }
    }
    if (!keep) {
      ctx.drop('invalid');
      return;
    }
    // Range checks, in field order.
    for (let k = 0; k < F; k++) {
      if (types[k] === 'text') continue;
      const x = num[k];
      if (x !== x) continue;
      if (isCount[k]) {
        if (x < 0) err(k, 'out-of-range', `Поле ${fields[k]}: отрицательное число участников`, 'число человек не может быть меньше нуля', show(x));
        else if (!Number.isInteger(x)) err(k, 'out-of-range', `Поле ${fields[k]}: дробное число человек`, 'проверьте колонку: здесь ожидается целое число', show(x));
      }
      if (isShare[k] && (x < 0 || x > 100 + 1e-9)) {
        err(k, 'out-of-range', `Поле ${fields[k]}: доля вне диапазона 0–100 %`, 'доли пишутся в процентах (67,5), а не в долях единицы; проверьте формулу derive', show(x));
      }
    }
    if (ctx.currentYear !== undefined) {
      for (const [k, f] of futureChecked) {
        const y = num[k];
        if (y === y && y > ctx.currentYear && !(kind === 'targets' && txt[kTargetKind] === 'target')) {
          err(k, 'future-year', `Поле ${f}: год ${y} позже текущего (${ctx.currentYear})`, 'проверьте год; если набор собран позже, укажите в dataset.yml current_year: год', undefined);
        }
      }
    }
    if (kind === 'results') {
      const nz = numOf(kN);
      if (nz === 0) {
        for (const k of kWithN) {
          if (numOf(k) !== null) err(k, 'zero-n', `Число участников n = 0, но поле ${fields[k]} заполнено`, 'при нуле участников средний балл и доли не бывают; оставьте ячейку пустой или проверьте n');
        }
      }
      const exam = String(txt[kExam]);
      const mean = numOf(kMean);
      const scale = ctx.scale ?? DEFAULT_SCALES[exam];
      if (mean !== null && scale && (mean < scale[0] || mean > scale[1])) {
        err(kMean, 'out-of-range', `Средний балл вне шкалы ${scale[0]}–${scale[1]} для экзамена ${exam}`, 'проверьте колонку среднего балла или укажите scale: [мин, макс] для файла', show(mean));
      } else if (mean !== null && ctx.rescaleTo && ctx.scale) {
        // Same share of the scale on the target scale, to a thousandth (no float noise in the downloads).
        const [a, b] = ctx.scale;
        const [c, d] = ctx.rescaleTo;
        num[kMean] = Math.round((c + ((mean - a) / (b - a)) * (d - c)) * 1000) / 1000;
      }
      const n = numOf(kN);
      let sum = 0;
      let any = false;
      for (const kg of kG) {
        const g = numOf(kg);
        if (g !== null) {
          sum += g;
          any = true;
        }
      }
      if (n !== null && any && sum > n) {
        err(r.has[kG5] ? kG5 : kN, 'out-of-range', `Сумма оценок «2»–«5» (${sum}) больше числа участников n (${n})`, 'проверьте колонки с числом оценок и участников', String(sum));
      }
    }
    if (kind === 'indicators' && isPercent(txt[kIndicator])) {
      const x = numOf(kValue);
      if (x !== null && (x < 0 || x > 100 + 1e-9)) {
        err(kValue, 'out-of-range', `Показатель ${String(txt[kIndicator])} (в процентах) вне диапазона 0–100`, 'проверьте единицы: проценты, а не доли единицы', show(x));
      }
    }
    if (kind === 'partnerships') {
      const a = numOf(kStart);
      const b = numOf(kEnd);
      if (a !== null && b !== null && b < a) err(kEnd, 'out-of-range', 'Год окончания раньше года начала', 'проверьте годы партнёрства', String(b));
    }
    for (const [k, f, allowed] of enums) {
      const v = txt[k];
      if (v !== null && !allowed.includes(v)) {
        err(k, 'bad-value', `Поле ${f}: недопустимое значение`, `допустимо: ${allowed.join(', ')}; перекодируйте через recode`);
      }
    }
    if (kind === 'results') {
      const s = String(txt[kSubject]);
      if (!checkedSubjects.has(s) && !warnedSubjects.has(s)) {
        warnedSubjects.add(s);
        checkedSubjects.add(s);
        ctx.add({ severity: 'warning', code: 'unknown-subject', file: ctx.file, line, value: s, message: 'Предмет не входит в канонический список SUBJECTS', hint: 'приведите название к списку через recode: { subject: { «как в файле»: «каноническое» } }, если это тот же предмет, или объявите его в vocabulary: { subjects: [...] }' });
      }
    }
    if (kind === 'indicators') {
      const s = String(txt[kIndicator]);
      if (!KNOWN_INDICATORS.has(s) && !warnedIndicators.has(s)) {
        warnedIndicators.add(s);
        ctx.add({ severity: 'warning', code: 'unknown-indicator', file: ctx.file, line, value: s, message: 'Показатель не входит в список SCHOOL_INDICATORS', hint: 'используйте идентификатор из списка (например low_ses_share) или recode' });
      }
    }
    // Append.
    const i = store.next();
    for (let k = 0; k < F; k++) {
      const t = types[k];
      if (t === 'text') {
        const v = txt[k];
        store.data[k].set(i, v === null ? -1 : strings.code(v));
      } else {
        store.data[k].set(i, num[k]);
        if (t === 'num') store.state[k]!.set(i, st[k]);
      }
    }
    store.source.set(i, ctx.source);
    store.line.set(i, line);
    store.colsId.set(i, r.colsId);
    store.n = i + 1;
    kept++;
  };
  return { row, kept: () => kept };
}

