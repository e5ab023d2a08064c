/**
 * Hostile names in the search index and in link previews. The fixture has a school named
 * `<script>alert(1)</script>` and a municipality `Город «Проба» & <b>окрестности</b>`.
 * Pagefind keeps page text as text (JSON strings in gzip fragments) and its runtime
 * escapes it before building the HTML excerpt the search UI shows; the test reads the
 * fragments and runs a real search with pagefind.js to check both. Open Graph tags must
 * carry the names as attribute text that parses back to exactly the name.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../src/lib/build/serve.ts';
import { read, searchFragments as fragments, site, walk } from '../helpers/site-files.ts';

const SCHOOL = '<script>alert(1)</script>';
const MUNICIPALITY = 'Город «Проба» & <b>окрестности</b>';

describe('search index', () => {
  it('stores the hostile names as plain text of the right pages, nothing else', () => {
    const all = fragments(site('small'));
    expect(all.length).toBeGreaterThan(10);
    const school = all.find((f) => f.url === '/school/003/')!;
    expect(school.meta.title).toBe(SCHOOL);
    expect(school.content).toContain(SCHOOL);
    expect(all.find((f) => f.url === '/municipality/M2/')!.meta.title).toBe(MUNICIPALITY);
    for (const f of all) {
      // Text, not markup: no entity-encoded copies (double escaping) and no other tags.
      expect(f.content, f.url).not.toMatch(/&lt;|&amp;|&quot;/);
      const tags = [...f.content.matchAll(/<\/?([a-z][a-z0-9]*)\b[^>]*>/gi)].map((m) => m[0]);
      expect(tags.filter((t) => !['<script>', '</script>', '<b>', '</b>'].includes(t)), f.url).toEqual([]);
    }
  });

  describe('search results as the search page shows them', () => {
    let server: Server;
    let pagefind: {
      options(o: object): Promise<void>;
      search(q: string): Promise<{ results: { data(): Promise<{ url: string; excerpt: string; meta: Record<string, string> }> }[] }>;
      destroy?(): Promise<void>;
    };
    beforeAll(async () => {
      server = await serveStatic(site('small'));
      const port = (server.address() as AddressInfo).port;
      pagefind = await import(/* @vite-ignore */ pathToFileURL(join(site('small'), 'pagefind', 'pagefind.js')).href);
      await pagefind.options({ basePath: `http://127.0.0.1:${port}/pagefind/`, baseUrl: '/' });
    });
    afterAll(async () => {
      await pagefind?.destroy?.();
      await new Promise<void>((ok) => server.close(() => ok()));
    });

    it.each([
      ['alert', '/school/003/', SCHOOL],
      ['окрестности', '/municipality/M2/', MUNICIPALITY],
    ])('“%s”: the excerpt (inserted as HTML) holds the name as text', async (query, url, name) => {
      const { results } = await pagefind.search(query);
      const data = await Promise.all(results.map((r) => r.data()));
      const hit = data.find((d) => d.url === url);
      expect(hit, `${url} in ${data.map((d) => d.url)}`).toBeDefined();
      for (const d of data) {
        // The UI does `excerpt.innerHTML = …`: parse it the same way.
        const { document } = parseHTML(`<!doctype html><html><body><p>${d.excerpt}</p></body></html>`);
        const elements = [...document.body.querySelectorAll('*')].map((e) => e.localName);
        expect(elements.filter((e) => e !== 'p' && e !== 'mark'), d.url).toEqual([]);
      }
      const text = parseHTML(`<!doctype html><html><body><p>${hit!.excerpt}</p></body></html>`).document.body.textContent;
      expect(text).toContain(name.includes('<b>') ? '<b>окрестности</b>' : name);
      // The title is set as text by the UI, so it must be the name itself, unescaped.
      expect(hit!.meta.title).toBe(name);
    });
  });
});

describe('Open Graph and other meta tags', () => {
  const pages: [string, string][] = [
    ['school/003/index.html', SCHOOL],
    ['municipality/M2/index.html', MUNICIPALITY],
  ];
  it.each(pages)('%s: og:title and descriptions carry the name as text', (file, name) => {
    const html = read(join(site('small'), file));
    const { document } = parseHTML(html);
    const og = (p: string) => document.querySelector(`meta[property="${p}"]`)?.getAttribute('content') ?? '';
    expect(og('og:title').startsWith(name), og('og:title')).toBe(true);
    expect(og('og:description')).toContain(name);
    expect(document.querySelector('meta[name="description"]')?.getAttribute('content')).toContain(name);
    expect(document.title.startsWith(name)).toBe(true);
    // Escaped in the markup: quotes and ampersands as entities, so the attribute ends
    // where it should and no element or attribute comes out of the name.
    const raw = /<meta property="og:title" content="([^"]*)"/.exec(html)![1];
    expect(raw).not.toMatch(/&(?!amp;|quot;|lt;|gt;|#39;)/);
    expect(document.querySelectorAll('head script:not([src])')).toHaveLength(0);
    expect(document.querySelectorAll('b')).toHaveLength(0);
  });

  it('no page of the fixture gets an element or attribute out of a name', () => {
    for (const f of walk(site('small')).filter((x) => x.endsWith('.html'))) {
      const { document } = parseHTML(read(f));
      for (const s of document.querySelectorAll('script')) expect(s.getAttribute('src'), f).toBeTruthy();
      for (const m of document.querySelectorAll('meta')) {
        for (const a of m.attributes) expect(['charset', 'name', 'content', 'property', 'http-equiv'], `${f}: ${a.name}`).toContain(a.name);
      }
    }
  });
});
