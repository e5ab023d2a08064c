/**
 * Words follow the dataset: Moscow's areas are administrative districts and NYC's school
 * districts (settings.area_names), so the navigation, headings, column heads and chart
 * summaries say «административный округ» / “school district”, never «муниципалитет»; in
 * Russian the word is declined and lower-cased mid-sentence.
 */
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { read, shouldCheck, site } from '../helpers/site-files.ts';

const MOSCOW_SCHOOLS = ['1015', '1021', '1022'];
const NYC_SCHOOLS = ['01M292', '03M283', '03M299'];

function texts(dir: string, pages: string[], selector: string): string[] {
  return pages.flatMap((page) => {
    const { document } = parseHTML(read(join(dir, page)));
    return [...document.querySelectorAll(selector)].map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim());
  });
}

describe.skipIf(!shouldCheck('moscow'))('area names on the Moscow site', () => {
  it('headings, navigation and table heads name administrative districts', () => {
    const t = texts(site('moscow'), ['index.html', 'municipalities/index.html', `school/${MOSCOW_SCHOOLS[0]}/index.html`, 'search/index.html'], 'h1, h2, nav a, th, caption, dt, title');
    expect(t.filter((x) => /униципалитет/i.test(x))).toEqual([]);
    expect(t).toContain('Административные округа');
    expect(t).toContain('Сравнение: административные округа');
    expect(t).toContain('Административный округ');
  });

  it('a chart summary names the district series in lower case mid-sentence', () => {
    const summaries = texts(site('moscow'), MOSCOW_SCHOOLS.map((id) => `school/${id}/index.html`), '.chart-summary');
    const withArea = summaries.filter((x) => /году: .*округ — /.test(x));
    expect(withArea.length).toBeGreaterThan(0);
    for (const x of withArea) expect(x, x).toMatch(/году: административный округ — /);
  });
});

describe.skipIf(!shouldCheck('nyc'))('area names on the NYC site', () => {
  it('headings, navigation and table heads name school districts', () => {
    const t = texts(site('nyc'), ['index.html', 'municipalities/index.html', `school/${NYC_SCHOOLS[0]}/index.html`, 'search/index.html'], 'h1, h2, nav a, th, caption, dt, title');
    expect(t.filter((x) => /municipalit/i.test(x))).toEqual([]);
    expect(t).toContain('School districts');
    expect(t).toContain('School district');
  });

  it('a dataset without settlement types does not print a settlement line on every school', () => {
    const labels = texts(site('nyc'), [`school/${NYC_SCHOOLS[2]}/index.html`], '.stat dt');
    expect(labels).toContain('School district');
    expect(labels.filter((x) => /settlement|area type/i.test(x))).toEqual([]);
  });
});
