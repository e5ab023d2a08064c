/**
 * A data download too long for one string (a national results.csv) is kept in parts that
 * end at row boundaries: joined, they are byte for byte the one-string CSV, and the release
 * comparison reads them as it reads one string.
 */
import { describe, expect, it } from 'vitest';
import { csvLines, csvParts, fileText, toCsv, toCsvParts } from '../../src/lib/build/csv.ts';
import { releaseFromCsv } from '../../src/lib/release/changes.ts';

const header = ['school_id', 'year', 'exam', 'subject', 'grade', 'n', 'n_state', 'mean', 'mean_state'];
const rows = Array.from({ length: 1000 }, (_, i) => [`S${String(i).padStart(4, '0')}`, 2020 + (i % 5), 'ЕГЭ', i % 2 ? 'Русский язык' : 'Математика, "профиль"', '', 10 + (i % 40), 'value', 50 + (i % 37) / 10, 'value']);

describe('CSV in parts', () => {
  it('joins to the same bytes as one string, every part ending at a row boundary', () => {
    const parts = toCsvParts(header, rows, 2000);
    expect(Array.isArray(parts)).toBe(true);
    const list = parts as string[];
    // 1000 rows of ~50 characters in parts of ~2,000: about 25 parts.
    expect(list.length).toBeGreaterThan(20);
    for (const p of list) expect(p.endsWith('\r\n')).toBe(true);
    expect(list.join('')).toBe(toCsv(header, rows));
    expect(fileText(parts)).toBe(toCsv(header, rows));
  });

  it('streams rows from a generator with the same bytes, repeated texts quoted and defused each time', () => {
    const tricky = ['=1+1', 'a, b', 'he said "hi"', ' padded ', '-школа', 'ЕГЭ'];
    const many = Array.from({ length: 300 }, (_, i) => [tricky[i % tricky.length], i, tricky[(i * 7) % tricky.length], i % 3 ? null : -1.5, i % 2 === 0]);
    const streamed = [...csvParts(['a', 'b', 'c', 'd', 'e'], (function* () {
      yield* many;
    })(), 500)];
    expect(streamed.length).toBeGreaterThan(5);
    expect(streamed.join('')).toBe(toCsv(['a', 'b', 'c', 'd', 'e'], many));
    expect(streamed[0].split('\r\n')[1]).toBe(`'=1+1,0,'=1+1,-1.5,true`);
  });

  it('a small file stays one string', () => {
    expect(toCsvParts(header, rows.slice(0, 3))).toBe(toCsv(header, rows.slice(0, 3)));
  });

  it('the release comparison reads the parts as the whole file', () => {
    const whole = releaseFromCsv({ results: toCsv(header, rows) });
    const parted = releaseFromCsv({ results: toCsvParts(header, rows, 2000) });
    expect(parted.results.size).toBe(1000);
    expect([...parted.results.entries()]).toEqual([...whole.results.entries()]);
    expect(parted.results.get('S0001|2021|ЕГЭ|Русский язык|')).toEqual({ n: '11', mean: '50.1', share_below: '', share_good: '', share_high: '' });
  });

  it('leads every row with the lead cells, quoting a repeated text the same way each time', () => {
    // A school's rows in its area's file: code and name (quoted: it holds a comma and quotes), then the row.
    const lead = ['001', 'МБОУ "СОШ № 1", г. Северогорск'];
    const body = [
      ['Результаты', 'ЕГЭ, балл', 2024, 71.5],
      ['Результаты', 'ЕГЭ, балл', 2025, null],
      ['Контекст', '=1+1', 2025, -2],
    ];
    const leadCsv = '001,"МБОУ ""СОШ № 1"", г. Северогорск",';
    expect(csvLines(body, lead)).toBe(
      `${leadCsv}Результаты,"ЕГЭ, балл",2024,71.5\r\n` + `${leadCsv}Результаты,"ЕГЭ, балл",2025,\r\n` + `${leadCsv}Контекст,'=1+1,2025,-2\r\n`,
    );
    expect(toCsv(['код', 'школа', 'раздел', 'таблица', 'год', 'значение'], body, lead)).toBe(
      '\ufeffкод,школа,раздел,таблица,год,значение\r\n' + csvLines(body, lead),
    );
  });
});
