/**
 * The site's address and the data edition (issue: links pointed at https://example.org and
 * nothing said which release of the data a page shows). The small fixture declares
 * `site_url: https://shkoly.test/` and an edition; the settings site declares neither.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { read, site, walk } from '../helpers/site-files.ts';

describe('site address and edition', () => {
  it('with site_url: canonical and og:url are absolute on it, the sitemap lists pages on it', () => {
    const dir = site('small');
    const html = read(join(dir, 'school', '003', 'index.html'));
    expect(html).toContain('<link rel="canonical" href="https://shkoly.test/school/003/">');
    expect(html).toContain('<meta property="og:url" content="https://shkoly.test/school/003/">');
    const sitemap = read(join(dir, 'sitemap.xml'));
    expect(sitemap).toContain('<loc>https://shkoly.test/municipalities/</loc>');
    // Each page once: a crawler reads a repeated address as a sloppy sitemap.
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs.length).toBeGreaterThan(10);
    expect(locs.filter((u, i) => locs.indexOf(u) !== i)).toEqual([]);
    // And every listed page exists in the site.
    for (const u of locs) expect(existsSync(join(dir, u.slice('https://shkoly.test/'.length), 'index.html')), u).toBe(true);
    expect(read(join(dir, 'robots.txt'))).toContain('Sitemap: https://shkoly.test/sitemap.xml');
  });

  it('a chart\'s iframe code is its own page opened at the chart, and no page is written for embeds alone', () => {
    const dir = site('small');
    const html = read(join(dir, 'school', '003', 'index.html'));
    const figures = [...html.matchAll(/<figure class="chart" id="(c-[\w-]+)"/g)].map((m) => m[1]);
    expect(figures.length).toBeGreaterThan(0);
    const codes = [...html.matchAll(/<textarea id="snippet-(c-[\w-]+)"[^>]*>&lt;iframe src=&quot;([^&]+)&quot;/g)].map((m) => [m[1], m[2]]);
    // One code per chart, each pointing at this page's address with that chart's anchor.
    expect(codes).toEqual(figures.map((id) => [id, `https://shkoly.test/school/003/#${id}`]));
    expect(existsSync(join(dir, 'embed'))).toBe(false);
  });

  it('the edition is in every page footer and every CSV of data/', () => {
    const dir = site('small');
    const pages = walk(dir).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(5);
    for (const f of pages) expect(read(f), f).toContain('Выпуск данных: Выпуск 2025 года, 1 сентября 2025 г.');
    const csvs = walk(join(dir, 'data')).filter((f) => f.endsWith('.csv'));
    expect(csvs.length).toBeGreaterThan(3);
    for (const f of csvs) {
      const [head, first] = read(f).replace(/^\ufeff/, '').split('\r\n');
      expect(head.split(',').slice(-2), f).toEqual(['edition', 'edition_date']);
      if (first) expect(first.endsWith(',Выпуск 2025 года,2025-09-01'), `${f}: ${first}`).toBe(true);
    }
  });

  it('without an address: no placeholder domain, no absolute links, no sitemap', () => {
    const dir = site('settings');
    for (const f of walk(dir).filter((f) => /\.(html|xml|txt)$/.test(f) && !f.includes('/pagefind/'))) {
      const text = read(f);
      expect(text.includes('example.org'), f).toBe(false);
      expect(text.includes('rel="canonical"'), f).toBe(false);
    }
    expect(existsSync(join(dir, 'sitemap.xml'))).toBe(false);
    expect(read(join(dir, 'robots.txt'))).not.toContain('Sitemap');
  });
});
