/**
 * The Moscow and NYC open-data sites pass the page checks of the demo: a page for every
 * school and municipality of the published file, every chart with a summary and a data
 * table, the disclosure rules (nothing resting on fewer than 10 participants; NYC's own
 * «s» suppression kept as «скрыто», never 0), and the real publisher and licence named.
 * The expected ids, counts and small groups come from the raw files read here.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { slugify } from '../../src/lib/format/slug.ts';
import { read, schoolPageCsv, site, walk } from '../helpers/site-files.ts';
import { MIN_PARTICIPANTS, URL_SAFE, doc, rawCsv, siteCsv, skipWithoutShared, text } from './shared.ts';

interface RawSchool {
  id: string;
  municipality: string;
  /** Participants per published subject row; null = suppressed by the publisher. */
  n: number | null;
  /** Subjects whose score the publisher suppressed («s»). */
  suppressed: string[];
}

/** What a site's pages call things, in its language (Moscow: Russian, NYC: English). */
interface SiteWords {
  resultsCaption: string;
  participants: string;
  scoreHeads: RegExp;
  hidden: RegExp;
  csv: { table: string; column: string; value: string };
  school: RegExp;
  position: string;
  demo: string;
}

interface RealSite {
  name: 'moscow' | 'nyc';
  words: SiteWords;
  schools: () => RawSchool[];
  municipalityName: (id: string) => string;
  publisher: string;
  licence: string;
  urls: string[];
}

const NYC_SUBJECTS: Record<string, string> = {
  'SAT Critical Reading Avg. Score': 'Critical Reading',
  'SAT Math Avg. Score': 'Math',
  'SAT Writing Avg. Score': 'Writing',
};

const SITES: RealSite[] = [
  {
    name: 'moscow',
    words: {
      resultsCaption: 'Результаты экзаменов (ЕГЭ) в 2016 году',
      participants: 'Участников',
      scoreHeads: /Средний балл|Высокие баллы/,
      hidden: /^скрыто/,
      csv: { table: 'таблица', column: 'столбец', value: 'значение' },
      school: /^Школа(,|$)/,
      position: 'Место школы',
      demo: 'Демонстрационные данные',
    },
    schools: () =>
      rawCsv('moscow-ege-2016/data-9722-2016-10-31.csv', ';').map((r) => ({ id: r.ID, municipality: r.AdmArea, n: Number(r.PASSED_NUMBER_FULL), suppressed: [] })),
    municipalityName: (id) => id,
    publisher: 'Департамент образования города Москвы',
    licence: 'Открытые данные Правительства Москвы',
    urls: ['https://data.mos.ru/opendata/9722'],
  },
  {
    name: 'nyc',
    words: {
      resultsCaption: 'Exam results (SAT) in 2012',
      participants: 'Participants',
      scoreHeads: /Mean score|High scores/,
      hidden: /^hidden/,
      csv: { table: 'table', column: 'column', value: 'value' },
      school: /^School(,|$)/,
      position: 'The school\u2019s rank',
      demo: 'Demonstration data',
    },
    schools: () =>
      rawCsv('nyc-doe/sat_results.csv', ',').map((r) => ({
        id: r.DBN,
        municipality: r.DBN.slice(0, 2),
        n: r['Num of SAT Test Takers'] === 's' ? null : Number(r['Num of SAT Test Takers']),
        suppressed: Object.keys(NYC_SUBJECTS).filter((c) => r[c] === 's').map((c) => NYC_SUBJECTS[c]),
      })),
    municipalityName: (id) => `School district ${id}`,
    publisher: 'New York City Department of Education (NYC DOE)',
    licence: 'NYC Open Data',
    urls: ['https://data.cityofnewyork.us/Education/2012-SAT-Results/f9bf-2cp4'],
  },
];

const memo = new Map<string, RawSchool[]>();
const rawSchools = (s: RealSite) => memo.get(s.name) ?? memo.set(s.name, s.schools()).get(s.name)!;
/** The page segment: a URL-safe published code is kept as it is; anything else goes through slugify. */
const slugOf = (id: string) => (URL_SAFE.test(id) ? id : slugify(id));
const isNumber = (t: string) => /^[−-]?[\d\u00a0\u202f ]+(,\d+)?(\u00a0?%)?$/.test(t);

