/**
 * Typed rows of all files → canonical column tables: concatenation per kind, duplicate
 * keys (exact copies dropped and counted, conflicting ones are errors), the municipalities
 * table derived from schools when no file gives it, and rows for unknown schools dropped.
 */
import { FILE_KINDS, KIND_SPECS, type CanonicalTables, type Columns, type FileKind, type Problem } from '../model/types.ts';
import type { TypedRow } from './validate.ts';

export interface SourceRef {
  path: string;
  kind: FileKind;
  dropped: Record<string, number>;
}

export function columnsOf(kind: FileKind): string[] {
  const spec = KIND_SPECS[kind];
  const out: string[] = [];
  for (const f of [...spec.required, ...spec.optional]) {
    out.push(f);
    if (spec.numeric.includes(f)) out.push(`${f}_state`);
  }
  return out;
}

export function toColumns(kind: FileKind, rows: Array<Record<string, string | number | null>>): Columns {
  const cols: Columns = {};
  for (const c of columnsOf(kind)) cols[c] = rows.map((r) => (r[c] === undefined ? (c.endsWith('_state') ? 'missing' : null) : r[c]));
  return cols;
}

export function assemble(byKind: Record<FileKind, TypedRow[]>, sources: SourceRef[], add: (p: Problem) => void): CanonicalTables {
  const drop = (s: number, reason: string) => {
    const d = sources[s].dropped;
    d[reason] = (d[reason] ?? 0) + 1;
  };
  const kept: Record<FileKind, TypedRow[]> = {} as Record<FileKind, TypedRow[]>;
  for (const kind of FILE_KINDS) kept[kind] = dedupe(kind, byKind[kind], sources, add, drop);

  const hasMunicipalities = sources.some((s) => s.kind === 'municipalities');
  if (!hasMunicipalities && kept.schools.length) {
    const seen = new Map<string, TypedRow>();
    for (const r of kept.schools) {
      const id = String(r.values.municipality_id);
      if (seen.has(id)) continue;
      seen.set(id, {
        values: { municipality_id: id, name: (r.values.municipality_name as string | null) ?? id, kind: null },
        source: r.source,
        line: r.line,
        cols: {},
      });
    }
    kept.municipalities = [...seen.values()];
  } else if (hasMunicipalities) {
    const known = new Set(kept.municipalities.map((r) => String(r.values.municipality_id)));
    unknownRefs(kept.schools, ['municipality_id'], known, sources, add, 'error', 'unknown-municipality',
      'Школы ссылаются на муниципалитеты, которых нет в файле municipalities; таких строк', 'добавьте муниципалитеты в файл municipalities или исправьте коды в файле школ');
  }
  if (sources.some((s) => s.kind === 'schools')) {
    const schools = new Set(kept.schools.map((r) => String(r.values.school_id)));
    for (const [kind, fields] of [['results', ['school_id']], ['indicators', ['school_id']], ['partnerships', ['strong_school_id', 'supported_school_id']]] as const) {
      kept[kind] = unknownRefs(kept[kind], fields, schools, sources, add, 'warning', 'unknown-school',
        'Пропущены строки о школах, которых нет в файле schools; таких строк', 'если это школы региона, добавьте их в файл schools', drop);
    }
  } else if (kept.results.length || kept.indicators.length) {
    add({ severity: 'error', code: 'no-schools', file: 'dataset.yml', message: 'В наборе нет файла вида schools', hint: 'объявите файл со списком школ (kind: schools) — он может быть тем же CSV, что и результаты' });
  }
  const tables = {} as CanonicalTables;
  for (const kind of FILE_KINDS) tables[kind] = toColumns(kind, kept[kind].map((r) => r.values));
  return tables;
}

function dedupe(kind: FileKind, rows: TypedRow[], sources: SourceRef[], add: (p: Problem) => void, drop: (s: number, r: string) => void): TypedRow[] {
  const key = KIND_SPECS[kind].key;
  const cols = columnsOf(kind);
  const first = new Map<string, TypedRow>();
  const out: TypedRow[] = [];
  const dupCount = new Map<number, { n: number; line: number }>();
  for (const r of rows) {
    const k = JSON.stringify(key.map((f) => r.values[f] ?? null));
    const prev = first.get(k);
    if (!prev) {
      first.set(k, r);
      out.push(r);
      continue;
    }
    const same = cols.every((c) => (prev.values[c] ?? null) === (r.values[c] ?? null));
    if (same) {
      drop(r.source, 'duplicate');
      const d = dupCount.get(r.source) ?? { n: 0, line: r.line };
      d.n++;
      dupCount.set(r.source, d);
      continue;
    }
    const diff = cols.filter((c) => !c.endsWith('_state') && (prev.values[c] ?? null) !== (r.values[c] ?? null));
    const f = diff[0] ?? cols[0];
    add({
      severity: 'error',
      code: 'duplicate-key',
      file: sources[r.source].path,
      line: r.line,
      column: r.cols[f],
      value: key.map((kf) => r.values[kf] ?? '').join(' / '),
      message: `Повтор ключа (${key.join(', ')}) с другими значениями (${diff.map((c) => `${c}: «${show(prev.values[c])}» и «${show(r.values[c])}»`).join('; ')}); первая запись — ${sources[prev.source].path}:${prev.line}`,
      hint: 'оставьте одну из строк или разведите их по полю ключа (например, год или предмет)',
    });
  }
  for (const [s, d] of dupCount) {
    add({
      severity: 'warning',
      code: 'duplicate-row',
      file: sources[s].path,
      line: d.line,
      message: `Пропущены полные повторы уже прочитанных строк: ${d.n}`,
      hint: 'удалите повторы из файла, если они не нужны',
    });
  }
  return out;
}

function unknownRefs(rows: TypedRow[], fields: readonly string[], known: Set<string>, sources: SourceRef[], add: (p: Problem) => void,
  severity: 'error' | 'warning', code: string, what: string, hint: string, drop?: (s: number, r: string) => void): TypedRow[] {
  const per = new Map<number, { n: number; line: number; examples: Set<string> }>();
  const out: TypedRow[] = [];
  for (const r of rows) {
    const bad = fields.map((f) => r.values[f]).find((v) => v !== null && !known.has(String(v)));
    if (bad === undefined) {
      out.push(r);
      continue;
    }
    const p = per.get(r.source) ?? { n: 0, line: r.line, examples: new Set<string>() };
    p.n++;
    if (p.examples.size < 5) p.examples.add(String(bad));
    per.set(r.source, p);
    if (drop) drop(r.source, code);
    else out.push(r);
  }
  for (const [s, p] of per) {
    add({ severity, code, file: sources[s].path, line: p.line, value: [...p.examples].join(', '), message: `${what}: ${p.n}`, hint });
  }
  return out;
}

function show(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}

export function rowsWord(n: number): string {
  const m10 = n % 10;
  const m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return 'строка';
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return 'строки';
  return 'строк';
}
