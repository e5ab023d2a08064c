/**
 * Words follow the dataset: NYC's areas are school districts (settings.area_names), so the
 * navigation, headings and column heads say «школьный округ», never «муниципалитет».
 */
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { hasSite, read, site } from '../helpers/site-files.ts';

const skip = !hasSite('nyc') && process.env.REQUIRE_SHARED_DATA !== '1';

describe.skipIf(skip)('area names on the NYC site', () => {
  it('headings, navigation and table heads name school districts', () => {
    const dir = site('nyc');
    const texts: string[] = [];
    for (const page of ['index.html', 'municipalities/index.html', 'school/01M292/index.html', 'search/index.html']) {
      const { document } = parseHTML(read(join(dir, page)));
      for (const el of document.querySelectorAll('h1, h2, nav a, th, caption, dt, title')) texts.push((el.textContent ?? '').trim());
    }
    expect(texts.filter((t) => /униципалитет/i.test(t))).toEqual([]);
    expect(texts).toContain('Школьные округа');
    expect(texts).toContain('Сравнение: школьные округа');
    expect(texts.some((t) => t.startsWith('Школьный округ'))).toBe(true);
  });

  it('a chart summary names the district series in lower case mid-sentence', () => {
    const summaries: string[] = [];
    for (const page of ['school/01M292/index.html', 'school/03M283/index.html', 'school/03M299/index.html']) {
      const { document } = parseHTML(read(join(site('nyc'), page)));
      summaries.push(...[...document.querySelectorAll('.chart-summary')].map((p) => (p.textContent ?? '').replace(/\s+/g, ' ')));
    }
    const withArea = summaries.filter((t) => /году: .*округ —/.test(t));
    expect(withArea.length).toBeGreaterThan(0);
    for (const t of withArea) expect(t, t).toMatch(/году: школьный округ — /);
  });

  it('a dataset without settlement types does not print «Тип местности: не указан» on every school', () => {
    const { document } = parseHTML(read(join(site('nyc'), 'school/03M299/index.html')));
    const labels = [...document.querySelectorAll('.stat dt')].map((dt) => (dt.textContent ?? '').trim());
    expect(labels).toContain('Школьный округ');
    expect(labels).not.toContain('Тип местности');
  });
});

