import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../src/lib/build/csv.ts';

describe('CSV downloads', () => {
  it('defuses text cells that a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+7 999')).toBe("'+7 999");
    expect(csvCell('-школа')).toBe("'-школа");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });
  it('leaves negative numbers as numbers', () => {
    expect(csvCell(-1.5)).toBe('-1.5');
  });
  it('quotes commas, quotes and newlines and starts with a BOM', () => {
    const csv = toCsv(['a', 'b'], [['x, y', 'he said "hi"\nbye']]);
    expect(csv).toBe('\ufeffa,b\r\n"x, y","he said ""hi""\nbye"\r\n');
  });
  it('writes missing values as empty cells, never 0', () => {
    expect(toCsv(['v'], [[null], [0]])).toBe('\ufeffv\r\n\r\n0\r\n');
  });
});
