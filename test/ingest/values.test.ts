import { describe, expect, it } from 'vitest';
import { formatProblem, plainColumns } from '../../src/lib/model/types.ts';
import { markers, parseNumber, parseYear, DEFAULT_MISSING, DEFAULT_NA, DEFAULT_SUPPRESSED } from '../../src/lib/ingest/numbers.ts';
import { warningKind } from '../../src/lib/ingest/index.ts';
import { BASE_SCHOOLS, errors, load, results, rows, warnings } from './helpers.ts';

const m = markers(DEFAULT_MISSING, DEFAULT_SUPPRESSED, DEFAULT_NA);

describe('numbers', () => {
  it('spaces, NBSP and narrow NBSP as thousands separators (fixture)', async () => {
    const ds = await load([{ path: 'thousands.csv', kind: 'schools', columns: { school_id: 'Код ОО', name: 'Наименование', municipality_id: 'Код МО', students: 'Обучающихся' } }]);
    expect(errors(ds)).toEqual([]);
    expect(rows(ds, 'schools').map((r) => r.students)).toEqual([1234, 2345, 3456]);
  });
  it('missing markers and blank are missing; suppression markers are suppressed, never 0', async () => {
    const ds = await load(results('markers.csv'));
    expect(errors(ds)).toEqual([]);
    const r = rows(ds, 'results');
    expect(r.filter((x) => x.school_id === '001').map((x) => [x.mean, x.mean_state])).toEqual(Array(6).fill([null, 'missing']));
    expect(r.filter((x) => x.school_id === '002').map((x) => [x.n, x.n_state, x.mean, x.mean_state])).toEqual([
      ...Array(5).fill([null, 'suppressed', null, 'suppressed']),
      [5, 'value', 0, 'value'],
    ]);
  });
  it('the long tables hand the measures over typed: NaN for no value, a state code beside it, a true 0 a value', async () => {
    const ds = await load(results('markers.csv'));
    const t = ds.tables.results;
    expect(t.mean).toBeInstanceOf(Float64Array);
    expect(t.mean_state).toBeInstanceOf(Uint8Array);
    // markers.csv: six missing markers (001), five suppression markers and one 0 (002); codes value 0, missing 1, suppressed 2.
    expect(Array.from(t.mean as Float64Array)).toEqual([...Array(11).fill(NaN), 0]);
    expect(Array.from(t.mean_state as Uint8Array)).toEqual([...Array(6).fill(1), ...Array(5).fill(2), 0]);
    expect(Array.from(t.n as Float64Array)).toEqual([...Array(6).fill(12), ...Array(5).fill(NaN), 5]);
    // The short tables keep the plain form.
    expect(Array.isArray(ds.tables.schools.school_id)).toBe(true);
  });
  it('strict numbers: 1e3, 0x1A, Infinity, 12abc are errors with line, column and value', async () => {
    const ds = await load(results('bad-numbers.csv'));
    const e = errors(ds);
    expect(e.map((p) => [p.code, p.line, p.column, p.value])).toEqual([
      ['bad-number', 2, 5, '1e3'],
      ['bad-number', 3, 5, '0x1A'],
      ['bad-number', 4, 5, 'Infinity'],
      ['bad-number', 5, 5, '12abc'],
      ['bad-number', 6, 5, '1,5,6'],
    ]);
    expect(formatProblem(e[0])).toBe(
      'bad-numbers.csv:2:5: ошибка: Поле mean: экспоненциальная запись не допускается (значение «1e3»). Подсказка: число пишется цифрами: 67,5 или 67.5; пропуск — пустая ячейка или «-», скрытое значение — «*»',
    );
    expect(rows(ds, 'results').every((r) => r.mean === null)).toBe(true);
  });
  it('parseNumber unit cases', () => {
    expect(parseNumber('67,5', m, 'either')).toEqual({ ok: true, state: 'value', value: 67.5 });
    expect(parseNumber('1,234', m, '.')).toEqual({ ok: true, state: 'value', value: 1234 });
    expect(parseNumber('67,5', m, '.').ok).toBe(false);
    expect(parseNumber('−3', m, 'either')).toEqual({ ok: true, state: 'value', value: -3 });
    expect(parseNumber('67.3%', m, '.')).toEqual({ ok: true, state: 'value', value: 67.3 });
    expect(parseNumber('12 34', m, 'either').ok).toBe(false);
    expect(parseNumber('х', m, 'either')).toEqual({ ok: true, state: 'na', value: null });
  });
  it('years: 2016, 2015-2016, 2015/16, 20112012 → ending year; 2015-2017 is an error', async () => {
    const ds = await load([BASE_SCHOOLS, { path: 'years.csv', kind: 'results', columns: { school_id: 'school_id', year: 'year', subject: 'subject', n: 'n' }, constants: { exam: 'ЕГЭ' } }]);
    expect(rows(ds, 'results').map((r) => [r.school_id, r.year])).toEqual([['001', 2016], ['002', 2016], ['007', 2016], ['008', 2012]]);
    expect(errors(ds)).toHaveLength(1);
    expect(errors(ds)[0]).toMatchObject({ code: 'bad-year', line: 6, column: 2, value: '2015-2017' });
    expect(parseYear('2015–16', m)).toEqual({ ok: true, value: 2016, state: 'value' });
  });
});

