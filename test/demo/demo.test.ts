import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { DEFAULT_SETTINGS, SCHOOL_INDICATORS } from '../../src/lib/model/config.ts';
import { encodeCp1251 } from '../../src/lib/demo/encode.ts';
import { generateDemo } from '../../src/lib/demo/index.ts';

const DEMO_DIR = join(import.meta.dirname, '../../data/demo');
const { files } = generateDemo();
const utf8 = (b: Uint8Array) => new TextDecoder('utf-8').decode(b).replace(/^\uFEFF/, '');
const cp1251 = (b: Uint8Array) => new TextDecoder('windows-1251').decode(b);
/** Minimal reader for the generator's own output: `;`, "…" quoting, no embedded newlines. */
function rows(text: string, skip: number): string[][] {
  return text
    .split(/\r?\n/)
    .slice(skip)
    .filter((l) => l !== '')
    .map(splitLine);
}
function splitLine(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    let cell = '';
    if (line[i] === '"') {
      i++;
      while (i < line.length && !(line[i] === '"' && line[i + 1] !== '"')) {
        cell += line[i];
        i += line[i] === '"' ? 2 : 1;
      }
      i++;
    }
    const end = line.indexOf(';', i);
    cell += end < 0 ? line.slice(i) : line.slice(i, end);
    out.push(cell);
    if (end < 0) return out;
    i = end + 1;
  }
}
const num = (s: string) => Number(s.replace(',', '.').replace(/\u00a0/g, ''));
function pearson(x: number[], y: number[]): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe('committed demo data', () => {
  it('is byte-for-byte the output of the default seed', () => {
    const onDisk = readdirSync(DEMO_DIR).filter((f) => !f.startsWith('.')).sort();
    expect(onDisk).toEqual(Object.keys(files).sort());
    for (const [path, bytes] of Object.entries(files)) {
      const disk = new Uint8Array(readFileSync(join(DEMO_DIR, path)));
      expect(disk.length, path).toBe(bytes.length);
      expect(Buffer.compare(Buffer.from(disk), Buffer.from(bytes)), `${path} differs: run npm run demo -- --out data/demo`).toBe(0);
    }
  });

  it('is reproducible and depends on the seed', () => {
    const again = generateDemo({ schools: 30, yearFrom: 2021, yearTo: 2023 }).files;
    const same = generateDemo({ schools: 30, yearFrom: 2021, yearTo: 2023 }).files;
    const other = generateDemo({ schools: 30, yearFrom: 2021, yearTo: 2023, seed: 7 }).files;
    expect(Buffer.compare(Buffer.from(again['ege.csv']), Buffer.from(same['ege.csv']))).toBe(0);
    expect(Buffer.compare(Buffer.from(again['ege.csv']), Buffer.from(other['ege.csv']))).not.toBe(0);
  });
});

