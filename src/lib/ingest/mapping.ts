/**
 * Parsed table + file spec → mapped rows (field → cell), still untyped. Applies, in order:
 * subtotal-row skipping, `columns`, `constants`, `melt` (wide → long), `normalize`, `recode`, `derive`.
 */
import { KIND_SPECS, type Problem } from '../model/types.ts';
import type { FileSpec } from './manifest.ts';
import type { ParsedTable } from './parse.ts';
import { eachRow, normalizeName } from './parse.ts';
import { evaluate, ExpressionError, parseExpression, references, type Env, type Node, type Val } from './expression.ts';
import { decimalHint, fastNumber, fastPathSafe, parseNumber, type DecimalMark, type Markers } from './numbers.ts';
import { clip } from './text.ts';
import { makeNormalizer, type IdRule } from './ids.ts';
import { isTrimSpace } from './text.ts';

/** A field of a mapped row: raw text from a cell or a constant, or a computed value. */
export interface FieldCell {
  raw?: string;
  val?: Val;
  /** 1-based column in the file (absent for constants and melt labels). */
  col?: number;
  line: number;
}

/**
 * One mapped row, reused from row to row: slot k < fields.length is the k-th canonical field
 * of the kind (KIND_SPECS order); later slots are other names (derive helpers, melt labels).
 */
export interface RowView {
  has: boolean[];
  raw: Array<string | undefined>;
  val: Array<Val | undefined>;
  /** 1-based column, 0 when the field does not come from a cell. */
  col: number[];
  line: number[];
  /** Id of the field → column record of this row (see MapContext.colsId). */
  colsId: number;
}

export interface MapContext {
  file: string;
  markers: Markers;
  decimal: DecimalMark;
  subtotal: false | string[];
  add(p: Problem): void;
  drop(reason: string): void;
  /** Dataset-wide identifier rules (manifest `normalize`); a file's own rules win per field. */
  normalize?: Record<string, IdRule>;
  /** Register a field → 1-based column record; returns its id. */
  colsId(cols: Record<string, number | undefined>): number;
}

export const DEFAULT_SUBTOTALS = ['итого', 'всего'];

/**
 * Map every data row of the table and hand each mapped row (one per melt group) to `emit`.
 * Returns the number of rows emitted, or -1 when the mapping itself is invalid.
 */
