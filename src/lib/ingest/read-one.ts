/**
 * One manifest entry's file → typed rows in the stores, with every problem it has.
 * Pure apart from its arguments: it runs in the main thread or in a reading worker
 * (read-worker.ts), which gives it stores of its own.
 */
import type { Problem } from '../model/types.ts';
import { decode } from './decode.ts';
import { parseTable, type ParsedTable } from './parse.ts';
import type { FileSpec } from './manifest.ts';
import { mapRows, DEFAULT_SUBTOTALS } from './mapping.ts';
import { markers, DEFAULT_MISSING, DEFAULT_NA, DEFAULT_SUPPRESSED, type DecimalMark } from './numbers.ts';
import { makeTyper, type Vocabulary } from './validate.ts';
import type { SourceRef, Stores } from './assemble.ts';
import { DROP_REASONS, MAX_PER_CODE } from './problems.ts';
import { sniffDecimal } from './decimal.ts';
import type { IdRule } from './ids.ts';

/** Read one file into the stores; returns the number of typed rows it gave. */
export function readOne(bytes: Uint8Array, f: FileSpec, source: number, add: (p: Problem) => void, ref: SourceRef, stores: Stores, currentYear: number, normalize?: Record<string, IdRule>, vocabulary?: Vocabulary): number {
  const file = f.path;
  const r = f.read;
  const dec = decode(bytes, file, r.encoding);
  dec.problems.forEach(add);
  if (dec.problems.some((p) => p.code === 'mojibake' || p.code === 'not-csv')) return 0;
  const table: ParsedTable = parseTable(dec.text, file, { delimiter: r.delimiter, skip_rows: r.skip_rows, header_rows: r.header_rows });
  // Control characters: warnings from the layout, unless the cell is read and already an error.
  const control = table.problems.filter((p) => p.code === 'control-char');
  table.problems.forEach((p) => p.code !== 'control-char' && add(p));
  if (table.header.length === 0) return 0; // empty file or no header: reported above
  const decimal: DecimalMark = r.decimal === 'auto' ? sniffDecimal(table) : r.decimal;
  const mk = markers(
    r.missing === 'auto' ? DEFAULT_MISSING : r.missing,
    r.suppressed === 'auto' ? DEFAULT_SUPPRESSED : r.suppressed,
    r.na === 'auto' ? DEFAULT_NA : r.na,
  );
  const drop = (reason: string) => {
    ref.dropped[reason] = (ref.dropped[reason] ?? 0) + 1;
  };
  const subtotal = r.subtotal_rows === 'auto' ? DEFAULT_SUBTOTALS : r.subtotal_rows;
  // Type-phase problems come after all mapping problems of the file, as when the phases ran one after the other.
  const later = deferred();
  const errorAt = new Set<string>();
  const typeAdd = (p: Problem) => {
    if (p.severity === 'error') errorAt.add(`${p.line}:${p.column}`);
    later.add(p);
  };
  const typer = makeTyper(f.kind, stores.byKind[f.kind], stores.strings, { file, source, markers: mk, decimal, scale: f.scale as [number, number] | undefined, rescaleTo: f.rescale_to as [number, number] | undefined, currentYear, controlChars: table.index.controlTotal > 0, vocabulary, add: typeAdd, drop });
  const colsIds = new Map<string, number>();
  const colsId = (rec: Record<string, number | undefined>) => {
    const k = JSON.stringify(rec);
    let id = colsIds.get(k);
    if (id === undefined) {
      id = stores.colsTable.length;
      stores.colsTable.push(rec);
      colsIds.set(k, id);
    }
    return id;
  };
  const emitted = mapRows(table, f, f.kind, { file, markers: mk, decimal, subtotal, normalize, add, drop, colsId }, typer.row);
  later.flush(add);
  for (const p of control) if (!errorAt.has(`${p.line}:${p.column}`)) add(p);
  const kept = typer.kept();
  ref.total = table.rowCount;
  if (emitted >= 0 && table.rowCount > 0 && kept === 0) {
    const why = Object.entries(ref.dropped).map(([reason, n]) => `${DROP_REASONS[reason] ?? reason} — ${n}`).join('; ');
    add({
      severity: 'error', code: 'all-rows-dropped', file, line: table.index.line[table.rows[0]],
      message: `Из файла не прочитано ни одной строки: пропущены все строки данных (${table.rowCount})${why ? `: ${why}` : ''}`,
      hint: 'проверьте сопоставление колонок (columns) и сообщения об ошибках выше',
    });
  }
  return kept;
}

/**
 * Problems held back until flush, keeping only what a capped collector can show (the first
 * MAX_PER_CODE per code) plus a count of the rest, so a broken file never piles up objects.
 */
export function deferred(max = MAX_PER_CODE) {
  const list: Problem[] = [];
  const extra = new Map<string, { n: number; p: Problem }>();
  const seen = new Map<string, number>();
  return {
    add(p: Problem) {
      const k = `${p.file}\u0000${p.code}`;
      const n = (seen.get(k) ?? 0) + 1;
      seen.set(k, n);
      if (n <= max) list.push(p);
      else {
        const e = extra.get(k);
        if (e) e.n++;
        else extra.set(k, { n: 1, p });
      }
    },
    flush(add: (p: Problem) => void) {
      for (const p of list) add(p);
      for (const { n, p } of extra.values()) for (let i = 0; i < n; i++) add(p);
    },
    /** What flush would add, without repeating objects: the kept list, then each problem beyond the cap with its count. */
    contents(): { list: Problem[]; repeats: Array<{ p: Problem; n: number }> } {
      return { list, repeats: [...extra.values()] };
    },
  };
}