describe('rows', () => {
  it('identifiers stay text: leading zeros survive', async () => {
    const ds = await load([BASE_SCHOOLS]);
    expect(rows(ds, 'schools').map((r) => r.school_id)).toEqual(['001', '002', '007', '008', '010']);
  });
  it('exact duplicate rows dropped and counted (warning); conflicting duplicates are errors', async () => {
    const ds = await load(results('dup-rows.csv'));
    const src = ds.sources.find((s) => s.path === 'dup-rows.csv')!;
    expect(src.dropped).toEqual({ duplicate: 2 });
    expect(src.rows).toBe(3);
    expect(warnings(ds).find((p) => p.code === 'duplicate-row')?.message).toContain('2');
    const e = errors(ds);
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ code: 'duplicate-key', line: 6, column: 5 });
    expect(e[0].message).toContain('dup-rows.csv:5');
    expect(e[0].message).toContain('«70» и «71»');
    expect(rows(ds, 'results').map((r) => [r.school_id, r.mean])).toEqual([['007', 67.5], ['008', 70]]);
  });
  it('Итого / Всего rows are skipped and counted', async () => {
    const ds = await load(results('subtotal.csv'));
    expect(errors(ds)).toEqual([]);
    expect(ds.sources[1].dropped).toEqual({ subtotal: 2 });
    expect(warnings(ds).find((p) => p.code === 'dropped-subtotal')?.message).toContain('2');
    expect(rows(ds, 'results').map((r) => r.school_id)).toEqual(['007', '008', '010']);
    // The build summary counts it under a Russian kind, not the internal code.
    expect(warnings(ds).map((p) => warningKind(p.code))).toEqual(['пропущено: строки «Итого»/«Всего»']);
  });
  it('out-of-range values are errors', async () => {
    const ds = await load(results('range.csv', {
      columns: { school_id: 'school_id', year: 'year', exam: 'exam', subject: 'subject', n: 'n', mean: 'mean', share_high: 'share_high', g2: 'g2', g3: 'g3', g4: 'g4', g5: 'g5' },
      constants: {},
    }));
    const e = errors(ds).map((p) => [p.line, p.column, p.value, p.message]);
    expect(e).toEqual([
      [2, 5, '-1', 'Поле n: отрицательное число участников'],
      [3, 6, '101', 'Средний балл вне шкалы 0–100 для экзамена ЕГЭ'],
      [4, 7, '120', 'Поле share_high: доля вне диапазона 0–100 %'],
      [5, 11, '13', 'Сумма оценок «2»–«5» (13) больше числа участников n (10)'],
      [6, 6, '5,5', 'Средний балл вне шкалы 2–5 для экзамена ОГЭ'],
    ]);
  });
  it('scale: declared per file overrides the exam default', async () => {
    const ds = await load(results('semicolon.csv', { scale: [0, 50] }));
    expect(errors(ds)[0]).toMatchObject({ code: 'out-of-range', value: '67,5' });
  });
});

describe('derive and municipalities', () => {
  const spec = (derive: Record<string, string>) => [
    BASE_SCHOOLS,
    { path: 'derive.csv', kind: 'results', columns: { school_id: 'school_id', n: 'n' }, constants: { exam: 'ЕГЭ', subject: 'Русский язык', year: 2016 }, derive },
  ];
  it('division by zero → missing; suppressed operand → suppressed (wins over missing)', async () => {
    const ds = await load(spec({ share_high: '100 * over / n', share_below: '100 * (under) / n' }));
    expect(errors(ds)).toEqual([]);
    expect(rows(ds, 'results').map((r) => [r.school_id, r.share_high, r.share_high_state, r.share_below_state])).toEqual([
      ['001', 20, 'value', 'value'],
      ['002', null, 'missing', 'missing'],
      ['007', null, 'suppressed', 'suppressed'],
      ['008', null, 'missing', 'value'],
      ['010', null, 'suppressed', 'missing'],
    ]);
  });
  it('unknown name in an expression is an error before any row is read', async () => {
    const ds = await load(spec({ share_high: '100 * ovr / n' }));
    expect(errors(ds)[0]).toMatchObject({ code: 'unknown-column', value: 'ovr' });
    expect(errors(ds)[0].hint).toContain('«over»');
  });
  it('municipalities derived from schools (with municipality_name) when no file is given', async () => {
    const ds = await load([{ path: 'wide-schools.csv', kind: 'schools', columns: { school_id: 'school_id', name: 'name', municipality_id: 'municipality_id', municipality_name: 'municipality_name' } }]);
    expect(errors(ds)).toEqual([]);
    expect(rows(ds, 'municipalities')).toEqual([
      { municipality_id: '01', name: 'Северный район', kind: null },
      { municipality_id: '03', name: 'Заречный район', kind: null },
    ]);
  });
  it('a municipalities file is used as is; unknown codes in schools are an error', async () => {
    const ds = await load([
      { path: 'municipalities.csv', kind: 'municipalities', columns: { municipality_id: 'municipality_id', name: 'name', kind: 'kind' } },
      { path: 'wide-schools.csv', kind: 'schools', columns: { school_id: 'school_id', name: 'name', municipality_id: 'municipality_id' } },
    ]);
    expect(rows(ds, 'municipalities').map((r) => r.name)).toEqual(['Северный район', 'Южный район']);
    expect(errors(ds)).toHaveLength(1);
    expect(errors(ds)[0]).toMatchObject({ code: 'unknown-municipality', value: '03' });
  });
  it('several files of one kind are concatenated; every canonical column exists', async () => {
    const ds = await load([...results('semicolon.csv'), { path: 'comma.csv', kind: 'results', columns: { school_id: 'school_id', year: 'year', subject: 'subject', n: 'n', mean: 'mean' }, constants: { exam: 'ОГЭ' }, scale: [0, 100] }]);
    expect(errors(ds)).toEqual([]);
    expect(rows(ds, 'results').map((r) => r.exam)).toEqual(['ЕГЭ', 'ОГЭ']);
    expect(Object.keys(ds.tables.results)).toContain('g5_state');
    expect(ds.tables.results.grade).toEqual([null, null]);
    expect(plainColumns(ds.tables.results).share_good_state).toEqual(['missing', 'missing']);
  });
});
