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
});
