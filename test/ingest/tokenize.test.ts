/** PapaParse rows with line numbers, stray-quote repair and line-end sniffing, unit by unit. */
import { describe, expect, it } from 'vitest';
import { eachDataRow, scanRows, rowAt, type Dialect } from '../../src/lib/ingest/tokenize.ts';
import { escapeStrayQuotes } from '../../src/lib/ingest/quotes.ts';
import { sniffNewline } from '../../src/lib/ingest/sniff.ts';
import { eachRow, parseTable } from '../../src/lib/ingest/parse.ts';

const SEMI: Dialect = { delimiter: ';', newline: '\n' };

function all(text: string, d: Dialect): Array<[number, string[], number[]]> {
  const idx = scanRows(text, d);
  const out: Array<[number, string[], number[]]> = [];
  eachDataRow(text, d, idx, Int32Array.from({ length: idx.n }, (_, i) => i), (cells, r, lines) => out.push([idx.line[r], cells.slice(), lines.slice()]));
  return out;
}

describe('scanRows / eachDataRow', () => {
  it('line of each row and of each cell of a multi-line row', () => {
    const text = 'a;b;c\n1;"x\ny\nz";2\n3;4;5\n';
    expect(all(text, SEMI)).toEqual([
      [1, ['a', 'b', 'c'], []],
      // The row starts on line 2; its third cell follows the two breaks inside the second.
      [2, ['1', 'x\ny\nz', '2'], [2, 2, 4]],
      [5, ['3', '4', '5'], []],
    ]);
  });
  it('counts, last non-blank cell, blank rows; no row after the final break', () => {
    const idx = scanRows('a;b;c\n\n1;2;  \n', SEMI);
    expect(idx.n).toBe(3);
    expect([...idx.line]).toEqual([1, 2, 3]);
    expect([...idx.count]).toEqual([3, 1, 3]);
    expect([...idx.lastNonBlank]).toEqual([3, 0, 2]);
    expect([...idx.start]).toEqual([0, 6, 7]);
  });
  it('CR-only and CRLF texts', () => {
    expect(all('a;b\r1;2\r', { delimiter: ';', newline: '\r' }).map(([l, c]) => [l, c])).toEqual([[1, ['a', 'b']], [2, ['1', '2']]]);
    expect(all('a;b\r\n"1\r\n2";3\r\n4;5', { delimiter: ';', newline: '\r\n' }).map(([l, c]) => [l, c])).toEqual([[1, ['a', 'b']], [2, ['1\r\n2', '3']], [4, ['4', '5']]]);
  });
  it('an unterminated quote: the line where the open cell starts', () => {
    const idx = scanRows('a;b\n1;2\n3;"x\ny\n', SEMI);
    expect(idx.unterminatedLine).toBe(3);
    expect(idx.count[idx.n - 1]).toBe(2);
    // The open cell holds only the final line break.
    expect(scanRows('a;b\n1;"x\n', SEMI).unterminatedLine).toBe(2);
    expect(scanRows('a;b\n1;"x', SEMI).unterminatedLine).toBe(2);
  });
  it('control characters: line and column of the cell', () => {
    const idx = scanRows('a;b\n1;"x\ny\u0000"\n', SEMI);
    expect(idx.control).toEqual([{ line: 3, column: 2, code: 0, value: 'x\ny\u0000' }]);
    expect(idx.controlTotal).toBe(1);
  });
  it('rowAt reads one row from its offset', () => {
    const text = 'a;b\n"1;1";2\n';
    expect(rowAt(text, SEMI, scanRows(text, SEMI), 1)).toEqual(['1;1', '2']);
  });
});

describe('escapeStrayQuotes', () => {
  it('doubles quotes that are text, keeps escaped pairs and closing quotes', () => {
    expect(escapeStrayQuotes('"Лицей "Плехановец"","01"\n', ',')).toEqual({ text: '"Лицей ""Плехановец""","01"\n', stray: 2, firstStray: 7 });
    expect(escapeStrayQuotes('"Школа ""Радуга""";1\n', ';').stray).toBe(0);
    expect(escapeStrayQuotes('"a"";b\n', ';').text).toBe('"a""";b\n');
  });
  it('leaves unquoted fields and unterminated quotes alone', () => {
    expect(escapeStrayQuotes('a "b" c;"d\n', ';')).toEqual({ text: 'a "b" c;"d\n', stray: 0, firstStray: -1 });
  });
  it('is linear on thousands of unclosed quotes', () => {
    const text = ';"x'.repeat(200_000);
    const t0 = performance.now();
    escapeStrayQuotes(text, ';');
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('sniffNewline and parseTable', () => {
  it('one kind of break is kept; a mix becomes LF', () => {
    expect(sniffNewline('a\nb\n')).toEqual({ text: 'a\nb\n', newline: '\n' });
    expect(sniffNewline('a\r\nb\r\n')).toEqual({ text: 'a\r\nb\r\n', newline: '\r\n' });
    expect(sniffNewline('a\rb\r')).toEqual({ text: 'a\rb\r', newline: '\r' });
    expect(sniffNewline('a\r\n"b\nc"\r\n')).toEqual({ text: 'a\n"b\nc"\n', newline: '\n' });
  });
  it('the data.mos.ru row reads with the lenient repair and a located warning', () => {
    const t = parseTable('"id","name","mun"\n"1","Лицей № 1546 "Плехановец"","01"\n', 'm.csv', { delimiter: 'auto', skip_rows: 'auto', header_rows: 1 });
    expect(t.lenient).toBe(true);
    expect(t.problems.map((p) => [p.code, p.line])).toEqual([['stray-quotes', 2]]);
    const got: string[][] = [];
    eachRow(t, (cells) => got.push(cells.slice()));
    expect(got).toEqual([['1', 'Лицей № 1546 "Плехановец"', '01']]);
  });
});
