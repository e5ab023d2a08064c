/**
 * Text → header + data rows. Handles title rows above the header, 1–3 header rows
 * (merged cells: an empty upper cell inherits its left neighbour), a trailing delimiter
 * on every line, blank lines and ragged rows. Cells stay strings here.
 */
import type { Problem } from '../model/types.ts';
import { eachDataRow, rowAt, scanRows, type Dialect, type RowIndex } from './tokenize.ts';
import { sniffDelimiter, sniffNewline } from './sniff.ts';
import { escapeStrayQuotes } from './quotes.ts';
import { clip, countChar } from './text.ts';
import { MAX_PER_CODE } from './problems.ts';

export interface ReadOptions {
  delimiter: 'auto' | string;
  skip_rows: 'auto' | number;
  header_rows: number;
}

/**
 * The layout of a file: header and the data rows to read. Rows are not materialised here:
 * `eachRow` reads them one at a time from the text.
 */
export interface ParsedTable {
  delimiter: string;
  dialect: Dialect;
  /** Normalised column names (trimmed, inner whitespace collapsed). */
  header: string[];
  headerLine: number;
  /** Number of data rows (after blank, header and ragged rows are left out). */
  rowCount: number;
  problems: Problem[];
  /** The text PapaParse reads (line breaks normalised, stray quotes escaped when needed). */
  text: string;
  lenient: boolean;
  width: number;
  index: RowIndex;
  /** Indices (into `index`) of the data rows. */
  rows: Int32Array;
}

export function normalizeName(s: string): string {
  return s.replace(/[\s\u00A0\u202F\u2009\uFEFF]+/g, ' ').trim();
}

/**
 * Call `fn(cells, line, lines)` for every data row in file order. `lines` (the line of each
 * cell) is filled only for rows spanning several lines, and is reused between calls: copy
 * what must outlive the call. Trailing blank cells beyond the header width are removed.
 */
export function eachRow(t: ParsedTable, fn: (cells: string[], line: number, lines: number[]) => void): void {
  const line = t.index.line;
  eachDataRow(t.text, t.dialect, t.index, t.rows, (cells, r, lines) => {
    while (cells.length > t.width && cells[cells.length - 1].trim() === '') cells.pop();
    fn(cells, line[r], lines);
  });
}

export function parseTable(input: string, file: string, opts: ReadOptions): ParsedTable {
  const delimiter = opts.delimiter === 'auto' ? sniffDelimiter(input) : opts.delimiter;
  const { text, newline } = sniffNewline(input);
  const dialect: Dialect = { delimiter, newline };
  const strictIdx = scanRows(text, dialect);
  const strict = layout(text, strictIdx, false, file, dialect, opts);
  if (strict.ragged === 0 && strict.unterminated === undefined) return strict.table;
  // Lenient reading: stray quotes escaped, then PapaParse again.
  const esc = escapeStrayQuotes(text, delimiter);
  if (esc.stray === 0) return strict.table;
  const lenientIdx = scanRows(esc.text, dialect);
  const lenient = layout(esc.text, lenientIdx, true, file, dialect, opts);
  if (lenient.ragged < strict.ragged || (strict.unterminated !== undefined && lenient.unterminated === undefined)) {
    const br = newline === '\r' ? '\r' : '\n';
    lenient.table.problems.unshift({
      severity: 'warning',
      code: 'stray-quotes',
      file,
      line: 1 + countChar(esc.text.slice(0, esc.firstStray), br),
      message: `В файле ${esc.stray} неэкранированных кавычек внутри полей; они прочитаны как часть текста`,
      hint: 'внутри поля в кавычках кавычка записывается дважды (""); проверьте названия с кавычками',
    });
    return lenient.table;
  }
  return strict.table;
}

interface Laid {
  table: ParsedTable;
  ragged: number;
  unterminated?: number;
}

