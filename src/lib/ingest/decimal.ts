/**
 * `decimal: auto` for comma-delimited files. A comma inside a cell of such a file can only
 * come from a quoted cell: "67,5" is a decimal comma, "1,234" may be a thousands separator.
 * The first rows decide: decimal commas and no decimal points → ','; otherwise '.'. Files
 * with another delimiter accept both marks ('either').
 */
import type { DecimalMark } from './numbers.ts';
import type { ParsedTable } from './parse.ts';
import { eachDataRow } from './tokenize.ts';

const COMMA = /^[+-]?\d+,\d+%?$/;
const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+$/;
const POINT = /^[+-]?\d+\.\d+%?$/;

export function sniffDecimal(t: ParsedTable, sample = 1000): DecimalMark {
  if (t.delimiter !== ',') return 'either';
  let comma = 0;
  let point = 0;
  eachDataRow(t.text, t.dialect, t.index, t.rows.subarray(0, sample), (cells) => {
    for (const c of cells) {
      if (c.length > 40) continue;
      const s = c.trim();
      if (COMMA.test(s)) {
        if (!THOUSANDS.test(s)) comma++;
      } else if (POINT.test(s)) point++;
    }
  });
  return comma > 0 && point === 0 ? ',' : '.';
}
