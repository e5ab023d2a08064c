/**
 * CSV rows through PapaParse, with physical line numbers.
 *
 * PapaParse does all the tokenising: explicit delimiter, quote and newline (from the
 * project's sniffer, sniff.ts), `header: false`, no dynamic typing, step mode (one row at a
 * time, no array of all rows). Its rows carry no line numbers, so they are derived here:
 * a row starts at the previous row's `meta.cursor`, and the next row starts one line break
 * plus the breaks inside this row's cells (quoted cells keep their line breaks) later.
 *
 * Large files: `scanRows` makes one pass that keeps only numbers per row (start offset, line,
 * cell count, last non-blank cell) in typed arrays; the caller decides the layout from them
 * and reads the data rows in a second pass with `eachDataRow`. No object per row is kept.
 *
 * Stray quotes are repaired on top of PapaParse (quotes.ts); mixed line ends are normalised
 * first (sniff.ts), so the text has a single kind of line break.
 */
import Papa from 'papaparse';
import { countChar, isBlank } from './text.ts';

export { isTrimSpace } from './text.ts';

export type Newline = '\n' | '\r' | '\r\n';

export interface Dialect {
  delimiter: string;
  newline: Newline;
}

/** Numbers per record, in typed arrays. */
export interface RowIndex {
  n: number;
  start: Int32Array;
  line: Int32Array;
  count: Int32Array;
  lastNonBlank: Int32Array;
  /** Line of an opening quote that is never closed. */
  unterminatedLine?: number;
  /** Cells with control characters (the first MAX_CONTROL of them) and their total. */
  control: ControlCell[];
  controlTotal: number;
}

export interface ControlCell {
  line: number;
  column: number;
  /** The first control character's code. */
  code: number;
  value: string;
}

/** C0 control characters except tab, LF and CR. */
export const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F]/;
const MAX_CONTROL = 100;

interface StepResult {
  data: string[];
  errors: Array<{ code: string }>;
  meta: { cursor: number };
}

interface StepParser {
  abort(): void;
}

function config(d: Dialect, step?: (r: StepResult, p: StepParser) => void): Papa.ParseConfig<string[]> {
  return {
    delimiter: d.delimiter,
    newline: d.newline,
    quoteChar: '"',
    escapeChar: '"',
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    // The split fast path builds an array of every line at once (and is not faster here).
    fastMode: false,
    step: step as never,
  };
}

/** The character whose occurrences inside cells are line breaks (the text has one kind). */
function breakChar(d: Dialect): string {
  return d.newline === '\r' ? '\r' : '\n';
}

/** Line breaks inside the cells of one row. */
function innerBreaks(cells: string[], br: string): number {
  let k = 0;
  for (let j = 0; j < cells.length; j++) {
    const c = cells[j];
    if (c.length > 0 && c.indexOf(br) >= 0) for (let p = c.indexOf(br); p >= 0; p = c.indexOf(br, p + 1)) k++;
  }
  return k;
}

/** Line of each cell of a row that starts on `line` (filled only when the row spans lines). */
export function cellLines(cells: string[], line: number, br: string, out: number[]): number[] {
  out.length = 0;
  let l = line;
  for (let j = 0; j < cells.length; j++) {
    out.push(l);
    const c = cells[j];
    if (c.indexOf(br) >= 0) for (let p = c.indexOf(br); p >= 0; p = c.indexOf(br, p + 1)) l++;
  }
  return out;
}

function grow(a: Int32Array, cap: number): Int32Array {
  const b = new Int32Array(cap);
  b.set(a);
  return b;
}

