/**
 * CSV output for downloads: UTF-8 with BOM (Excel in Russia opens it right), comma
 * separated, RFC 4180 quoting, and protection against formula injection: a text cell
 * starting with = + - @ (or tab / CR) is prefixed with an apostrophe; numbers are not,
 * so a negative change stays a number.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let s = value;
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export type Row = Array<string | number | boolean | null | undefined>;

/** A whole small file: the header, then the rows (each led by `lead`'s cells, if any). */
export function toCsv(header: string[], rows: Row[], lead: Row = []): string {
  return '\ufeff' + header.map(csvCell).join(',') + '\r\n' + csvLines(rows, lead);
}

/**
 * Rows alone, each ending in CRLF: what is appended to a file toCsv began. Each row is led
 * by `lead`'s cells (a school's code and name in its area's file), written out once; a
 * text repeated down the rows (a section's heading, a table's caption) is quoted once.
 */
export function csvLines(rows: Row[], lead: Row = []): string {
  const prefix = lead.length ? lead.map(csvCell).join(',') + ',' : '';
  const cell = rememberedCells();
  let out = '';
  for (const r of rows) out += prefix + r.map(cell).join(',') + '\r\n';
  return out;
}

/** Distinct cell values remembered per file. */
const MAX_REMEMBERED = 200_000;

/**
 * csvCell for one file, each value's CSV form worked out once: a file repeats few values
 * many times (codes, subjects, states, counts, years, means to hundredths; a page's headings
 * and captions down its rows). A Map keeps the text «1» and the number 1 apart. Bounded: a
 * file of unique values (names, id lists) gains nothing from it.
 */
function rememberedCells(): (value: Row[number]) => string {
  const known = new Map<string | number | boolean, string>();
  return (v) => {
    if (v === null || v === undefined) return '';
    let cell = known.get(v);
    if (cell === undefined) {
      cell = csvCell(v);
      if (known.size < MAX_REMEMBERED) known.set(v, cell);
    }
    return cell;
  };
}

/**
 * A file's text, or its text in parts that end at row boundaries: a national results.csv
 * (15 M rows, over a gigabyte) is longer than the longest string V8 can make (~512 M
 * characters), so the data downloads are kept and written part by part.
 */
export type FileText = string | string[];

/** Characters per part of a large CSV (16 M: a few parts for a national file, one for a region's). */
const PART = 1 << 24;

/**
 * A CSV streamed in parts of about `partSize` characters, each ending at a row boundary:
 * the rows can be a generator, so a national file is never held as rows or as one string.
 */
export function* csvParts(header: string[], rows: Iterable<Row>, partSize = PART): Generator<string> {
  let lines = ['\ufeff' + header.map(csvCell).join(',')];
  let size = lines[0].length;
  const cell = rememberedCells();
  const cells: string[] = [];
  for (const r of rows) {
    cells.length = r.length;
    for (let i = 0; i < r.length; i++) cells[i] = cell(r[i]);
    const line = cells.join(',');
    lines.push(line);
    size += line.length + 2;
    if (size > partSize) {
      yield lines.join('\r\n') + '\r\n';
      lines = [];
      size = 0;
    }
  }
  if (lines.length) yield lines.join('\r\n') + '\r\n';
}

/** The same bytes as toCsv, in parts when the file is large. */
export function toCsvParts(header: string[], rows: Iterable<Row>, partSize = PART): FileText {
  return asFileText([...csvParts(header, rows, partSize)]);
}

/** Parts as a FileText: one string when there is one part. */
export function asFileText(parts: string[]): FileText {
  return parts.length === 1 ? parts[0] : parts;
}

/** A file's text as one string (only for files known to be small enough). */
export function fileText(text: FileText): string {
  return typeof text === 'string' ? text : text.join('');
}
