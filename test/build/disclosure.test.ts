/**
 * Disclosure scanner (METRICS.md §6): reads what a visitor can download from the built
 * sites and proves that no figure resting on fewer than the minimum participants is
 * there, including by subtraction from a published municipal figure.
 */
import { plainColumns } from '../../src/lib/model/types.ts';
import { DEFAULT_SETTINGS } from '../../src/lib/model/config.ts';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/lib/ingest/index.ts';
import { slugify } from '../../src/lib/format/slug.ts';
import { schoolPageCsv, shouldCheck, read, site, walk } from '../helpers/site-files.ts';

const EXAM_SLUG: Record<string, string> = { 'ЕГЭ': 'ege', 'ОГЭ': 'oge' }; // ranked exams with school charts

function csv(file: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(read(file).replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true }).data;
}

describe.each([
  ['demo', 'data/demo'],
  ['small', 'test/fixtures/site-small'],
])('disclosure control: %s', (name, data) => {
  it('hides every result of a group below the minimum in results.csv', async () => {
    const ds = await loadDataset(resolve(data));
    const min = ds.settings.min_participants;
    const t = plainColumns(ds.tables.results);
    const small = new Set<string>();
    for (let i = 0; i < t.school_id.length; i++) {
      if (t.n_state[i] === 'value' && (t.n[i] as number) < min) small.add(`${t.school_id[i]}|${t.year[i]}|${t.exam[i]}|${t.subject[i]}|${t.grade[i] ?? ''}`);
    }
    expect(small.size).toBeGreaterThan(0);
    const rows = csv(join(site(name), 'data', 'results.csv'));
    let seen = 0;
    for (const r of rows) {
      if (r.n_state === 'value') expect(Number(r.n), `${r.school_id} ${r.year} ${r.subject}`).toBeGreaterThanOrEqual(min);
      if (small.has(`${r.school_id}|${r.year}|${r.exam}|${r.subject}|${r.grade ?? ''}`)) {
        seen++;
        for (const m of ['n', 'mean', 'share_below', 'share_good', 'share_high']) {
          expect(r[m], `${r.school_id} ${r.year} ${r.subject} ${m}`).toBe('');
          expect(r[`${m}_state`]).not.toBe('value');
        }
      }
    }
    expect(seen).toBe(small.size);
  });

  it('shows no small group’s value in any school chart, and no single hidden school beside a published municipal figure', async () => {
    const ds = await loadDataset(resolve(data));
    const min = ds.settings.min_participants;
    const t = plainColumns(ds.tables.results);
    const munOf = new Map<string, string>();
    ds.tables.schools.school_id.forEach((id, i) => munOf.set(id as string, ds.tables.schools.municipality_id[i] as string));
    // municipality|year|exam|subject → schools with a row, and which of them are below the minimum
    const groups = new Map<string, { schools: string[]; small: string[]; n: Map<string, number> }>();
    const smallRows = new Map<string, Set<number>>(); // school|exam|subject → years below the minimum
    for (let i = 0; i < t.school_id.length; i++) {
      const exam = t.exam[i] as string;
      if (!EXAM_SLUG[exam]) continue;
      const sid = t.school_id[i] as string;
      const k = `${munOf.get(sid)}|${t.year[i]}|${exam}|${t.subject[i]}`;
      const g = groups.get(k) ?? { schools: [], small: [], n: new Map<string, number>() };
      g.schools.push(sid);
      if (t.n_state[i] === 'value') g.n.set(sid, t.n[i] as number);
      const isSmall = t.n_state[i] === 'value' && (t.n[i] as number) < min;
      if (isSmall) {
        g.small.push(sid);
        const sk = `${sid}|${exam}|${t.subject[i]}`;
        smallRows.set(sk, (smallRows.get(sk) ?? new Set()).add(t.year[i] as number));
      }
      groups.set(k, g);
    }
    const dir = site(name);
    let checked = 0;
    const publishedMunicipal = new Set<string>();
    for (const [sk, years] of smallRows) {
      const [sid, exam, subject] = sk.split('|');
      // Every number a visitor can download from the school's page.
      for (const row of schoolPageCsv(dir, slugify(sid), sid)) {
        if (!row['таблица'].startsWith(`${exam}, ${subject}:`)) continue;
        const year = Number(row['строка']);
        if (row['столбец'].startsWith('Школа') && years.has(year)) {
          checked++;
          expect(row['значение'], `${sid} ${subject} ${year}`).not.toMatch(/^[\d.]+$/);
        }
        if (row['столбец'].startsWith('Муниципалитет') && /^[\d.]+$/.test(row['значение'])) publishedMunicipal.add(`${munOf.get(sid)}|${year}|${exam}|${subject}`);
      }
    }
    expect(checked).toBeGreaterThan(0);
    // Subtraction: where a municipal figure is published, the municipal total less the
    // published schools must not give back one hidden school, nor hidden schools that
    // together have fewer than the minimum participants.
    let hiddenSets = 0;
    for (const k of publishedMunicipal) {
      const g = groups.get(k)!;
      const hidden = new Set(g.small);
      const results = csv(join(dir, 'data', 'results.csv'));
      const [mun, year, exam, subject] = k.split('|');
      for (const r of results) {
        if (r.year === year && r.exam === exam && r.subject === subject && munOf.get(r.school_id) === mun && r.mean_state === 'suppressed') hidden.add(r.school_id);
      }
      expect(hidden.size === 1 && g.schools.length > 1, `${k}: one hidden school next to a published municipal figure`).toBe(false);
      if (hidden.size === 0 || hidden.size === g.schools.length) continue;
      hiddenSets++;
      const hiddenN = [...hidden].reduce((sum, id) => sum + (g.n.get(id) ?? 0), 0);
      expect(hiddenN, `${k}: hidden schools ${[...hidden].join(', ')} together`).toBeGreaterThanOrEqual(min);
    }
    // The demo has municipal figures published beside hidden schools; in the small fixture
    // every such figure is hidden with its schools.
    if (name === 'demo') expect(hiddenSets).toBeGreaterThan(0);
  });

  it('top- and bottom-codes 0 % and 100 % in groups below the reliability minimum', async () => {
    const ds = await loadDataset(resolve(data));
    const rows = csv(join(site(name), 'data', 'results.csv'));
    for (const r of rows) {
      if (r.n_state !== 'value' || Number(r.n) >= ds.settings.reliability_min) continue;
      for (const m of ['share_below', 'share_good', 'share_high']) {
        if (r[`${m}_state`] === 'value') expect(['0', '100'], `${r.school_id} ${r.year} ${r.subject} ${m}`).not.toContain(r[m]);
      }
    }
  });

  it('publishes no participant count below the minimum in any HTML table', async () => {
    const ds = await loadDataset(resolve(data));
    const min = ds.settings.min_participants;
    let counts = 0;
    for (const file of walk(site(name)).filter((f) => f.endsWith('.html'))) {
      const { document } = parseHTML(read(file));
      for (const table of document.querySelectorAll('table')) {
        const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent!.trim());
        const col = heads.findIndex((h) => /^Участник/.test(h));
        if (col < 0) continue;
        for (const tr of table.querySelectorAll('tbody tr')) {
          const text = tr.children[col]?.textContent?.trim() ?? '';
          if (!/^\d[\d\u00a0]*$/.test(text)) continue;
          counts++;
          expect(Number(text.replace(/\u00a0/g, '')), `${file}: ${tr.children[0].textContent}`).toBeGreaterThanOrEqual(min);
        }
      }
    }
    expect(counts).toBeGreaterThan(0);
  });
});