function layout(text: string, idx: RowIndex, lenient: boolean, file: string, dialect: Dialect, opts: ReadOptions): Laid {
  const delimiter = dialect.delimiter;
  const problems: Problem[] = [];
  // Non-blank rows.
  let nb = new Int32Array(idx.n);
  let m = 0;
  for (let r = 0; r < idx.n; r++) if (idx.lastNonBlank[r] > 0) nb[m++] = r;
  nb = nb.subarray(0, m);
  const empty: ParsedTable = { delimiter, dialect, header: [], headerLine: 0, rowCount: 0, problems, text, lenient, width: 0, index: idx, rows: new Int32Array(0) };
  if (idx.unterminatedLine !== undefined) {
    problems.push({
      severity: 'error',
      code: 'unterminated-quote',
      file,
      line: idx.unterminatedLine,
      column: idx.n ? idx.count[idx.n - 1] : undefined,
      message: 'Кавычка, открытая в этой строке, не закрыта до конца файла',
      hint: 'найдите поле с непарной кавычкой и закройте его',
    });
  }
  for (const c of idx.control) {
    // A warning here: the typing stage turns it into an error when the cell is actually read.
    problems.push({
      severity: 'warning',
      code: 'control-char',
      file,
      line: c.line,
      column: c.column,
      value: visibleControls(clip(c.value)),
      message: `В ячейке управляющий символ ${controlName(c.code)}`,
      hint: CONTROL_HINT,
    });
  }
  if (m === 0) {
    problems.push({ severity: 'error', code: 'empty-file', file, line: 1, message: 'Файл пуст: нет ни шапки, ни данных', hint: 'проверьте, что выгрузка не оборвалась' });
    return { table: empty, ragged: 0, unterminated: idx.unterminatedLine };
  }
  const headerRows = Math.max(1, Math.min(3, opts.header_rows));
  let start: number;
  if (opts.skip_rows === 'auto') {
    start = detectHeader(text, dialect, idx, nb, headerRows);
  } else {
    start = opts.skip_rows;
    if (start + headerRows > m) {
      problems.push({
        severity: 'error',
        code: 'skip-rows',
        file,
        value: String(opts.skip_rows),
        message: `skip_rows больше, чем непустых строк в файле (${m})`,
        hint: 'skip_rows — число непустых строк над шапкой таблицы',
      });
      return { table: empty, ragged: 0, unterminated: idx.unterminatedLine };
    }
  }
  const headEnd = Math.min(m, start + headerRows);
  const head: string[][] = [];
  for (let k = start; k < headEnd; k++) head.push(rowAt(text, dialect, idx, nb[k]));
  let header = combineHeader(head);
  const data = nb.subarray(headEnd);
  const width0 = header.length;
  // Trailing delimiter on every line: an unnamed last column that is empty everywhere.
  if (width0 > 1 && header[width0 - 1] === '') {
    let allEmpty = true;
    for (let k = 0; k < data.length; k++) {
      const r = data[k];
      if (idx.count[r] === width0 && idx.lastNonBlank[r] === width0) {
        allEmpty = false;
        break;
      }
    }
    if (allEmpty) header = header.slice(0, -1);
  }
  const width = header.length;
  if (data.length === 0) {
    problems.push({
      severity: 'error',
      code: 'no-data',
      file,
      line: idx.line[nb[headEnd - 1]],
      message: 'В файле только шапка: нет ни одной строки данных',
      hint: 'проверьте, что выгрузка не оборвалась и что skip_rows/header_rows не захватывают строки данных',
    });
  }
  let ragged = 0;
  const kept = new Int32Array(data.length);
  let nk = 0;
  for (let k = 0; k < data.length; k++) {
    const r = data[k];
    const count = idx.count[r];
    // Trailing delimiter only on the data lines, or the unnamed empty column dropped above.
    const len = count > width ? Math.max(width, idx.lastNonBlank[r]) : count;
    if (len !== width) {
      ragged++;
      // Cells are shown for the first rows only (the collector keeps no more anyway).
      const cells = ragged <= MAX_PER_CODE ? rowAt(text, dialect, idx, r).slice(0, len) : undefined;
      const name = (j: number) => (header[j] ? ` («${clip(header[j], 60)}»)` : '');
      const where = len < width
        ? `строка кончается в колонке ${len}${name(len - 1)}, нет значений для колонок ${len + 1}–${width}`
        : `строка кончается в колонке ${len}, лишние ячейки начинаются с колонки ${width + 1}`;
      problems.push({
        severity: 'error',
        code: 'ragged-row',
        file,
        line: idx.line[r],
        column: len,
        value: cells ? clip(cells.slice(0, 3).join(delimiter === '\t' ? ' ' : delimiter), 60) : undefined,
        message: `В строке ${len} ${cellsWord(len)}, а в шапке ${width}: ${where}`,
        hint: 'проверьте кавычки и разделители в этой строке: поле с разделителем внутри должно быть в кавычках',
      });
      continue;
    }
    kept[nk++] = r;
  }
  return {
    table: { delimiter, dialect, header, headerLine: idx.line[nb[start]], rowCount: nk, problems, text, lenient, width, index: idx, rows: kept.subarray(0, nk) },
    ragged,
    unterminated: idx.unterminatedLine,
  };
}

