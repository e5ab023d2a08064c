/**
 * CSV tokeniser that keeps physical line numbers.
 *
 * Why not PapaParse: its rows carry no line numbers (a quoted field spanning lines shifts
 * every later row), and on a stray quote inside a quoted field it either swallows the rest
 * of the line or reports a generic error. Published Russian files have both, so the
 * tokeniser is our own with two modes:
 *  - strict (RFC 4180): `""` inside quotes is an escaped quote;
 *  - lenient: a quote inside a quoted field closes it only when followed by the delimiter
 *    or a line end; `""` followed by the delimiter is a stray quote plus the closing one
 *    (`"Лицей № 1546 "Плехановец"",` — the data.mos.ru export).
 * The caller tries strict first and switches to lenient only when that fixes ragged rows.
 *
 * Large files: `scanRows` makes one pass that keeps only numbers per row (start offset, line,
 * cell count, last non-blank cell) in typed arrays; the caller decides the layout from them
 * and then reads only the rows it needs with `readRowAt` into one reused cells array. No
 * object per row is ever built.
 */

export interface RawRow {
  cells: string[];
  /** 1-based physical line where the row starts. */
  line: number;
  /** Line of each cell, only when the row spans several lines. */
  cellLines?: number[];
}

export interface Tokenized {
  rows: RawRow[];
  /** Quotes read as text inside a field (lenient mode, or any mode for a quote mid-field). */
  strayQuotes: number;
  firstStrayLine?: number;
  /** Line of an opening quote that is never closed. */
  unterminatedLine?: number;
}

/** Mutable state of one read: the cursor, the line counter and the stray-quote tallies. */
export interface Cursor {
  /** Offset of the next row. */
  i: number;
  /** Physical line of the next row. */
  line: number;
  strayQuotes: number;
  firstStrayLine: number;
  unterminatedLine: number;
  /** A `""` before a delimiter or line end was met in strict mode: lenient mode would read it differently. */
  lenientDiffers: boolean;
  /** Filled by readRowAt when cells are materialised. */
  cells: string[];
  /** Line of each cell (always filled when cells are materialised). */
  lines: number[];
  /** Set by readRowAt: cell count, and 1 + index of the last non-blank cell (0 when the row is blank). */
  count: number;
  lastNonBlank: number;
}

export function cursor(i = 0, line = 1): Cursor {
  return { i, line, strayQuotes: 0, firstStrayLine: 0, unterminatedLine: 0, lenientDiffers: false, cells: [], lines: [], count: 0, lastNonBlank: 0 };
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Characters String.prototype.trim removes (WhiteSpace + LineTerminator). */
export function isTrimSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function blankRange(text: string, a: number, b: number): boolean {
  for (let p = a; p < b; p++) if (!isTrimSpace(text.charCodeAt(p))) return false;
  return true;
}

function blankString(s: string): boolean {
  return blankRange(s, 0, s.length);
}

/**
 * Read one record starting at `cur.i` / `cur.line`; advance both. With `materialize`, the
 * cells go to `cur.cells` (and their lines to `cur.lines`); without, only `count` and
 * `lastNonBlank` are computed (unquoted cells are never copied).
 */
export function readRowAt(text: string, delim: number, lenient: boolean, cur: Cursor, materialize: boolean): void {
  const n = text.length;
  let i = cur.i;
  let line = cur.line;
  const cells = cur.cells;
  const lines = cur.lines;
  if (materialize) {
    cells.length = 0;
    lines.length = 0;
  }
  let count = 0;
  let lastNonBlank = 0;
  const isEnd = (c: number) => c !== c || c === delim || c === LF || c === CR; // NaN past the end
  for (;;) {
    if (materialize) lines.push(line);
    if (text.charCodeAt(i) === QUOTE) {
      i++;
      const openLine = line;
      let value = '';
      for (;;) {
        const j = text.indexOf('"', i);
        if (j < 0) {
          value += text.slice(i);
          line += countBreaks(text, i, n);
          i = n;
          if (!cur.unterminatedLine) cur.unterminatedLine = openLine;
          break;
        }
        value += text.slice(i, j);
        line += countBreaks(text, i, j);
        const next = text.charCodeAt(j + 1);
        if (next === QUOTE) {
          if (isEnd(text.charCodeAt(j + 2))) {
            if (lenient) {
              cur.strayQuotes++;
              if (!cur.firstStrayLine) cur.firstStrayLine = line;
              value += '"';
              i = j + 2;
              break;
            }
            cur.lenientDiffers = true;
          }
          value += '"';
          i = j + 2;
          continue;
        }
        if (isEnd(next)) {
          i = j + 1;
          break;
        }
        // A quote followed by ordinary text: in both modes it is text (RFC would reject the file).
        cur.strayQuotes++;
        if (!cur.firstStrayLine) cur.firstStrayLine = line;
        value += '"';
        i = j + 1;
      }
      // Anything between a closing quote and the delimiter is kept as text.
      const tail = i;
      while (i < n && !isEnd(text.charCodeAt(i))) i++;
      if (i > tail) value += text.slice(tail, i);
      if (materialize) cells.push(value);
      count++;
      if (!blankString(value)) lastNonBlank = count;
    } else {
      const start = i;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === delim || c === LF || c === CR) break;
        i++;
      }
      if (materialize) cells.push(text.slice(start, i));
      count++;
      if (!blankRange(text, start, i)) lastNonBlank = count;
    }
    if (i < n && text.charCodeAt(i) === delim) {
      i++;
      if (i >= n) {
        if (materialize) {
          cells.push('');
          lines.push(line);
        }
        count++;
        break;
      }
      continue;
    }
    // End of record.
    if (text.charCodeAt(i) === CR) i++;
    if (text.charCodeAt(i) === LF) i++;
    line++;
    break;
  }
  cur.i = i;
  cur.line = line;
  cur.count = count;
  cur.lastNonBlank = lastNonBlank;
}