describe('below_region on the demo: only subject groups of ≥ 10 make a school mean', () => {
  it('a school-year whose every 100-point ЕГЭ subject has fewer than 10 graduates has no value', async () => {
    const ds = await loadDataset(resolve('data/demo'));
    const min = ds.settings.min_participants;
    const subjects = new Set(Object.keys(ds.settings.ege_pass));
    const t = plainColumns(ds.tables.results);
    const some = new Set<string>();
    const large = new Set<string>();
    for (let i = 0; i < t.school_id.length; i++) {
      if (t.exam[i] !== 'ЕГЭ' || !subjects.has(t.subject[i] as string) || t.n_state[i] !== 'value' || t.mean_state[i] !== 'value') continue;
      const k = `${t.school_id[i]}|${t.year[i]}`;
      some.add(k);
      if ((t.n[i] as number) >= min) large.add(k);
    }
    const onlySmall = [...some].filter((k) => !large.has(k));
    expect(onlySmall.length).toBeGreaterThan(0);
    const flags = csv(join(site('demo'), 'data', 'flags.csv')).filter((f) => f.rule === 'below_region');
    // flags.csv holds the latest year and every fired rule; check what it holds.
    let checked = 0;
    for (const k of onlySmall) {
      const [sid, year] = k.split('|');
      const f = flags.find((x) => x.school_id === sid && x.year === year);
      if (!f) continue;
      checked++;
      expect(f.value, k).toBe('');
    }
    expect(checked).toBeGreaterThan(0);
  });
});