/** One pass over the text: where each row starts, its line, cell count and last non-blank cell. */
export function scanRows(text: string, d: Dialect): RowIndex {
  let cap = 1024;
  let start: Int32Array = new Int32Array(cap);
  let lineA: Int32Array = new Int32Array(cap);
  let count: Int32Array = new Int32Array(cap);
  let last: Int32Array = new Int32Array(cap);
  let n = 0;
  let pos = 0;
  let line = 1;
  let unterminatedLine = 0;
  const br = breakChar(d);
  const len = text.length;
  const control: ControlCell[] = [];
  let controlTotal = 0;
  const checkControl = CONTROL.test(text);
  const lines: number[] = [];
  Papa.parse<string[]>(text, config(d, (res) => {
    const cells = res.data;
    // The empty "row" after a final line break.
    if (pos >= len) return;
    if (n === cap) {
      cap *= 2;
      start = grow(start, cap);
      lineA = grow(lineA, cap);
      count = grow(count, cap);
      last = grow(last, cap);
    }
    start[n] = pos;
    lineA[n] = line;
    count[n] = cells.length;
    let lnb = 0;
    for (let j = cells.length - 1; j >= 0; j--) {
      if (!isBlank(cells[j])) {
        lnb = j + 1;
        break;
      }
    }
    last[n] = lnb;
    n++;
    // Breaks inside cells only when a break comes before the row's own terminator; the last
    // row (maybe without a terminator, maybe an unterminated quote to the end) is always counted.
    const end = res.meta.cursor;
    const nextBreak = end >= len ? 0 : text.indexOf(br, pos);
    const inner = nextBreak >= 0 && (end >= len || nextBreak < end - d.newline.length) ? innerBreaks(cells, br) : 0;
    if (checkControl) {
      for (let j = 0; j < cells.length; j++) {
        const m = CONTROL.exec(cells[j]);
        if (!m) continue;
        controlTotal++;
        if (control.length < MAX_CONTROL) {
          const at = inner ? cellLines(cells, line, br, lines)[j] : line;
          control.push({ line: at + countChar(cells[j].slice(0, m.index), br), column: j + 1, code: m[0].charCodeAt(0), value: cells[j] });
        }
      }
    }
    if (!unterminatedLine && res.errors.length && res.errors.some((e) => e.code === 'MissingQuotes')) {
      unterminatedLine = line + inner - innerBreaks(cells.slice(-1), br);
    }
    line += inner + 1;
    pos = end;
  }));
  return {
    n,
    start: start.subarray(0, n),
    line: lineA.subarray(0, n),
    count: count.subarray(0, n),
    lastNonBlank: last.subarray(0, n),
    unterminatedLine: unterminatedLine || undefined,
    control,
    controlTotal,
  };
}

/** Cells of row r (header rows, ragged rows): PapaParse on that row's slice of the text. */
export function rowAt(text: string, d: Dialect, index: RowIndex, r: number): string[] {
  const end = r + 1 < index.n ? index.start[r + 1] : text.length;
  const res = Papa.parse<string[]>(text.slice(index.start[r], end), config(d));
  return res.data[0] ?? [];
}

/**
 * Call `fn(cells, line, lines)` for rows `rows` (ascending indices into `index`) in one
 * step-mode pass that starts at the first of them. `lines` holds the line of each cell when
 * the row spans several lines, and is empty otherwise; it is reused between calls.
 */
export function eachDataRow(text: string, d: Dialect, index: RowIndex, rows: Int32Array, fn: (cells: string[], r: number, lines: number[]) => void): void {
  if (rows.length === 0) return;
  const first = rows[0];
  const br = breakChar(d);
  const lines: number[] = [];
  const empty: number[] = [];
  let r = first;
  let k = 0;
  Papa.parse<string[]>(text.slice(index.start[first]), config(d, (res, parser) => {
    if (k >= rows.length) return;
    if (r === rows[k]) {
      const cells = res.data;
      const multi = r + 1 < index.n ? index.line[r + 1] - index.line[r] > 1 : innerBreaks(cells, br) > 0;
      fn(cells, r, multi ? cellLines(cells, index.line[r], br, lines) : empty);
      k++;
      if (k === rows.length) parser.abort();
    }
    r++;
  }));
}