export function mapRows(table: ParsedTable, spec: FileSpec, kind: keyof typeof KIND_SPECS, ctx: MapContext, emit: (row: RowView, line: number) => void): number {
  const { file } = ctx;
  const byName = new Map<string, number[]>();
  table.header.forEach((h, j) => {
    if (h === '') return;
    const list = byName.get(h) ?? [];
    list.push(j);
    byName.set(h, list);
  });
  let fatal = false;
  const column = (name: string, why: string): number | undefined => {
    const idx = byName.get(normalizeName(name));
    if (!idx) {
      fatal = true;
      ctx.add({
        severity: 'error',
        code: 'unknown-column',
        file,
        line: table.headerLine,
        value: name,
        message: `Колонка не найдена в шапке файла (${why})`,
        hint: table.header.length <= 2
          ? `в шапке всего ${table.header.length} кол. (${suggest(name, table.header)}) — вероятно, неверный разделитель; проверьте read.delimiter`
          : `есть колонки: ${suggest(name, table.header)}`,
      });
      return undefined;
    }
    if (idx.length > 1) {
      fatal = true;
      ctx.add({
        severity: 'error',
        code: 'duplicate-column',
        file,
        line: table.headerLine,
        column: idx[1] + 1,
        value: name,
        message: `В шапке ${idx.length} колонки с одинаковым именем (колонки ${idx.map((j) => j + 1).join(', ')}), неясно, какую брать (${why})`,
        hint: 'переименуйте колонки в файле или укажите header_rows, если шапка занимает несколько строк',
      });
      return undefined;
    }
    return idx[0];
  };

  const colFields: Array<[string, number]> = [];
  for (const [field, name] of Object.entries(spec.columns)) {
    const j = column(name, `поле ${field}`);
    if (j !== undefined) colFields.push([field, j]);
  }
  const used = new Set(colFields.map(([, j]) => j));

  // Melt: group the matching columns by the non-measure named groups.
  interface Group { labels: Record<string, string>; measures: Array<[string, number]> }
  const groups: Group[] = [];
  const meltFields = new Set<string>();
  if (spec.melt) {
    let re: RegExp;
    try {
      re = new RegExp(spec.melt.pattern, 'u');
    } catch {
      return -1; // reported by the manifest check
    }
    const measureMap = new Map(Object.entries(spec.melt.measures ?? {}).map(([k, v]) => [normalizeName(k), v]));
    const index = new Map<string, Group>();
    const seen = new Map<string, number>();
    table.header.forEach((h, j) => {
      if (used.has(j) || h === '') return;
      const m = re.exec(h);
      if (!m) return;
      const g = { ...(m.groups ?? {}) };
      let field: string | undefined;
      if ('measure' in g) {
        field = measureMap.get(normalizeName(g.measure ?? ''));
        delete g.measure;
        if (!field) return;
      } else field = spec.melt!.value;
      if (!field) return;
      const k = JSON.stringify(g);
      let grp = index.get(k);
      if (!grp) {
        grp = { labels: g as Record<string, string>, measures: [] };
        index.set(k, grp);
        groups.push(grp);
      }
      const dupKey = `${k}\u0000${field}`;
      if (seen.has(dupKey)) {
        fatal = true;
        ctx.add({
          severity: 'error', code: 'duplicate-column', file, line: table.headerLine, column: j + 1, value: h,
          message: `Колонки ${seen.get(dupKey)! + 1} и ${j + 1} дают одно и то же поле ${field} для одной группы`,
          hint: 'уточните melt.pattern или melt.measures',
        });
      }
      seen.set(dupKey, j);
      grp.measures.push([field, j]);
      for (const l of Object.keys(g)) meltFields.add(l);
      meltFields.add(field);
    });
    if (groups.length === 0) {
      fatal = true;
      ctx.add({
        severity: 'error', code: 'melt-no-match', file, line: table.headerLine, value: spec.melt.pattern,
        message: 'Ни одна колонка не подходит под melt.pattern',
        hint: `проверьте шаблон и подписи measures; колонки файла: ${table.header.slice(0, 12).map((h) => clip(h, 60)).join(' | ')}`,
      });
    }
  }

  // Derive: parse and check names before reading any row.
  const known = new Set([...colFields.map(([f]) => f), ...Object.keys(spec.constants), ...meltFields]);
  const derives: Array<[string, Node]> = [];
  const rawRefs = new Map<string, number>();
  for (const [field, src] of Object.entries(spec.derive)) {
    let node: Node;
    try {
      node = parseExpression(String(src));
    } catch (e) {
      fatal = true;
      ctx.add({ severity: 'error', code: 'derive-syntax', file, value: String(src), message: `Ошибка в выражении derive.${field}: ${(e as Error).message}`, hint: 'допустимы + - * / ( ), числа, имена полей и колонок, \'текст\', left(x, n), concat(a, b)' });
      continue;
    }
    for (const name of references(node)) {
      if (known.has(name) || rawRefs.has(name)) continue;
      const j = column(name, `выражение derive.${field}`);
      if (j !== undefined) rawRefs.set(name, j);
    }
    derives.push([field, node]);
    known.add(field);
  }
  if (fatal) return -1;

  // Slots: canonical fields first, then every other name a row can carry.
  const canon = [...KIND_SPECS[kind].required, ...KIND_SPECS[kind].optional];
  const slotOf = new Map<string, number>(canon.map((f, k) => [f, k]));
  const slot = (name: string): number => {
    let k = slotOf.get(name);
    if (k === undefined) {
      k = slotOf.size;
      slotOf.set(name, k);
    }
    return k;
  };
  const colSlots = colFields.map(([f, j]) => [slot(f), j] as const);
  const constSlots = Object.entries(spec.constants).map(([f, v]) => [slot(f), String(v)] as const);
  const groupSlots = groups.map((g) => ({
    labels: Object.entries(g.labels).map(([f, label]) => [slot(f), label] as const),
    measures: g.measures.map(([f, j]) => [slot(f), j] as const),
  }));
  const meltSlots = [...new Set(groupSlots.flatMap((g) => [...g.labels.map(([k]) => k), ...g.measures.map(([k]) => k)]))];
  const deriveSlots = derives.map(([f, node]) => [f, slot(f), node] as const);
  // normalize: the file's rules, else the manifest's (given to mapRows through ctx).
  const normRules = { ...(ctx.normalize ?? {}), ...(spec.normalize ?? {}) };
  const normalize = Object.entries(normRules).map(([f, rule]) => [slot(f), makeNormalizer(rule)] as const);
  const recode = Object.entries(spec.recode).map(([f, m]) => [slot(f), new Map(Object.entries(m).map(([a, b]) => [normalizeName(a), String(b)]))] as const);
  const rawRefSlots = new Map([...rawRefs].map(([name, j]) => [name, j]));
  const S = slotOf.size;
  const mk = <T,>(v: T) => Array.from({ length: S }, () => v);
  const base: RowView = { has: mk(false), raw: mk<string | undefined>(undefined), val: mk<Val | undefined>(undefined), col: mk(0), line: mk(0), colsId: 0 };
  const row: RowView = { has: mk(false), raw: mk<string | undefined>(undefined), val: mk<Val | undefined>(undefined), col: mk(0), line: mk(0), colsId: 0 };

  // Field → column records, one per melt group (or one for the file).
  const colsRecord = (g?: (typeof groupSlots)[number]): number => {
    const has = mk(false);
    const col = mk(0);
    for (const [k, j] of colSlots) { has[k] = true; col[k] = j + 1; }
    for (const [k] of constSlots) { has[k] = true; col[k] = 0; }
    if (g) {
      for (const [k] of g.labels) { has[k] = true; col[k] = 0; }
      for (const [k, j] of g.measures) { has[k] = true; col[k] = j + 1; }
    }
    for (const [, k] of deriveSlots) { has[k] = true; col[k] = 0; }
    const rec: Record<string, number | undefined> = {};
    canon.forEach((f, k) => { rec[f] = has[k] && col[k] ? col[k] : undefined; });
    return ctx.colsId(rec);
  };
  const baseColsId = groups.length ? 0 : colsRecord();
  const groupColsId = groupSlots.map((g) => colsRecord(g));

  const subtotal = ctx.subtotal ? new RegExp(`^(${ctx.subtotal.map(escapeRe).join('|')})(?![а-яёa-z])`, 'iu') : undefined;
  // Cells whose first character cannot start a subtotal word skip the regex.
  let subtotalStarts: Set<number> | undefined;
  if (ctx.subtotal && ctx.subtotal.every((w) => w.length > 0 && /^\p{L}/u.test(w))) {
    subtotalStarts = new Set<number>();
    for (const w of ctx.subtotal) {
      // Every BMP character the 'iu' regex treats as the word's first letter (case folding).
      const first = new RegExp(`^${escapeRe(String.fromCodePoint(w.codePointAt(0)!))}$`, 'iu');
      for (let c = 0; c < 0xd800; c++) if (first.test(String.fromCharCode(c))) subtotalStarts.add(c);
      for (let c = 0xe000; c <= 0xffff; c++) if (first.test(String.fromCharCode(c))) subtotalStarts.add(c);
    }
    for (let c = 0xd800; c <= 0xdfff; c += 1) subtotalStarts.add(c); // astral letters: always test
  }
  const isSubtotal = (cells: string[]): boolean => {
    for (let j = 0; j < cells.length; j++) {
      const c = cells[j];
      if (subtotalStarts) {
        const ch = c.charCodeAt(0);
        if (ch !== ch || (!subtotalStarts.has(ch) && !isTrimSpace(ch))) continue;
      }
      if (subtotal!.test(c.trim())) return true;
    }
    return false;
  };

  // Current row, read by the derive environment.
  let cells: string[] = [];
  let lines: number[] = [];
  let rowLine = 0;
  const cellOf = (name: string): FieldCell | undefined => {
    const k = slotOf.get(name);
    if (k !== undefined && row.has[k]) {
      const c: FieldCell = { line: row.line[k] };
      if (row.raw[k] !== undefined) c.raw = row.raw[k];
      if (row.val[k] !== undefined) c.val = row.val[k];
      if (row.col[k]) c.col = row.col[k];
      return c;
    }
    const j = rawRefSlots.get(name);
    return j === undefined ? undefined : { raw: cells[j], col: j + 1, line: lines[j] ?? rowLine };
  };
  const MISSING: Extract<Val, { t: 'num' }> = { t: 'num', state: 'missing', value: null };
  const fast = fastPathSafe(ctx.markers);
  const env: Env = {
    get(name) {
      const k = slotOf.get(name);
      if (k !== undefined && row.has[k]) return row.val[k] ?? { t: 'str', s: row.raw[k] ?? '' };
      const j = rawRefSlots.get(name);
      if (j === undefined) return MISSING;
      return { t: 'str', s: cells[j] };
    },
    toNum(v, name) {
      if (v.t === 'num') return v;
      if (fast) {
        const x = fastNumber(v.s, ctx.decimal);
        if (x === x) return { t: 'num', state: 'value', value: x };
        if (v.s === '') return MISSING;
      }
      const r = parseNumber(v.s, ctx.markers, ctx.decimal);
      if (r.ok) return { t: 'num', state: r.state, value: r.value };
      const cell = name ? cellOf(name) : { raw: v.s, line: rowLine };
      const where = cell?.col ? ` (колонка ${cell.col}, «${clip(v.s)}»)` : ` («${clip(v.s)}»)`;
      const err = new ExpressionError(`${name ? `значение ${name}${where} — ` : ''}${r.reason}`) as ExpressionError & { cell?: FieldCell; hint?: string };
      err.cell = cell;
      err.hint = decimalHint(r.reason);
      throw err;
    },
  };

  const copyBase = () => {
    for (let k = 0; k < S; k++) {
      row.has[k] = base.has[k];
      row.raw[k] = base.raw[k];
      row.val[k] = undefined;
      row.col[k] = base.col[k];
      row.line[k] = base.line[k];
    }
  };
  let emitted = 0;
  const finish = (colsId: number) => {
    row.colsId = colsId;
    for (const [k, norm] of normalize) {
      const raw = row.raw[k];
      if (row.has[k] && raw !== undefined) row.raw[k] = norm(raw);
    }
    for (const [k, map] of recode) {
      const raw = row.raw[k];
      if (row.has[k] && raw !== undefined) {
        const to = map.get(normalizeName(raw));
        if (to !== undefined) row.raw[k] = to;
      }
    }
    let ok = true;
    for (const [field, k, node] of deriveSlots) {
      try {
        const v = evaluate(node, env);
        row.has[k] = true;
        row.val[k] = v;
        row.raw[k] = undefined;
        row.col[k] = 0;
        row.line[k] = rowLine;
      } catch (e) {
        if (!(e instanceof ExpressionError)) throw e;
        const cell = (e as ExpressionError & { cell?: FieldCell }).cell;
        const dh = (e as ExpressionError & { hint?: string }).hint;
        ctx.add({
          severity: 'error', code: 'derive-value', file, line: cell?.line ?? rowLine, column: cell?.col, value: cell?.raw,
          message: `Не удалось вычислить derive.${field}: ${e.message}`,
          hint: dh ?? 'исправьте значение в файле или отметьте его как пропуск/скрытое',
        });
        ok = false;
      }
    }
    if (ok) {
      emitted++;
      emit(row, rowLine);
    }
  };

  eachRow(table, (rc, line, ls) => {
    if (subtotal && isSubtotal(rc)) {
      ctx.drop('subtotal');
      return;
    }
    cells = rc;
    lines = ls;
    rowLine = line;
    for (const [k, j] of colSlots) {
      base.has[k] = true;
      base.raw[k] = rc[j];
      base.col[k] = j + 1;
      base.line[k] = ls[j] ?? line;
    }
    for (const [k, v] of constSlots) {
      base.has[k] = true;
      base.raw[k] = v;
      base.col[k] = 0;
      base.line[k] = line;
    }
    if (groupSlots.length === 0) {
      copyBase();
      finish(baseColsId);
      return;
    }
    for (let gi = 0; gi < groupSlots.length; gi++) {
      const g = groupSlots[gi];
      // A subject the school did not sit: every cell of its group blank.
      let blank = true;
      for (const [, j] of g.measures) {
        if (rc[j].trim() !== '') {
          blank = false;
          break;
        }
      }
      if (blank) continue;
      copyBase();
      for (const k of meltSlots) if (!base.has[k]) row.has[k] = false;
      for (const [k, label] of g.labels) {
        row.has[k] = true;
        row.raw[k] = label;
        row.col[k] = 0;
        row.line[k] = line;
      }
      for (const [k, j] of g.measures) {
        row.has[k] = true;
        row.raw[k] = rc[j];
        row.col[k] = j + 1;
        row.line[k] = ls[j] ?? line;
      }
      finish(groupColsId[gi]);
    }
  });
  return emitted;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The header names closest to a misspelt one first, then the rest (shortened). */
function suggest(name: string, header: string[]): string {
  const n = normalizeName(name).toLowerCase();
  const scored = header
    .filter((h) => h !== '')
    .map((h) => ({ h, d: distance(n, h.toLowerCase()) }))
    .sort((a, b) => a.d - b.d);
  return scored.slice(0, 8).map((s) => `«${clip(s.h, 60)}»`).join(', ') + (scored.length > 8 ? ', …' : '');
}

function distance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0];
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j];
      dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length];
}
