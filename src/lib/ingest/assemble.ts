/**
 * Typed rows of all files → canonical column tables: concatenation per kind, duplicate
 * keys (exact copies dropped and counted, conflicting ones are errors), the municipalities
 * table derived from schools when no file gives it, and rows for unknown schools dropped.
 */
import { FILE_KINDS, KIND_SPECS, STATE_CODE, VALUE_STATES, type CanonicalTables, type Columns, type FileKind, type LongColumns, type Problem } from '../model/types.ts';
import { cellOf, type Chunked, type Interner, type KindStore } from './store.ts';
import { clip } from './text.ts';

export interface SourceRef {
  path: string;
  kind: FileKind;
  dropped: Record<string, number>;
  /** Data rows in the file (after its header), for «most rows dropped». */
  total?: number;
  /** Rows about schools not in the list are expected (manifest `other_schools: skip`). */
  otherSchools?: 'warn' | 'skip';
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

/** Everything assemble needs: the typed rows per kind, the string table, and field → column records. */
export interface Stores {
  byKind: Record<FileKind, KindStore>;
  strings: Interner;
  colsTable: Array<Record<string, number | undefined>>;
}

/** Row indices of a store that survive (kept in file order). */
type Kept = Int32Array;

export function assemble(stores: Stores, sources: SourceRef[], add: (p: Problem) => void): CanonicalTables {
  const { byKind } = stores;
  const strings = stores.strings.list;
  const drop = (s: number, reason: string) => {
    const d = sources[s].dropped;
    d[reason] = (d[reason] ?? 0) + 1;
  };
  const kept = {} as Record<FileKind, Kept>;
  const former: FormerNames = new Map();
  for (const kind of FILE_KINDS) kept[kind] = dedupe(byKind[kind], stores, sources, add, drop, kind === 'schools' ? former : undefined);

  const tables = {} as CanonicalTables;
  const hasMunicipalities = sources.some((s) => s.kind === 'municipalities');
  const schools = byKind.schools;
  const kSchoolMun = schools.fields.indexOf('municipality_id');
  if (!hasMunicipalities && kept.schools.length) {
    const kName = schools.fields.indexOf('municipality_name');
    const seen = new Set<string>();
    const ids: string[] = [];
    const names: string[] = [];
    for (const i of kept.schools) {
      const id = String(cellOf(schools, strings, kSchoolMun, i));
      if (seen.has(id)) continue;
      seen.add(id);
      ids.push(id);
      names.push((cellOf(schools, strings, kName, i) as string | null) ?? id);
    }
    tables.municipalities = { municipality_id: ids, name: names, kind: ids.map(() => null) };
  } else if (hasMunicipalities) {
    const mun = byKind.municipalities;
    const known = codeSet(stores, mun, 'municipality_id', kept.municipalities);
    unknownRefs(schools, kept.schools, ['municipality_id'], known, stores, sources, add, 'error', 'unknown-municipality',
      'Школы ссылаются на муниципалитеты, которых нет в файле municipalities; таких строк', 'добавьте муниципалитеты в файл municipalities или исправьте коды в файле школ');
  }
  if (sources.some((s) => s.kind === 'schools')) {
    const known = codeSet(stores, schools, 'school_id', kept.schools);
    for (const [kind, fields] of [['results', ['school_id']], ['indicators', ['school_id']], ['partnerships', ['strong_school_id', 'supported_school_id']]] as const) {
      kept[kind] = unknownRefs(byKind[kind], kept[kind], fields, known, stores, sources, add, 'warning', 'unknown-school',
        'Пропущены строки о школах, которых нет в файле schools; таких строк', 'если это школы региона, добавьте их в файл schools', drop);
    }
  } else if (kept.results.length || kept.indicators.length) {
    add({ severity: 'error', code: 'no-schools', file: 'dataset.yml', message: 'В наборе нет файла вида schools', hint: 'объявите файл со списком школ (kind: schools) — он может быть тем же CSV, что и результаты' });
  }
  for (const kind of FILE_KINDS) {
    if (kind === 'municipalities' && tables.municipalities) {
      byKind[kind].n = 0;
      continue;
    }
    (tables as Record<FileKind, Columns | LongColumns>)[kind] = toCanonical(byKind[kind], kept[kind], strings);
  }
  tables.schools.former_names = formerNamesColumn(tables.schools, former, strings);
  return tables;
}

/** The long tables, whose measures stay typed (model/types.ts LongColumns). */
const TYPED_KINDS: ReadonlySet<FileKind> = new Set(['results', 'indicators']);

/**
 * Typed store → the canonical columns, one column at a time, freeing as it goes. Text and
 * years become plain arrays; a long table's measures stay typed (a Float64Array, NaN where
 * the state is not 'value', and a Uint8Array of state codes), the others' become numbers
 * with nulls and state strings.
 */
function toCanonical(st: KindStore, kept: Kept, strings: string[]): Columns | LongColumns {
  const cols: LongColumns = {};
  const typed = TYPED_KINDS.has(st.kind);
  const n = kept.length;
  for (let k = 0; k < st.fields.length; k++) {
    const f = st.fields[k];
    const t = st.types[k];
    const data = st.data[k];
    if (t === 'num' && typed) {
      const so = st.state[k]!.gather(kept, new Uint8Array(n));
      const v = (data as Chunked<Float64Array>).gather(kept, new Float64Array(n));
      for (let r = 0; r < n; r++) if (so[r] !== STATE_CODE.value) v[r] = NaN;
      cols[f] = v;
      cols[`${f}_state`] = so;
      st.release(k);
      continue;
    }
    const out: Array<string | number | null> = new Array(n);
    if (t === 'text') {
      const codes = (data as Chunked<Int32Array>).gather(kept, new Int32Array(n));
      for (let r = 0; r < n; r++) {
        const c = codes[r];
        out[r] = c < 0 ? null : strings[c];
      }
    } else {
      const values = (data as Chunked<Float64Array>).gather(kept, new Float64Array(n));
      for (let r = 0; r < n; r++) {
        const v = values[r];
        out[r] = v !== v ? null : v;
      }
    }
    cols[f] = out;
    if (t === 'num') {
      const s = st.state[k]!;
      const so: Array<string | number | null> = new Array(n);
      for (let r = 0; r < n; r++) so[r] = VALUE_STATES[s.get(kept[r])];
      cols[`${f}_state`] = so;
    }
    st.release(k);
  }
  st.n = 0;
  return cols;
}

/** Codes (in the string table) of a text field over the kept rows, as a membership array. */
function codeSet(stores: Stores, st: KindStore, field: string, kept: Kept): Uint8Array {
  const set = new Uint8Array(stores.strings.list.length);
  const k = st.fields.indexOf(field);
  const data = st.data[k];
  for (const i of kept) {
    const c = data.get(i);
    if (c >= 0) set[c] = 1;
  }
  return set;
}

function hashMix(h: number, v: number): number {
  h = Math.imul(h ^ v, 0x9e3779b1);
  return (h ^ (h >>> 15)) | 0;
}

/** school_id code → every (name code, year) its rows carried; NaN year = a row with no year. */
type FormerNames = Map<number, Array<{ name: number; year: number }>>;

/**
 * The names a school had before its current one, newest first, each with its years:
 * «МАОУ «Лицей № 1» (2024); МБОУ «СОШ № 1» (2022–2023)». Null when it never changed.
 */
function formerNamesColumn(schools: Columns, former: FormerNames, strings: string[]): Array<string | null> {
  const code = new Map<string, number>();
  strings.forEach((s, i) => code.set(s, i));
  return schools.school_id.map((id, i) => {
    const seen = former.get(code.get(id as string) ?? -1);
    if (!seen) return null;
    const years = new Map<string, number[]>();
    for (const { name, year } of seen) {
      const text = strings[name];
      if (name < 0 || text === schools.name[i]) continue;
      years.set(text, [...(years.get(text) ?? []), year]);
    }
    if (!years.size) return null;
    return [...years]
      .map(([name, ys]) => ({ name, lo: Math.min(...ys), hi: Math.max(...ys) }))
      .sort((a, b) => b.hi - a.hi || a.name.localeCompare(b.name, 'ru'))
      .map(({ name, lo, hi }) => (Number.isFinite(lo) ? `${name} (${lo === hi ? lo : `${lo}–${hi}`})` : name))
      .join('; ');
  });
}

function dedupe(st: KindStore, stores: Stores, sources: SourceRef[], add: (p: Problem) => void, drop: (s: number, r: string) => void, former?: FormerNames): Kept {
  const kind = st.kind;
  const n = st.n;
  const strings = stores.strings.list;
  const key = KIND_SPECS[kind].key;
  const keyIdx = key.map((f) => st.fields.indexOf(f));
  const F = st.fields.length;
  const cols = columnsOf(kind);
  const out = new Int32Array(n);
  let nOut = 0;
  // Open addressing over row indices (+1; 0 = empty), keyed by the key fields' codes and years.
  let size = 1024;
  while (size < n * 2) size *= 2;
  const table = new Int32Array(size);
  // Each slot's key hash beside it: a probe compares the hashes and reads the other row's
  // key fields (scattered in memory) only when they match.
  const tableHash = new Int32Array(size);
  const mask = size - 1;
  const keyData = keyIdx.map((k) => st.data[k]);
  const hashes = new Int32Array(n).fill(0x811c9dc5 | 0);
  for (const d of keyData) d.mixInto(hashes, n, (h, v) => hashMix(h, v !== v ? -7 : v | 0));
  const sameKey = (a: number, b: number) => {
    for (const d of keyData) {
      const x = d.get(a);
      const y = d.get(b);
      if (x !== y && !(x !== x && y !== y)) return false;
    }
    return true;
  };
  const sameValue = (k: number, a: number, b: number) => {
    const x = st.data[k].get(a);
    const y = st.data[k].get(b);
    return x === y || (x !== x && y !== y);
  };
  const dupCount = new Map<number, { n: number; line: number }>();
  // A school list drawn from yearly files: rows of one school from different years merge.
  const kYear = former ? st.fields.indexOf('year') : -1;
  const kName = st.fields.indexOf('name');
  const kId = keyIdx[0];
  const yearOf = (i: number) => {
    const y = st.data[kYear].get(i);
    return y !== y ? Infinity : y; // a row with no year is the current list: it wins
  };
  const outPos = former ? new Int32Array(n) : undefined;
  const remember = (i: number) => {
    const id = st.data[kId].get(i);
    const list = former!.get(id) ?? [];
    list.push({ name: st.data[kName].get(i), year: yearOf(i) });
    former!.set(id, list);
  };
  // Repeats inside a school list declared on a results file (one row per subject) are
  // what such a file is, not a mistake: counted, not warned about.
  const quiet = (src: number) => st.kind === 'schools' && sources.some((o) => o.path === sources[src].path && o.kind !== 'schools');
  for (let r = 0; r < n; r++) {
    const h = hashes[r];
    let pos = h & mask;
    let prev = -1;
    for (;;) {
      const e = table[pos];
      if (e === 0) break;
      if (tableHash[pos] === h && sameKey(e - 1, r)) {
        prev = e - 1;
        break;
      }
      pos = (pos + 1) & mask;
    }
    if (prev < 0) {
      table[pos] = r + 1;
      tableHash[pos] = h;
      if (outPos) {
        outPos[r] = nOut;
        if (kYear >= 0) remember(r);
      }
      out[nOut++] = r;
      continue;
    }
    if (kYear >= 0 && yearOf(prev) !== yearOf(r)) {
      remember(r);
      if (yearOf(r) > yearOf(prev)) {
        table[pos] = r + 1;
        out[outPos![prev]] = r;
        outPos![r] = outPos![prev];
      }
      continue;
    }
    let same = true;
    for (let k = 0; k < F && same; k++) {
      if (!sameValue(k, prev, r)) same = false;
      else if (st.state[k] && st.state[k]!.get(prev) !== st.state[k]!.get(r)) same = false;
    }
    const src = st.source.get(r);
    const line = st.line.get(r);
    if (same) {
      drop(src, 'duplicate');
      const d = dupCount.get(src) ?? { n: 0, line };
      d.n++;
      dupCount.set(src, d);
      continue;
    }
    const val = (i: number, k: number) => cellOf(st, strings, k, i);
    const diff: number[] = [];
    for (let k = 0; k < F; k++) if (!sameValue(k, prev, r)) diff.push(k);
    const f = diff.length ? st.fields[diff[0]] : cols[0];
    const rCols = stores.colsTable[st.colsId.get(r)];
    add({
      severity: 'error',
      code: 'duplicate-key',
      file: sources[src].path,
      line,
      column: rCols[f],
      value: keyIdx.map((k) => val(r, k) ?? '').join(' / '),
      message: `Повтор ключа (${key.join(', ')}) с другими значениями (${diff.map((k) => `${st.fields[k]}: «${show(val(prev, k))}» и «${show(val(r, k))}»`).join('; ')}); первая запись — ${sources[st.source.get(prev)].path}:${st.line.get(prev)}`,
      hint: 'оставьте одну из строк или разведите их по полю ключа (например, год или предмет)',
    });
  }
  for (const [s, d] of dupCount) {
    if (quiet(s)) continue;
    add({
      severity: 'warning',
      code: 'duplicate-row',
      file: sources[s].path,
      line: d.line,
      message: `Пропущены полные повторы уже прочитанных строк: ${d.n}`,
      hint: 'удалите повторы из файла, если они не нужны',
    });
  }
  return out.slice(0, nOut);
}

function unknownRefs(st: KindStore, kept: Kept, fields: readonly string[], known: Uint8Array, stores: Stores, sources: SourceRef[], add: (p: Problem) => void,
  severity: 'error' | 'warning', code: string, what: string, hint: string, drop?: (s: number, r: string) => void): Kept {
  const per = new Map<number, { n: number; line: number; examples: Set<string> }>();
  const strings = stores.strings.list;
  const data = fields.map((f) => st.data[st.fields.indexOf(f)]);
  const out = new Int32Array(kept.length);
  let nOut = 0;
  for (let x = 0; x < kept.length; x++) {
    const r = kept[x];
    let bad = -1;
    for (const d of data) {
      const c = d.get(r);
      if (c >= 0 && !(c < known.length && known[c])) {
        bad = c;
        break;
      }
    }
    if (bad < 0) {
      out[nOut++] = r;
      continue;
    }
    const src = st.source.get(r);
    const p = per.get(src) ?? { n: 0, line: st.line.get(r), examples: new Set<string>() };
    p.n++;
    if (p.examples.size < 5) p.examples.add(strings[bad]);
    per.set(src, p);
    if (drop) drop(src, code);
    else out[nOut++] = r;
  }
  for (const [s, p] of per) {
    if (sources[s].otherSchools === 'skip') continue;
    add({ severity, code, file: sources[s].path, line: p.line, value: [...p.examples].join(', '), message: `${what}: ${p.n}`, hint });
  }
  return nOut === kept.length ? kept : out.slice(0, nOut);
}

function show(v: unknown): string {
  return v === null || v === undefined ? '' : clip(String(v));
}

export function rowsWord(n: number): string {
  const m10 = n % 10;
  const m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return 'строка';
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return 'строки';
  return 'строк';
}
