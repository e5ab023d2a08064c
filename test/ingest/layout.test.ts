import { describe, expect, it } from 'vitest';
import { BASE_SCHOOLS, SCHOOL_COLUMNS, errors, load, results, rows, warnings } from './helpers.ts';

const schools = (p: string, read: object = {}, columns: object = SCHOOL_COLUMNS) => [{ path: p, kind: 'schools', read, columns }];

describe('delimiters', () => {
  it('sniffs ";"', async () => {
    const ds = await load(results('semicolon.csv'));
    expect(errors(ds)).toEqual([]);
    expect(rows(ds, 'results')[0]).toMatchObject({ school_id: '007', mean: 67.5 });
  });
  it('sniffs "," (decimal point)', async () => {
    const ds = await load(results('comma.csv'));
    expect(errors(ds)).toEqual([]);
    expect(rows(ds, 'results')[0]).toMatchObject({ school_id: '007', mean: 67.5 });
  });
  it('sniffs tab', async () => {
    const ds = await load(schools('tab.tsv'));
    expect(errors(ds)).toEqual([]);
    expect(rows(ds, 'schools')[0]).toMatchObject({ school_id: '007', name: 'Школа № 7' });
  });
  it('a declared delimiter overrides sniffing', async () => {
    const ok = await load(schools('tab.tsv', { delimiter: '\t' }));
    expect(errors(ok)).toEqual([]);
    const wrong = await load(results('semicolon.csv', { read: { delimiter: ',' } }));
    const e = errors(wrong).find((p) => p.code === 'unknown-column');
    expect(e).toMatchObject({ value: 'school_id' });
    expect(e?.hint).toContain('разделитель');
  });
});

describe('rows and headers', () => {
  it('skips title rows above the header automatically', async () => {
    const ds = await load(results('title-rows.csv'));
    expect(errors(ds)).toEqual([]);
    expect(rows(ds, 'results').map((r) => r.mean)).toEqual([67.5, 70]);
  });
  it('skip_rows counts non-empty rows above the header', async () => {
    const ds = await load(results('title-rows.csv', { read: { skip_rows: 2 } }));
    expect(errors(ds)).toEqual([]);
    expect(rows(ds, 'results')).toHaveLength(2);
  });
  it('two-row header: merged upper cells inherit from the left, melted to long form', async () => {
    const ds = await load([
      BASE_SCHOOLS,
      {
        path: 'header-2rows.csv', kind: 'results', read: { header_rows: 2 },
        columns: { school_id: 'Код ОО', year: 'Год' }, constants: { exam: 'ЕГЭ' },
        melt: { pattern: '^(?<subject>.+) / (?<measure>.+)$', measures: { 'Участников': 'n', 'Средний балл': 'mean' } },
      },
    ]);
    expect(errors(ds)).toEqual([]);
    const r = rows(ds, 'results');
    // 008 did not sit profile maths (both cells blank): no row for it.
    expect(r.map((x) => [x.school_id, x.subject, x.n, x.mean])).toEqual([
      ['007', 'Русский язык', 12, 67.5],
      ['007', 'Математика (профиль)', 10, 55],
      ['008', 'Русский язык', 20, 70],
    ]);
  });
  it('three-row header joined with " / "', async () => {
    const ds = await load([
      BASE_SCHOOLS,
      {
        path: 'header-3rows.csv', kind: 'results', read: { header_rows: 3 },
        columns: { school_id: 'Код ОО', year: 'Год' },
        melt: { pattern: '^(?<exam>ЕГЭ|ОГЭ) / (?<subject>.+) / (?<measure>.+)$', measures: { 'Участников': 'n', 'Средний балл': 'mean' } },
      },
    ]);
    expect(errors(ds)).toEqual([]);
    expect(rows(ds, 'results').map((x) => [x.exam, x.subject, x.n, x.mean])).toEqual([
      ['ЕГЭ', 'Русский язык', 12, 67.5],
      ['ЕГЭ', 'Физика', 5, 60],
      ['ОГЭ', 'Математика', 30, 3.9],
    ]);
  });
  it('duplicate header names: error naming the column when used, silent when unused', async () => {
    const used = await load(results('dup-header.csv'));
    expect(errors(used)).toHaveLength(1);
    expect(errors(used)[0]).toMatchObject({ code: 'duplicate-column', value: 'mean', line: 1, column: 6 });
    expect(errors(used)[0].message).toContain('5, 6');
    const unused = await load(results('dup-header.csv', { columns: { school_id: 'school_id', year: 'year', subject: 'subject', n: 'n' } }));
    expect(errors(unused)).toEqual([]);
    expect(rows(unused, 'results')[0]).toMatchObject({ n: 12, mean: null, mean_state: 'missing' });
  });
  it('quoted fields with newlines: later line numbers count the physical lines', async () => {
    const ds = await load(results('multiline.csv'));
    const e = errors(ds);
    expect(rows(ds, 'results')[0].subject).toBe('Русский\nязык');
    // Row 008 starts on line 4 and its mean "abc" sits on line 6 (the subject spans 4–6).
    expect(e.find((p) => p.value === 'abc')).toMatchObject({ code: 'bad-number', line: 6, column: 5 });
    expect(e.find((p) => p.value === '1e3')).toMatchObject({ line: 7, column: 5 });
  });
  it('stray quotes inside quoted fields load, with a warning', async () => {
    const ds = await load(schools('stray-quotes.csv', {}, { ...SCHOOL_COLUMNS, address: 'address' }));
    expect(errors(ds)).toEqual([]);
    expect(warnings(ds).map((p) => p.code)).toContain('stray-quotes');
    const r = rows(ds, 'schools');
    expect(r.map((x) => x.name)).toEqual(['ГБОУ Лицей № 7 "Плехановец"', 'Лицей "Вектор". Филиал', 'Школа № 10 "Радуга"']);
    expect(r[0].address).toBe('ул. Донская, д. 21');
    expect(r[1]).toMatchObject({ municipality_id: '01', address: null });
  });
  it('CRLF and LF mixed', async () => {
    const ds = await load(schools('mixed-eol.csv', {}, { school_id: 'Код ОО', name: 'Наименование', municipality_id: 'Код МО' }));
    expect(errors(ds)).toEqual([]);
    expect(rows(ds, 'schools').map((r) => [r.school_id, r.municipality_id])).toEqual([['007', '01'], ['008', '01'], ['010', '02']]);
  });
  it('a trailing delimiter on every line: the empty last column is dropped', async () => {
    const ds = await load(schools('trailing-delim.csv'));
    expect(errors(ds)).toEqual([]);
    expect(rows(ds, 'schools')[1]).toMatchObject({ school_id: '008', municipality_id: '01' });
  });
  it('blank trailing lines are ignored', async () => {
    const ds = await load(schools('blank-trailing.csv'));
    expect(errors(ds)).toEqual([]);
    expect(rows(ds, 'schools')).toHaveLength(2);
  });
  it('ragged rows: error with the line number, other rows kept', async () => {
    const ds = await load(schools('ragged.csv'));
    const e = errors(ds);
    expect(e.map((p) => [p.code, p.line])).toEqual([['ragged-row', 3], ['ragged-row', 4]]);
    expect(e[0].message).toContain('4 ячейки, а в шапке 3');
    expect(rows(ds, 'schools').map((r) => r.school_id)).toEqual(['007']);
  });
});
