/**
 * Parsed table + file spec → mapped rows (field → cell), still untyped. Applies, in order:
 * subtotal-row skipping, `columns`, `constants`, `melt` (wide → long), `recode`, `derive`.
 */
import type { Problem } from '../model/types.ts';
import type { FileSpec } from './manifest.ts';
import type { ParsedTable } from './parse.ts';
import { normalizeName } from './parse.ts';
import { evaluate, ExpressionError, parseExpression, references, type Env, type Node, type Val } from './expression.ts';
import { parseNumber, type DecimalMark, type Markers } from './numbers.ts';

/** A field of a mapped row: raw text from a cell or a constant, or a computed value. */
export interface FieldCell {
  raw?: string;
  val?: Val;
  /** 1-based column in the file (absent for constants and melt labels). */
  col?: number;
  line: number;
}

export interface MappedRow {
  line: number;
  fields: Record<string, FieldCell>;
}

export interface MapContext {
  file: string;
  markers: Markers;
  decimal: DecimalMark;
  subtotal: false | string[];
  add(p: Problem): void;
  drop(reason: string): void;
}

export const DEFAULT_SUBTOTALS = ['итого', 'всего'];

export function mapRows(table: ParsedTable, spec: FileSpec, ctx: MapContext): MappedRow[] {
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
    const re = new RegExp(spec.melt.pattern, 'u');
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
        hint: `проверьте шаблон и подписи measures; колонки файла: ${table.header.slice(0, 12).join(' | ')}`,
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
  if (fatal) return [];

  const subtotal = ctx.subtotal ? new RegExp(`^(${ctx.subtotal.map(escapeRe).join('|')})(?![а-яёa-z])`, 'iu') : undefined;
  const recode = Object.entries(spec.recode).map(([f, m]) => [f, new Map(Object.entries(m).map(([a, b]) => [normalizeName(a), String(b)]))] as const);
  const out: MappedRow[] = [];
  for (const r of table.rows) {
    if (subtotal && r.cells.some((c) => subtotal.test(c.trim()))) {
      ctx.drop('subtotal');
      continue;
    }
    const lineOf = (j: number) => r.cellLines?.[j] ?? r.line;
    const base: Record<string, FieldCell> = {};
    for (const [f, j] of colFields) base[f] = { raw: r.cells[j], col: j + 1, line: lineOf(j) };
    for (const [f, v] of Object.entries(spec.constants)) base[f] = { raw: String(v), line: r.line };
    const variants: Array<Record<string, FieldCell>> = [];
    if (groups.length === 0) variants.push(base);
    for (const g of groups) {
      // A subject the school did not sit: every cell of its group blank.
      if (g.measures.every(([, j]) => r.cells[j].trim() === '')) continue;
      const v: Record<string, FieldCell> = { ...base };
      for (const [f, label] of Object.entries(g.labels)) v[f] = { raw: label, line: r.line };
      for (const [f, j] of g.measures) v[f] = { raw: r.cells[j], col: j + 1, line: lineOf(j) };
      variants.push(v);
    }
    for (const fields of variants) {
      for (const [f, map] of recode) {
        const c = fields[f];
        if (c?.raw !== undefined) {
          const to = map.get(normalizeName(c.raw));
          if (to !== undefined) fields[f] = { ...c, raw: to };
        }
      }
      let ok = true;
      for (const [field, node] of derives) {
        const env = makeEnv(fields, r.cells, rawRefs, r.line, lineOf, ctx);
        try {
          fields[field] = { val: evaluate(node, env), line: r.line };
        } catch (e) {
          if (!(e instanceof ExpressionError)) throw e;
          const cell = (e as ExpressionError & { cell?: FieldCell }).cell;
          ctx.add({
            severity: 'error', code: 'derive-value', file, line: cell?.line ?? r.line, column: cell?.col, value: cell?.raw,
            message: `Не удалось вычислить derive.${field}: ${e.message}`,
            hint: 'исправьте значение в файле или отметьте его как пропуск/скрытое',
          });
          ok = false;
        }
      }
      if (ok) out.push({ line: r.line, fields });
    }
  }
  return out;
}

function makeEnv(fields: Record<string, FieldCell>, cells: string[], rawRefs: Map<string, number>, line: number, lineOf: (j: number) => number, ctx: MapContext): Env {
  const cellOf = (name: string): FieldCell | undefined => {
    if (fields[name]) return fields[name];
    const j = rawRefs.get(name);
    return j === undefined ? undefined : { raw: cells[j], col: j + 1, line: lineOf(j) };
  };
  return {
    get(name) {
      const c = cellOf(name);
      if (!c) return { t: 'num', state: 'missing', value: null };
      return c.val ?? { t: 'str', s: c.raw ?? '' };
    },
    toNum(v, name) {
      if (v.t === 'num') return v;
      const r = parseNumber(v.s, ctx.markers, ctx.decimal);
      if (r.ok) return { t: 'num', state: r.state, value: r.value };
      const err = new ExpressionError(`${name ? `значение ${name} — ` : ''}${r.reason}`) as ExpressionError & { cell?: FieldCell };
      err.cell = name ? cellOf(name) : { raw: v.s, line };
      throw err;
    },
  };
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
  return scored.slice(0, 8).map((s) => `«${s.h}»`).join(', ') + (scored.length > 8 ? ', …' : '');
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