describe.skipIf(skipWithoutShared('страницы сайтов Москвы и Нью-Йорка'))('real open-data sites', () => {
  describe.each(SITES)('$name', (s) => {
    it('has a page for every school and municipality of the published file, and no other', () => {
      const dir = site(s.name);
      const schools = rawSchools(s);
      expect(schools.length).toBeGreaterThan(400);
      expect(new Set(schools.map((x) => x.id)).size).toBe(schools.length);
      for (const x of schools) expect(existsSync(join(dir, 'school', slugOf(x.id), 'index.html')), `school ${x.id}`).toBe(true);
      // Nearly all published codes (Moscow ID, NYC DBN) are URL-safe, so the permalink is the code.
      expect(schools.filter((x) => !URL_SAFE.test(x.id)).length).toBeLessThanOrEqual(s.name === 'nyc' ? 1 : 0);
      expect(readdirSync(join(dir, 'school')).length).toBe(schools.length);
      const muns = [...new Set(schools.map((x) => x.municipality))].sort();
      // The region page links each municipality (a list and a table may both link it).
      const links = new Map<string, string>();
      for (const a of doc(join(dir, 'index.html')).querySelectorAll('#municipalities a[href^="/municipality/"]')) links.set(a.getAttribute('href')!, text(a));
      expect([...new Set(links.values())].sort()).toEqual(muns.map(s.municipalityName).sort());
      expect(links.size).toBe(muns.length);
      for (const [href, name] of links) expect(existsSync(join(dir, href, 'index.html')), name).toBe(true);
      expect(readdirSync(join(dir, 'municipality')).length).toBe(muns.length);
      for (const p of ['', 'indicators', 'methodology', 'data', 'sources', 'compare', 'search']) expect(existsSync(join(dir, p, 'index.html')), p).toBe(true);
      // schools.csv points at the same pages.
      const csv = siteCsv(join(dir, 'data', 'schools.csv'));
      expect(csv.map((r) => [r.school_id, r.page]).sort()).toEqual(schools.map((x) => [x.id, `/school/${slugOf(x.id)}/`]).sort());
    });

    it('gives every chart a title, a summary with a number, an inline SVG and a data table', () => {
      let charts = 0;
      for (const file of walk(site(s.name)).filter((f) => f.endsWith('.html'))) {
        for (const fig of doc(file).querySelectorAll('figure.chart')) {
          charts++;
          const where = `${file}: ${text(fig.querySelector('.chart-title'))}`;
          expect(text(fig.querySelector('.chart-title')), where).toBeTruthy();
          expect(text(fig.querySelector('.chart-summary')), where).toMatch(/\d/);
          expect(fig.querySelector('svg'), where).not.toBeNull();
          expect(fig.querySelector('details table tbody tr'), where).not.toBeNull();
        }
      }
      expect(charts).toBeGreaterThan(rawSchools(s).length);
    });

    it('publishes no result of a group below 10 participants in results.csv', () => {
      const small = new Set(rawSchools(s).filter((x) => x.n !== null && x.n < MIN_PARTICIPANTS).map((x) => x.id));
      expect(small.size).toBeGreaterThan(0);
      const rows = siteCsv(join(site(s.name), 'data', 'results.csv'));
      let seen = 0;
      for (const r of rows) {
        const where = `${r.school_id} ${r.subject}`;
        if (r.n_state === 'value') expect(Number(r.n), where).toBeGreaterThanOrEqual(MIN_PARTICIPANTS);
        if (small.has(r.school_id) || r.n_state !== 'value') {
          if (small.has(r.school_id)) seen++;
          for (const m of ['n', 'mean', 'share_below', 'share_good', 'share_high']) {
            expect(r[m], `${where} ${m}`).toBe('');
            expect(r[`${m}_state`], `${where} ${m}`).not.toBe('value');
          }
        }
      }
      expect(seen).toBeGreaterThanOrEqual(small.size);
    });

    it('shows «скрыто» (hidden) on the school page of every small or publisher-suppressed school, never a number', () => {
      const dir = site(s.name);
      const hidden = rawSchools(s).filter((x) => x.n === null || x.n < MIN_PARTICIPANTS || x.suppressed.length > 0);
      expect(hidden.length).toBeGreaterThan(0);
      for (const x of hidden) {
        const d = doc(join(dir, 'school', slugOf(x.id), 'index.html'));
        // Moscow publishes ЕГЭ of 2016, NYC the SAT of 2012 (the manifests' constants).
        const w = s.words;
        const table = [...d.querySelectorAll('table')].find((t) => text(t.querySelector('caption')) === w.resultsCaption);
        expect(table, x.id).toBeTruthy();
        const heads = [...table!.querySelectorAll('thead th')].map(text);
        const nCol = heads.indexOf(w.participants);
        expect(nCol, heads.join(' | ')).toBeGreaterThanOrEqual(0);
        const scoreCols = heads.map((h, i) => (w.scoreHeads.test(h) ? i : -1)).filter((i) => i >= 0);
        for (const tr of table!.querySelectorAll('tbody tr')) {
          const cells = [...tr.children].map(text);
          const where = `${x.id} ${cells[0]}`;
          expect(cells[nCol], where).toMatch(w.hidden);
          for (const i of scoreCols) expect(isNumber(cells[i]), `${where}: ${heads[i]} = ${cells[i]}`).toBe(false);
        }
        // The numbers a visitor can download from the page: no school value either.
        for (const r of schoolPageCsv(dir, slugOf(x.id), x.id)) {
          if (w.school.test(r[w.csv.column]) || r[w.csv.column] === w.participants) expect(r[w.csv.value], `${x.id} ${r[w.csv.table]}`).not.toMatch(/^-?[\d.]+$/);
        }
      }
    });

    it('hides no school result of 10 or more participants to protect a total (the total is withheld instead)', () => {
      const rows = siteCsv(join(site(s.name), 'data', 'results.csv'));
      const measure = s.name === 'moscow' ? 'share_high' : 'mean';
      const hidden = rows.filter((r) => r.n_state === 'value' && Number(r.n) >= 10 && r[`${measure}_state`] === 'suppressed');
      expect(hidden.map((r) => `${r.school_id} ${r.subject}`)).toEqual([]);
    });

    it('names the real publisher, licence and address on the sources page, and no demo banner', () => {
      const dir = site(s.name);
      const d = doc(join(dir, 'sources', 'index.html'));
      const page = text(d.querySelector('main'));
      expect(page).toContain(s.publisher);
      expect(page).toContain(s.licence);
      const hrefs = [...d.querySelectorAll('main a')].map((a) => a.getAttribute('href'));
      for (const u of s.urls) expect(hrefs).toContain(u);
      for (const f of ['index.html', join('school', slugOf(rawSchools(s)[0].id), 'index.html')]) {
        expect(read(join(dir, f)), f).not.toContain(s.words.demo);
      }
    });
  });

  it('NYC: «s» cells stay suppressed in results.csv, never 0', () => {
    const raw = rawSchools(SITES[1]);
    const rows = siteCsv(join(site('nyc'), 'data', 'results.csv'));
    let checked = 0;
    for (const x of raw) {
      for (const subject of x.suppressed) {
        const r = rows.find((y) => y.school_id === x.id && y.subject === subject);
        expect(r, `${x.id} ${subject}`).toBeTruthy();
        expect([r!.mean, r!.mean_state], `${x.id} ${subject}`).toEqual(['', 'suppressed']);
        if (x.n === null) expect([r!.n, r!.n_state], `${x.id} n`).toEqual(['', 'suppressed']);
        checked++;
      }
    }
    // 57 schools have all four cells «s» (participants and the three sections).
    const all = raw.filter((x) => x.suppressed.length > 0);
    expect(all.length).toBe(57);
    expect(all.every((x) => x.n === null && x.suppressed.length === 3)).toBe(true);
    expect(checked).toBe(57 * 3);
    expect(rows.filter((r) => r.mean === '0' || r.n === '0')).toEqual([]);
  });
  it('NYC: the region gap, withheld for disclosure, is said to be withheld, not impossible', () => {
    // Eligible: schools whose SAT cells are published with ≥ 10 takers (every subject shares n).
    const eligible = rawSchools(SITES[1]).filter((x) => x.n !== null && x.n >= MIN_PARTICIPANTS && x.suppressed.length === 0).length;
    const set = 'Critical Reading + Math + Writing';
    const row = siteCsv(join(site('nyc'), 'data', 'gap.csv')).find((r) => r.scope === 'region' && r.subject_set === set && r.year === '2012')!;
    expect(row.eligible).toBe(String(eligible));
    const intro = text(doc(join(site('nyc'), 'index.html')).querySelector('#gap'));
    expect(intro).not.toContain('cannot be calculated');
    if (row.gap === '') {
      const group = row.bottom_mean === '' ? 'bottom 10%' : 'top 10%';
      expect(intro).toContain(`In 2012 the gap was calculated over ${eligible.toLocaleString('en-US')} schools but is not published: the ${group} group includes`);
    } else {
      expect(intro).toContain(`the gap is ${Number(row.gap).toFixed(1)}`);
    }
  });
  it('Moscow: a one-year dataset says «За 2016 год», and a one-subject set «по предмету»', () => {
    // Every Moscow school has one year (2015/16) and one «subject», the three-subject total.
    const verdicts = walk(join(site('moscow'), 'school'))
      .filter((f) => f.endsWith('index.html'))
      .map((f) => text(doc(f).querySelector('.verdict')));
    expect(verdicts.length).toBeGreaterThan(500);
    for (const v of verdicts) {
      expect(v, v).not.toMatch(/2016–2016|по предметам «Сумма трёх предметов»/);
    }
    expect(verdicts.filter((v) => v.includes('За 2016 год опубликован один результат') && v.includes('по предмету «Сумма трёх предметов»')).length).toBeGreaterThan(400);
    // The region's verdict speaks of the data's one year, not of 2014–2016.
    const region = text(doc(join(site('moscow'), 'index.html')).querySelector('.verdict'));
    expect(region).toContain('За 2016 год');
    expect(region).not.toContain('2014');
  });
});
