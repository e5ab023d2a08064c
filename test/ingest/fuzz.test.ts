/**
 * Seeded random inputs (CSV built from hostile atoms, manifests built from YAML atoms):
 * loading never throws, never ends in an «internal» error, and every manifest error has a
 * line and column.
 */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadDataset } from '../../src/lib/ingest/index.ts';

function rng(seed: number) {
  let s = seed;
  const next = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
  return { next, pick: <T,>(a: T[]) => a[Math.floor(next() * a.length)] };
}

const load = (files: Record<string, string>) =>
  loadDataset('/fuzz/ds', {
    env: {},
    realpath: async (p) => p,
    readFile: async (p) => {
      const k = p.split('/').pop()!;
      if (!(k in files)) throw Object.assign(new Error('нет файла'), { code: 'ENOENT' });
      return new TextEncoder().encode(files[k]);
    },
  });

describe('fuzz', () => {
  it('random CSV never throws or fails internally', async () => {
    const r = rng(12345);
    const atoms = ['"', '""', ';', ',', '\n', '\r\n', '\r', 'Итого', '001', '67,5', '1e3', ' ', '\t', '\u0000', 'х', '*', 'Школа', '2016', '2015/16', '-', '\uFEFF', 'id', 'name', 'mun', '"a"', '|'];
    const manifest = stringify({
      region: { name: 'F' }, source: { publisher: 'P', title: 'T' }, current_year: 2026,
      files: [
        { path: 's.csv', kind: 'schools', columns: { school_id: 'id', name: 'name', municipality_id: 'mun' } },
        { path: 'r.csv', kind: 'results', columns: { school_id: 'id', year: 'name', subject: 'mun', n: 'id' }, constants: { exam: 'ЕГЭ' } },
      ],
    });
    const csv = () => {
      let s = r.next() < 0.7 ? 'id;name;mun\n' : '';
      for (let i = Math.floor(r.next() * 60); i > 0; i--) s += r.pick(atoms);
      return s;
    };
    for (let it = 0; it < 400; it++) {
      const ds = await load({ 'dataset.yml': manifest, 's.csv': csv(), 'r.csv': csv() });
      expect(ds.problems.filter((p) => p.code === 'internal')).toEqual([]);
    }
  });
  it('random manifests never throw; their errors are located', async () => {
    const r = rng(777);
    const atoms = ['region:', ' name: X', '\n', '  ', 'files:', '- ', 'path: ', 's.csv', 'kind: schools', '&a ', '*a', '[', ']', '{', '}', ':', '"', "'", '!!binary ', '!foo ', '---\n', '...\n', '#c', 'files_dir: ', '../', '/etc', '${SHARED_DIR}', '${HOME}', 'columns: {school_id: id}', 'current_year: ', '2030', 'normalize: {school_id: {replace: {"(": ""}}}', '\t', '? ', '|\n', '>-\n', '<<: *a\n', '%YAML 1.2\n', 'null', '~', '.inf'];
    for (let it = 0; it < 600; it++) {
      let m = '';
      for (let i = Math.floor(r.next() * 40); i > 0; i--) m += r.pick(atoms);
      const ds = await load({ 'dataset.yml': m, 's.csv': 'id;name;mun\n1;a;b\n' });
      expect(ds.problems.filter((p) => p.code === 'internal')).toEqual([]);
      for (const p of ds.problems) if (p.file === 'dataset.yml') expect([p.line, p.column].every((x) => typeof x === 'number'), `${m} → ${p.message}`).toBe(true);
    }
  });
});
