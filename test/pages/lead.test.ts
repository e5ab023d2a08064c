/**
 * The line under a page's heading does not say the heading's name again: a screen reader
 * read it twice, and every search result showed it twice («МБОУ «ООШ № 49» г. Северогорска.
 * МБОУ «ООШ № 49» г. Северогорска (город Северогорск): …»). Link previews and search engines
 * still get the name first, in the meta description.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { read, searchFragments, site } from '../helpers/site-files.ts';

/** Text as a reader sees it, whatever the typography: no-break spaces are spaces, «» and „“ are "". */
const plain = (s: string | null | undefined) =>
  (s ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/[«»„“”]/g, '"').replace(/\s+/g, ' ').trim();

function page(dir: string, path: string) {
  const { document } = parseHTML(read(join(dir, path, 'index.html')));
  return {
    h1: plain(document.querySelector('h1')?.textContent),
    lead: plain(document.querySelector('p.lead')?.textContent),
    meta: plain(document.querySelector('meta[name="description"]')?.getAttribute('content')),
  };
}

/** A data file's rows without its head; the demo's school list is in windows-1251 (its manifest says so). */
function csvRows(file: string, encoding = 'utf-8'): string[][] {
  const text = new TextDecoder(encoding).decode(readFileSync(file)).replace(/^\ufeff/, '');
  return Papa.parse<string[]>(text, { skipEmptyLines: true, delimiter: ';' }).data.slice(1);
}

describe('the lead under the heading', () => {
  it('a demo school: its area (capitalised) and what the page holds, the name only in the meta description', () => {
    // From the demo's own files: school 01049 is in area 01, «город Северогорск».
    const school = csvRows('data/demo/schools.csv', 'windows-1251').find((r) => r[0] === '01049')!;
    const area = csvRows('data/demo/municipalities.csv').find((r) => r[0] === school[2])![1];
    expect(area).toBe('город Северогорск');
    const p = page(site('demo'), 'school/01049');
    expect(p.h1).toBe(plain(school[1]));
    expect(p.lead.startsWith('Город Северогорск: результаты ОГЭ по годам')).toBe(true);
    expect(p.lead).not.toContain(p.h1);
    expect(p.meta).toBe(`${p.h1} (${area}): ${p.lead.slice(`${area}: `.length)}`);
  });

  it('every school and area page of the small site: the heading is not repeated, the meta description names it', () => {
    const dir = site('small');
    const areas = new Map(csvRows('test/fixtures/site-small/municipalities.csv').map((r) => [r[0], r[1]]));
    const schools = csvRows('test/fixtures/site-small/schools.csv');
    expect(schools.length).toBe(12);
    for (const [id, name, areaId] of schools) {
      const p = page(dir, `school/${id}`);
      const area = plain(areas.get(areaId)!);
      expect(p.h1, id).toBe(plain(name));
      expect(p.lead, id).not.toContain(plain(name));
      expect(p.lead.startsWith(`${area}: результаты ЕГЭ по годам`), `${id}: ${p.lead}`).toBe(true);
      expect(p.meta, id).toBe(`${plain(name)} (${area}): ${p.lead.slice(area.length + 2)}`);
    }
    for (const [areaId, name] of areas) {
      const count = schools.filter((r) => r[2] === areaId).length;
      const p = page(dir, `municipality/${areaId}`);
      expect(p.h1).toBe(plain(name));
      // «10 школ, разрыв…»: the count of the area's schools in schools.csv, then what the page holds.
      expect(p.lead.startsWith(`${count} школ`), p.lead).toBe(true);
      expect(p.lead).not.toContain(plain(name));
      expect(p.meta).toBe(`${plain(name)}: ${p.lead}`);
    }
  });

  it('the search index holds a school page\'s name once: in the heading, not again in the lead', () => {
    const fragment = searchFragments(site('demo')).find((f) => f.url === '/school/01049/')!;
    const name = plain(fragment.meta.title);
    expect(name).toBe(page(site('demo'), 'school/01049').h1);
    expect(plain(fragment.content).split(name).length - 1).toBe(1);
    expect(plain(fragment.content)).toContain('Город Северогорск: результаты ОГЭ');
  });
});