/** Numbers per record, in typed arrays; rows are read again with readRowAt from `start`/`line`. */
export interface RowIndex {
  n: number;
  start: Int32Array;
  line: Int32Array;
  count: Int32Array;
  lastNonBlank: Int32Array;
  strayQuotes: number;
  firstStrayLine?: number;
  unterminatedLine?: number;
  lenientDiffers: boolean;
}

export function scanRows(text: string, delimiter: string, lenient: boolean): RowIndex {
  const delim = delimiter.charCodeAt(0);
  let cap = 1024;
  let start: Int32Array = new Int32Array(cap);
  let lineA: Int32Array = new Int32Array(cap);
  let count: Int32Array = new Int32Array(cap);
  let last: Int32Array = new Int32Array(cap);
  let n = 0;
  const cur = cursor();
  const len = text.length;
  while (cur.i < len) {
    if (n === cap) {
      cap *= 2;
      start = grow(start, cap);
      lineA = grow(lineA, cap);
      count = grow(count, cap);
      last = grow(last, cap);
    }
    start[n] = cur.i;
    lineA[n] = cur.line;
    readRowAt(text, delim, lenient, cur, false);
    count[n] = cur.count;
    last[n] = cur.lastNonBlank;
    n++;
  }
  return {
    n,
    start: start.subarray(0, n),
    line: lineA.subarray(0, n),
    count: count.subarray(0, n),
    lastNonBlank: last.subarray(0, n),
    strayQuotes: cur.strayQuotes,
    firstStrayLine: cur.firstStrayLine || undefined,
    unterminatedLine: cur.unterminatedLine || undefined,
    lenientDiffers: cur.lenientDiffers,
  };
}

function grow(a: Int32Array, cap: number): Int32Array {
  const b = new Int32Array(cap);
  b.set(a);
  return b;
}

/** Whole-text tokenisation into row objects (small inputs and tests). */
export function tokenize(text: string, delimiter: string, lenient: boolean): Tokenized {
  const rows: RawRow[] = [];
  const delim = delimiter.charCodeAt(0);
  const cur = cursor();
  while (cur.i < text.length) {
    const line = cur.line;
    readRowAt(text, delim, lenient, cur, true);
    const row: RawRow = { cells: cur.cells.slice(), line };
    if (cur.lines[cur.lines.length - 1] !== line) row.cellLines = cur.lines.slice();
    rows.push(row);
  }
  return { rows, strayQuotes: cur.strayQuotes, firstStrayLine: cur.firstStrayLine || undefined, unterminatedLine: cur.unterminatedLine || undefined };
}

function countBreaks(text: string, from: number, to: number): number {
  let k = 0;
  for (let p = from; p < to; p++) {
    const c = text.charCodeAt(p);
    if (c === 10) k++;
    else if (c === 13 && text.charCodeAt(p + 1) !== 10) k++;
  }
  return k;
}
