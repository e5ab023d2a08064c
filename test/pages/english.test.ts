/**
 * Issue 9, «Languages»: the NYC manifest says `locale: en`, so its site is in English —
 * no Cyrillic in any page, CSV, JSON, feed or chart a reader opens or downloads (the script
 * bundles carry both catalogues and are left out), every page declares lang="en", and the
 * search index is built for English. The Russian sites keep lang="ru".
 */
import { join } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasSite, read, shouldCheck, site, walk } from '../helpers/site-files.ts';
import { cyrillicPhrases } from '../helpers/cyrillic.ts';

describe.skipIf(!shouldCheck('nyc'))('the NYC site in English', () => {
  it('has no Russian word in any page, download, feed or chart', () => {
    const left = [...cyrillicPhrases(site('nyc'))].map(([phrase, w]) => `${w.file}: ${phrase}`);
    expect(left.slice(0, 40), `${left.length} Cyrillic phrases`).toEqual([]);
  });

  it('declares English on every page and builds the search index for English', () => {
    const pages = walk(site('nyc')).filter((f) => f.endsWith('.html'));
    // Every school listed in the site's schools.csv has its page among them.
    const schools = read(join(site('nyc'), 'data', 'schools.csv')).trim().split('\n').length - 1;
    expect(schools).toBeGreaterThan(400);
    expect(pages.filter((f) => /\/school\/[^/]+\/index\.html$/.test(f)).length).toBe(schools);
    const notEnglish = pages.filter((f) => !/<html lang="en"/.test(read(f)));
    expect(notEnglish).toEqual([]);
    const entry = JSON.parse(readFileSync(join(site('nyc'), 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, unknown> };
    expect(Object.keys(entry.languages)).toEqual(['en']);
  });
});

describe.skipIf(!hasSite('demo'))('a Russian site', () => {
  it('declares Russian on its pages', () => {
    const home = join(site('demo'), 'index.html');
    expect(existsSync(home)).toBe(true);
    expect(read(home)).toMatch(/<html lang="ru"/);
  });
});