export const CONTROL_HINT = 'такие символы не бывают в текстовой выгрузке: файл испорчен или это не CSV; возьмите выгрузку заново или удалите символ';

/** «U+0000 (NUL)» for a control character code. */
export function controlName(code: number): string {
  const names = ['NUL', 'SOH', 'STX', 'ETX', 'EOT', 'ENQ', 'ACK', 'BEL', 'BS', 'HT', 'LF', 'VT', 'FF', 'CR', 'SO', 'SI', 'DLE', 'DC1', 'DC2', 'DC3', 'DC4', 'NAK', 'SYN', 'ETB', 'CAN', 'EM', 'SUB', 'ESC', 'FS', 'GS', 'RS', 'US'];
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')} (${names[code] ?? '?'})`;
}

/** Control characters shown as their Unicode pictures (U+2400…) so a message stays printable. */
export function visibleControls(s: string): string {
  return s.replace(/[\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => String.fromCharCode(0x2400 + c.charCodeAt(0)));
}

function cellsWord(n: number): string {
  const m10 = n % 10;
  const m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return 'ячейка';
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return 'ячейки';
  return 'ячеек';
}

/**
 * Auto-detected header: the first row with the data rows' (modal) cell count and at least
 * two filled cells. Title rows have one filled cell whether or not they are padded with
 * delimiters.
 */
function detectHeader(text: string, dialect: Dialect, idx: RowIndex, nb: Int32Array, headerRows: number): number {
  const counts = new Map<number, number>();
  for (let k = 0; k < nb.length; k++) {
    const c = idx.count[nb[k]];
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let mode = 0;
  let freq = 0;
  for (const [c, f] of counts) if (f > freq || (f === freq && c > mode)) [mode, freq] = [c, f];
  for (let i = 0; i + headerRows <= nb.length; i++) {
    const r = nb[i];
    if (idx.count[r] !== mode) continue;
    if (mode === 1) return i;
    const cells = rowAt(text, dialect, idx, r);
    if (cells.reduce((k, c) => k + (c.trim() === '' ? 0 : 1), 0) >= 2) return i;
  }
  return 0;
}

/** Join 1–3 header rows with " / "; an empty upper cell inherits from the left within its parent group. */
export function combineHeader(rows: string[][]): string[] {
  const width = Math.max(...rows.map((r) => r.length));
  const filled = rows.map((r) => Array.from({ length: width }, (_, j) => normalizeName(r[j] ?? '')));
  for (let k = 0; k < filled.length - 1; k++) {
    for (let j = 1; j < width; j++) {
      // Only a column with its own label below can be part of a merged upper cell.
      if (filled[k][j] !== '' || filled[filled.length - 1][j] === '') continue;
      const sameParent = filled.slice(0, k).every((upper) => upper[j] === upper[j - 1]);
      if (sameParent) filled[k][j] = filled[k][j - 1];
    }
  }
  const out: string[] = [];
  for (let j = 0; j < width; j++) {
    const parts: string[] = [];
    for (const r of filled) if (r[j] !== '' && parts[parts.length - 1] !== r[j]) parts.push(r[j]);
    out.push(parts.join(' / '));
  }
  return out;
}