describe('demo data looks like real publications', () => {
  const schools = rows(cp1251(files['schools.csv']), 1);
  const ege = rows(utf8(files['ege.csv']), 2);
  const header = rows(utf8(files['ege.csv']), 0).slice(0, 2);

  it('writes schools.csv in Windows-1251 with CRLF, invented names only', () => {
    expect(new TextDecoder('utf-8', { fatal: false }).decode(files['schools.csv'])).toContain('\uFFFD');
    expect(cp1251(files['schools.csv'])).toContain('\r\n');
    expect(schools.length).toBe(250);
    expect(schools.some((r) => /^МКОУ «.+ская ООШ»$/.test(r[1]))).toBe(true);
    expect(schools.some((r) => /^МБОУ «СОШ № \d+» г\. Северогорска$/.test(r[1]))).toBe(true);
    expect(new Set(schools.map((r) => r[0])).size).toBe(250);
  });

  it('encodes Windows-1251 as the code page does', () => {
    expect([...encodeCp1251('АЯаяЁё№«»\u00a0')]).toEqual([0xc0, 0xdf, 0xe0, 0xff, 0xa8, 0xb8, 0xb9, 0xab, 0xbb, 0xa0]);
  });

  it('publishes ЕГЭ as one wide table with a two-row header', () => {
    expect(header[0].slice(0, 4)).toEqual(['Код ОО', 'Наименование ОО', 'Год', 'Русский язык']);
    expect(header[1].slice(3, 7)).toEqual(['Участников', 'Средний балл', 'Ниже порога, %', '81 и выше, %']);
    expect(ege.every((r) => r.length === header[1].length)).toBe(true);
    expect(ege.some((r) => r[0] === 'Итого по области')).toBe(true);
  });

  it('has small schools, hidden cells and missing cells', () => {
    const rus = ege.filter((r) => r[0] !== 'Итого по области').map((r) => num(r[3]));
    expect(rus.filter((n) => n >= 3 && n <= 9).length).toBeGreaterThan(50);
    const hidden = new Set([...ege.filter((r) => r.includes('*')).map((r) => r[0]), ...rows(utf8(files['oge.csv']), 1).filter((r) => r.includes('*')).map((r) => r[0])]);
    expect(hidden.size).toBeGreaterThan(250 * 0.07);
    expect(hidden.size).toBeLessThan(250 * 0.16);
    expect(ege.some((r) => r.includes('<5'))).toBe(true);
    expect(ege.some((r) => r.includes('н/д') || r.includes('-'))).toBe(true);
  });

  it('keeps ЕГЭ shares consistent with the pass threshold and counts', () => {
    for (const r of ege.filter((x) => x[0] !== 'Итого по области')) {
      const n = num(r[3]);
      const below = num(r[5]);
      if (Number.isFinite(below)) expect(Math.round((below * n) / 100) / n * 100).toBeCloseTo(below, 0);
    }
    expect(DEFAULT_SETTINGS.ege_pass['Русский язык']).toBe(24);
  });

  it('gives every indicator id of SCHOOL_INDICATORS', () => {
    const ind = rows(utf8(files['indicators.csv']), 1);
    expect(new Set(ind.map((r) => r[2]))).toEqual(new Set(SCHOOL_INDICATORS.map((i) => i.id)));
  });

  it('writes a manifest in the documented format', () => {
    const m = parseYaml(utf8(files['dataset.yml']));
    expect(m.region.demo).toBe(true);
    expect(m.files.map((f: { path: string }) => f.path).sort()).toEqual(Object.keys(files).filter((p) => p.endsWith('.csv')).sort());
    for (const f of m.files) expect(f.source.publisher).toMatch(/Демонстрационные данные/);
  });
});

describe('demo data has the intended structure', () => {
  const schools = rows(cp1251(files['schools.csv']), 1);
  const ind = rows(utf8(files['indicators.csv']), 1);
  const ege = rows(utf8(files['ege.csv']), 2);

  it('correlates the social risk negatively with the ЕГЭ Russian mean', () => {
    const ses = new Map<string, number>();
    for (const r of ind) if (r[1] === '2025' && r[2] === 'low_ses_share' && r[3] !== 'н/д') ses.set(r[0], num(r[3]));
    const x: number[] = [];
    const y: number[] = [];
    for (const r of ege) {
      const m = num(r[4]);
      if (r[2] === '2025' && ses.has(r[0]) && Number.isFinite(m) && num(r[3]) >= 10) {
        x.push(ses.get(r[0])!);
        y.push(m);
      }
    }
    expect(x.length).toBeGreaterThan(50);
    expect(pearson(x, y)).toBeLessThan(-0.3);
  });

  it('makes rural schools smaller and farther away', () => {
    const med = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const size = (t: string) => med(schools.filter((r) => r[3] === t).map((r) => num(r[6])));
    expect(size('село') * 3).toBeLessThan(size('город'));
    const rural = new Set(schools.filter((r) => r[3] === 'село').map((r) => r[0]));
    const dist = (inRural: boolean) => med(ind.filter((r) => r[2] === 'distance_km' && r[1] === '2019' && rural.has(r[0]) === inRural && r[3] !== 'н/д').map((r) => num(r[3])));
    expect(dist(true)).toBeGreaterThan(dist(false));
  });

  it('has some schools without grade 11 and one school missing a year', () => {
    const withEge = new Set(ege.map((r) => r[0]));
    expect(schools.filter((r) => !withEge.has(r[0])).length).toBeGreaterThan(40);
    const oge = rows(utf8(files['oge.csv']), 1);
    const years = new Map<string, Set<string>>();
    for (const r of oge) (years.get(r[0]) ?? years.set(r[0], new Set()).get(r[0])!).add(r[1]);
    // ОГЭ was not held in 2020: six years is complete, five means a missing year.
    expect([...years.values()].filter((s) => s.size === 5).length).toBeGreaterThanOrEqual(1);
    expect(oge.some((r) => r[1] === '2020')).toBe(false);
  });

  it('has about 15 partnerships starting 2020–2023', () => {
    const p = rows(utf8(files['partnerships.csv']), 1);
    expect(p.length).toBeGreaterThanOrEqual(10);
    expect(p.length).toBeLessThanOrEqual(20);
    for (const r of p) expect(Number(r[4])).toBeGreaterThanOrEqual(2020), expect(Number(r[4])).toBeLessThanOrEqual(2023);
  });
});
