/**
 * Text → header + data rows. Handles title rows above the header, 1–3 header rows
 * (merged cells: an empty upper cell inherits its left neighbour), a trailing delimiter
 * on every line, blank lines and ragged rows. Cells stay strings here.
 */
import type { Problem } from '../model/types.ts';
import { tokenize, type RawRow, type Tokenized } from './tokenize.ts';
import { sniffDelimiter } from './sniff.ts';

export interface ReadOptions {
  delimiter: 'auto' | string;
  skip_rows: 'auto' | number;
  header_rows: number;
}

export interface ParsedTable {
  delimiter: string;
  /** Normalised column names (trimmed, inner whitespace collapsed). */
  header: string[];
  headerLine: number;
  rows: RawRow[];
  problems: Problem[];
}

export function normalizeName(s: string): string {
  return s.replace(/[\s\u00A0\u202F\u2009\uFEFF]+/g, ' ').trim();
}

const isBlank = (r: RawRow) => r.cells.every((c) => c.trim() === '');
const nonEmpty = (r: RawRow) => r.cells.reduce((k, c) => k + (c.trim() === '' ? 0 : 1), 0);

export function parseTable(text: string, file: string, opts: ReadOptions): ParsedTable {
  const delimiter = opts.delimiter === 'auto' ? sniffDelimiter(text) : opts.delimiter;
  const strict = assemble(tokenize(text, delimiter, false), file, delimiter, opts);
  if (strict.ragged === 0 && strict.unterminated === undefined) return strict.table;
  const lenientTok = tokenize(text, delimiter, true);
  const lenient = assemble(lenientTok, file, delimiter, opts);
  if (lenient.ragged < strict.ragged || (strict.unterminated !== undefined && lenient.unterminated === undefined)) {
    lenient.table.problems.unshift({
      severity: 'warning',
      code: 'stray-quotes',
      file,
      line: lenientTok.firstStrayLine,
      message: `В файле ${lenientTok.strayQuotes} неэкранированных кавычек внутри полей; они прочитаны как часть текста`,
      hint: 'внутри поля в кавычках кавычка записывается дважды (""); проверьте названия с кавычками',
    });
    return lenient.table;
  }
  return strict.table;
}

interface Assembled {
  table: ParsedTable;
  ragged: number;
  unterminated?: number;
}

function assemble(tok: Tokenized, file: string, delimiter: string, opts: ReadOptions): Assembled {
  const problems: Problem[] = [];
  const rows = tok.rows.filter((r) => !isBlank(r));
  const empty: ParsedTable = { delimiter, header: [], headerLine: 0, rows: [], problems };
  if (tok.unterminatedLine !== undefined) {
    problems.push({
      severity: 'error',
      code: 'unterminated-quote',
      file,
      line: tok.unterminatedLine,
      message: 'Кавычка, открытая в этой строке, не закрыта до конца файла',
      hint: 'найдите поле с непарной кавычкой и закройте его',
    });
  }
  if (rows.length === 0) {
    problems.push({ severity: 'error', code: 'empty-file', file, message: 'Файл пуст: нет ни шапки, ни данных', hint: 'проверьте, что выгрузка не оборвалась' });
    return { table: empty, ragged: 0, unterminated: tok.unterminatedLine };
  }
  const headerRows = Math.max(1, Math.min(3, opts.header_rows));
  let start: number;
  if (opts.skip_rows === 'auto') {
    start = detectHeader(rows, headerRows);
  } else {
    start = opts.skip_rows;
    if (start + headerRows > rows.length) {
      problems.push({
        severity: 'error',
        code: 'skip-rows',
        file,
        value: String(opts.skip_rows),
        message: `skip_rows больше, чем непустых строк в файле (${rows.length})`,
        hint: 'skip_rows — число непустых строк над шапкой таблицы',
      });
      return { table: empty, ragged: 0, unterminated: tok.unterminatedLine };
    }
  }
  const head = rows.slice(start, start + headerRows);
  let header = combineHeader(head.map((r) => r.cells));
  let data = rows.slice(start + headerRows);
  const width0 = header.length;
  // Trailing delimiter on every line: an unnamed last column that is empty everywhere.
  const lastEmpty = (r: RawRow) => r.cells.length === width0 && r.cells[width0 - 1].trim() === '';
  if (width0 > 1 && header[width0 - 1] === '' && data.every((r) => r.cells.length !== width0 || lastEmpty(r))) {
    header = header.slice(0, -1);
  }
  const width = header.length;
  let ragged = 0;
  const kept: RawRow[] = [];
  for (const r of data) {
    // Trailing delimiter only on the data lines, or the unnamed empty column dropped above.
    while (r.cells.length > width && r.cells[r.cells.length - 1].trim() === '') r.cells.pop();
    if (r.cells.length !== width) {
      ragged++;
      problems.push({
        severity: 'error',
        code: 'ragged-row',
        file,
        line: r.line,
        value: r.cells.slice(0, 3).join(delimiter === '\t' ? ' ' : delimiter).slice(0, 60),
        message: `В строке ${r.cells.length} ${cellsWord(r.cells.length)}, а в шапке ${width}`,
        hint: 'проверьте кавычки и разделители в этой строке: поле с разделителем внутри должно быть в кавычках',
      });
      continue;
    }
    kept.push(r);
  }
  data = kept;
  return {
    table: { delimiter, header, headerLine: head[0].line, rows: data, problems },
    ragged,
    unterminated: tok.unterminatedLine,
  };
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
function detectHeader(rows: RawRow[], headerRows: number): number {
  const counts = new Map<number, number>();
  for (const r of rows) counts.set(r.cells.length, (counts.get(r.cells.length) ?? 0) + 1);
  let mode = 0;
  let freq = 0;
  for (const [c, f] of counts) if (f > freq || (f === freq && c > mode)) [mode, freq] = [c, f];
  for (let i = 0; i + headerRows <= rows.length; i++) {
    const r = rows[i];
    if (r.cells.length === mode && (mode === 1 || nonEmpty(r) >= 2)) return i;
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
