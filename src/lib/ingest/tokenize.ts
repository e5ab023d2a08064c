/**
 * CSV tokeniser that keeps physical line numbers.
 *
 * Why not PapaParse: its rows carry no line numbers (a quoted field spanning lines shifts
 * every later row), and on a stray quote inside a quoted field it either swallows the rest
 * of the line or reports a generic error. Published Russian files have both, so the
 * tokeniser is ~100 lines of our own with two modes:
 *  - strict (RFC 4180): `""` inside quotes is an escaped quote;
 *  - lenient: a quote inside a quoted field closes it only when followed by the delimiter
 *    or a line end; `""` followed by the delimiter is a stray quote plus the closing one
 *    (`"Лицей № 1546 "Плехановец"",` — the data.mos.ru export).
 * The caller tries strict first and switches to lenient only when that fixes ragged rows.
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

export function tokenize(text: string, delimiter: string, lenient: boolean): Tokenized {
  const rows: RawRow[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  let strayQuotes = 0;
  let firstStrayLine: number | undefined;
  let unterminatedLine: number | undefined;
  const stray = () => {
    strayQuotes++;
    if (firstStrayLine === undefined) firstStrayLine = line;
  };
  const isEnd = (c: string | undefined) => c === undefined || c === delimiter || c === '\n' || c === '\r';

  while (i < n) {
    const cells: string[] = [];
    const lines: number[] = [];
    const rowLine = line;
    for (;;) {
      lines.push(line);
      let value = '';
      if (text[i] === '"') {
        i++;
        const openLine = line;
        for (;;) {
          const j = text.indexOf('"', i);
          if (j < 0) {
            value += text.slice(i);
            line += countBreaks(text, i, n);
            i = n;
            unterminatedLine ??= openLine;
            break;
          }
          value += text.slice(i, j);
          line += countBreaks(text, i, j);
          const next = text[j + 1];
          if (next === '"') {
            if (lenient && isEnd(text[j + 2])) {
              stray();
              value += '"';
              i = j + 2;
              break;
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
          stray();
          value += '"';
          i = j + 1;
        }
        // Anything between a closing quote and the delimiter is kept as text.
        while (i < n && !isEnd(text[i])) value += text[i++];
      } else {
        const start = i;
        while (i < n && !isEnd(text[i])) i++;
        value = text.slice(start, i);
      }
      cells.push(value);
      if (i < n && text[i] === delimiter) {
        i++;
        if (i >= n) {
          cells.push('');
          lines.push(line);
          break;
        }
        continue;
      }
      // End of record.
      if (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      line++;
      break;
    }
    const row: RawRow = { cells, line: rowLine };
    if (lines[lines.length - 1] !== rowLine) row.cellLines = lines;
    rows.push(row);
  }
  return { rows, strayQuotes, firstStrayLine, unterminatedLine };
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
