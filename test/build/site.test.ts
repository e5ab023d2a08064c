/**
 * The built demo and fixture sites, read from dist/: every school and municipality of
 * the input has a page, every chart has a summary and a data table, the per-page CSV
 * holds the numbers shown, and hostile names render as text everywhere.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/lib/ingest/index.ts';
import { slugify } from '../../src/lib/format/slug.ts';
import { read, schoolPageCsv, site, walk } from '../helpers/site-files.ts';

async function inputIds(data: string) {
  const ds = await loadDataset(resolve(data));
  return {
    schools: ds.tables.schools.school_id as string[],
    municipalities: ds.tables.municipalities.municipality_id as string[],
  };
}

function doc(file: string) {
  return parseHTML(read(file)).document;
}

describe.each([
  ['demo', 'data/demo'],
  ['small', 'test/fixtures/site-small'],
])('built site: %s', (name, data) => {
  it('has a page for every school and municipality of the input', async () => {
    const dir = site(name);
    const ids = await inputIds(data);
    expect(ids.schools.length).toBeGreaterThan(0);
    for (const id of ids.schools) expect(existsSync(join(dir, 'school', slugify(id), 'index.html')), `school ${id}`).toBe(true);
    for (const id of ids.municipalities) expect(existsSync(join(dir, 'municipality', slugify(id), 'index.html')), `municipality ${id}`).toBe(true);
    for (const p of ['', 'indicators', 'methodology', 'data', 'sources', 'compare', 'search']) expect(existsSync(join(dir, p, 'index.html')), p).toBe(true);
  });

  it('gives every chart a title, a summary with a number, an inline SVG and a data table', () => {
    const dir = site(name);
    let charts = 0;
    for (const file of walk(dir).filter((f) => f.endsWith('.html'))) {
      for (const fig of doc(file).querySelectorAll('figure.chart')) {
        charts++;
        const where = `${file}: ${fig.querySelector('.chart-title')?.textContent}`;
        expect(fig.querySelector('.chart-title')?.textContent?.trim(), where).toBeTruthy();
        expect(fig.querySelector('.chart-summary')?.textContent ?? '', where).toMatch(/\d/);
        expect(fig.querySelector('svg'), where).not.toBeNull();
        expect(fig.querySelector('details table tbody tr'), where).not.toBeNull();
      }
    }
    expect(charts).toBeGreaterThan(10);
  });

  it('puts the demo banner on every page', () => {
    for (const file of walk(site(name)).filter((f) => f.endsWith('.html'))) {
      expect(read(file), file).toContain('Демонстрационные данные');
    }
  });
});

describe('per-page CSV', () => {
  it('holds exactly the numbers of the tables on the page', () => {
    const dir = site('demo');
    const pages = walk(join(dir, 'school')).filter((f) => f.endsWith('index.html')).slice(0, 40);
    const schoolsCsv = Papa.parse<Record<string, string>>(read(join(dir, 'data', 'schools.csv')).replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true }).data;
    const idBySlug = new Map(schoolsCsv.map((r) => [slugify(r.school_id), r.school_id]));
    const schoolIdOf = (rel: string) => idBySlug.get(rel.slice('school/'.length))!;
    pages.push(join(dir, 'index.html'));
    for (const file of pages) {
      const d = doc(file);
      const rel = file.slice(dir.length + 1).replace(/\/?index\.html$/, '') || 'index';
      // A school's numbers are in its area's file, its rows led by its code; other pages have their own.
      const csv = rel.startsWith('school/')
        ? schoolPageCsv(dir, rel.slice('school/'.length), schoolIdOf(rel))
        : Papa.parse<Record<string, string>>(read(join(dir, 'page-data', `${rel}.csv`)).replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true }).data;
      expect(csv.length, rel).toBeGreaterThan(0);
      // Every numeric cell on the page (ru-RU text) appears in the CSV with the same value.
      const csvValues = new Set(csv.map((r) => `${r['таблица']}|${r['строка']}|${r['столбец']}|${r['значение']}`));
      let checked = 0;
      for (const table of d.querySelectorAll('table')) {
        const caption = table.querySelector('caption')?.textContent?.trim() ?? '';
        const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent!.trim());
        for (const tr of table.querySelectorAll('tbody tr')) {
          const cells = [...tr.children];
          const rowLabel = cells[0].textContent!.trim();
          cells.slice(1).forEach((td, i) => {
            if (!td.classList.contains('num')) return;
            const text = td.textContent!.trim();
            const m = text.match(/^[−-]?[\d\u00a0\u202f ]+(,\d+)?(\u00a0%)?$/);
            if (!m) return;
            const value = Number(text.replace(/[\u00a0\u202f %]/g, '').replace(',', '.').replace('−', '-'));
            expect(csvValues.has(`${caption}|${rowLabel}|${heads[i + 1]}|${value}`), `${rel}: ${caption} / ${rowLabel} / ${heads[i + 1]} = ${text}`).toBe(true);
            checked++;
          });
        }
      }
      expect(checked, rel).toBeGreaterThan(0);
    }
  });
});

describe('hostile names render as text', () => {
  it('never turns the fixture’s hostile names into markup', () => {
    const dir = site('small');
    const html = walk(dir).filter((f) => f.endsWith('.html'));
    expect(html.length).toBeGreaterThan(10);
    for (const f of html) {
      // Parsed as a browser would: the names must be text, never elements.
      const d = parseHTML(read(f)).document;
      for (const s of d.querySelectorAll('script')) expect(s.textContent ?? '', f).not.toContain('alert(1)');
      for (const b of d.querySelectorAll('b')) expect(b.textContent, f).not.toBe('окрестности');
    }
    // CSV downloads are text/csv data and keep the name exactly as published (checked below);
    // JSON, XML and text files must not carry a raw tag at all.
    for (const f of walk(dir).filter((f) => /\.(json|xml|txt)$/.test(f))) {
      const text = read(f);
      expect(text.includes('<script>alert(1)</script>'), f).toBe(false);
      expect(text.includes('<b>окрестности</b>'), f).toBe(false);
    }
    const page = read(join(dir, 'school', '003', 'index.html'));
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const og = parseHTML(page).document.querySelector('meta[property="og:title"]');
    expect(og?.getAttribute('content')).toBe('<script>alert(1)</script> — Тестовая область');
  });

  it('keeps names verbatim in CSV data but defuses a formula-like one', () => {
    const csv = read(join(site('small'), 'data', 'schools.csv'));
    expect(csv).toContain('<script>alert(1)</script>');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });
});
