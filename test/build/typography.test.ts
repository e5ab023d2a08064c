/**
 * Typography over every built page (issue 11): the pages are Russian (lang="ru") and
 * hyphenated, «№» never parts from its number, one quote style («») everywhere a reader
 * sees text, units stay with their numbers. Text inside scripts, styles and the embed
 * code box is code, not prose, and is left out.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { read, site, walk } from '../helpers/site-files.ts';

const RULES: [string, RegExp][] = [
  ['«№» followed by a breaking space', /№ /],
  ['a straight double quote', /"/],
  ['curly or low quotes instead of «»', /[“”„]/],
  ['a number parted from «%»', /\d %/],
  ['«п. п.» with a breaking space', /п\. п\./],
];

describe.each(['demo', 'small', 'settings'])('typography of the %s site', (name) => {
  it('every page: lang="ru", no «№ 5», no straight or curly quotes, units bound to numbers', () => {
    const bad: string[] = [];
    let pages = 0;
    for (const file of walk(site(name)).filter((f) => f.endsWith('.html'))) {
      const { document } = parseHTML(read(file));
      expect(document.documentElement.getAttribute('lang'), file).toBe('ru');
      for (const el of document.querySelectorAll('script, style, textarea')) el.remove();
      const texts = [document.title, document.body?.textContent ?? ''];
      for (const [what, re] of RULES) {
        for (const t of texts) {
          const m = t.match(re);
          if (m && bad.length < 20) bad.push(`${file.slice(site(name).length)}: ${what}: «…${t.slice(Math.max(0, m.index! - 30), m.index! + 30)}…»`);
        }
      }
      pages++;
    }
    expect(bad).toEqual([]);
    expect(pages).toBeGreaterThan(10);
  });

  it('the stylesheet hyphenates the page text', () => {
    const css = readFileSync(join(site(name), 'site.css'), 'utf8');
    expect(css).toMatch(/main[^{]*\{[^}]*hyphens:\s*auto/);
  });
});
