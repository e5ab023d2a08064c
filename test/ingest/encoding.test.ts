import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decode, looksLikeMojibake } from '../../src/lib/ingest/decode.ts';
import { BASE_SCHOOLS, FIX, errors, load, rows } from './helpers.ts';

const schoolsFile = (p: string) => [{ path: p, kind: 'schools', columns: { school_id: 'Код ОО', name: 'Наименование', municipality_id: 'Код МО' } }];

describe('encodings', () => {
  it('UTF-8 with BOM: the BOM is not part of the first header name', async () => {
    const ds = await load(schoolsFile('utf8-bom.csv'));
    expect(errors(ds)).toEqual([]);
    expect(rows(ds, 'schools')[0]).toMatchObject({ school_id: '007', name: 'Школа № 7', municipality_id: '01' });
  });
  it('UTF-8 without BOM, comma-delimited', async () => {
    const ds = await load(schoolsFile('utf8-nobom.csv'));
    expect(errors(ds)).toEqual([]);
    expect(rows(ds, 'schools')[0].school_id).toBe('007');
  });
  it('a stray U+FEFF inside the first quoted header cell', async () => {
    const ds = await load(schoolsFile('utf8-feff-header.csv'));
    expect(errors(ds)).toEqual([]);
    expect(rows(ds, 'schools')[0].name).toBe('Школа № 7');
  });
  it('Windows-1251 without BOM, decimal comma: mean 67.5 and id "007"', async () => {
    const bytes = readFileSync(path.join(FIX, 'win1251-results.csv'));
    expect(decode(bytes, 'x').encoding).toBe('windows-1251');
    const ds = await load([
      BASE_SCHOOLS,
      { path: 'win1251-results.csv', kind: 'results', columns: { school_id: 'Код ОО', year: 'Год', subject: 'Предмет', n: 'Участников', mean: 'Средний балл' }, constants: { exam: 'ЕГЭ' } },
    ]);
    expect(errors(ds)).toEqual([]);
    const r = rows(ds, 'results');
    expect(r[0]).toMatchObject({ school_id: '007', year: 2016, subject: 'Русский язык', n: 12, mean: 67.5, mean_state: 'value' });
    expect(r[1]).toMatchObject({ school_id: '008', subject: 'Математика (профиль)', mean: 48.25 });
  });
  it('refuses mojibake (UTF-8 read as 1251 and saved as UTF-8) with an error', async () => {
    const ds = await load(schoolsFile('mojibake.csv'));
    const e = errors(ds);
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ code: 'mojibake', file: 'mojibake.csv' });
    expect(e[0].value).toMatch(/^Р/);
    expect(e[0].hint).toBeTruthy();
    expect(rows(ds, 'schools')).toEqual([]);
  });
  it('does not flag ordinary Russian text as mojibake', () => {
    expect(looksLikeMojibake('Средняя общеобразовательная школа № 7; Русский язык; Россия — «Ёлки»').yes).toBe(false);
    expect(looksLikeMojibake('РЁРєРѕР»Р° в„– 7 РёРјРµРЅРё').yes).toBe(true);
  });
  it('declared utf-8 but the bytes are Windows-1251: error', async () => {
    const ds = await load([{ ...schoolsFile('win1251-results.csv')[0], kind: 'indicators', read: { encoding: 'utf-8' }, columns: { school_id: 'Код ОО', year: 'Год', indicator: 'Предмет', value: 'Участников' } }, BASE_SCHOOLS]);
    expect(errors(ds).map((p) => p.code)).toContain('encoding');
  });
});
