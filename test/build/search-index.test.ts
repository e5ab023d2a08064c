/**
 * The search index fed by Astro's thread as it renders (build/search-index.ts,
 * build/search-feed.ts): whatever order the pages arrive in, and whichever never arrive,
 * Pagefind's files are those of an index built from the finished site in one fixed order.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startSearchIndex } from '../../src/lib/build/search-index.ts';
import { feedSearch, feedSearchTo } from '../../src/lib/build/search-feed.ts';

const PATHS = ['municipality/01', 'municipality/02', ...Array.from({ length: 12 }, (_, i) => `school/01${String(i + 1).padStart(3, '0')}`)];

function page(path: string, banner = true): string {
  const n = Number(path.slice(-3));
  return `<!DOCTYPE html><html lang="ru"><head><title>${path}</title></head><body>${banner ? '<div class="demo-banner">Данные выдуманы</div>' : ''}<main><div data-pagefind-body><h1>${path.startsWith('school') ? `Школа № ${n}` : `Район ${n}`}</h1><p>Улица ${n * 7}, посёлок ${n % 3 ? 'Северный' : 'Южный'}</p><div class="verdict">Результаты выросли</div></div><table><tr><td>${n}</td></tr></table></main></body></html>`;
}

function site(noBanner: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'search-'));
  for (const p of PATHS) {
    mkdirSync(join(dir, p), { recursive: true });
    writeFileSync(join(dir, p, 'index.html'), page(p, !noBanner.includes(p)));
  }
  return dir;
}

function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d).sort()) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else out[p.slice(dir.length)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

/** Lets the channel's messages be delivered. */
const settle = () => new Promise((r) => setTimeout(r, 50));

describe('search index fed while Astro renders', () => {
  it('writes the same files whatever order the pages come in, and reads back the ones that never came', async () => {
    const reference = site();
    const indexer = await startSearchIndex(PATHS, () => {});
    expect(await indexer.finish(reference)).toEqual({ pages: PATHS.length, readBack: PATHS.length });
    const expected = hashTree(join(reference, 'pagefind'));
    expect(Object.keys(expected).length).toBeGreaterThan(PATHS.length);

    const fed = site();
    const seen: string[] = [];
    const fedIndexer = await startSearchIndex(PATHS, (path) => void seen.push(path));
    const feed = feedSearchTo(fedIndexer.channel);
    // Out of order, the first school last, and school/01007 never posted.
    const posted = [...PATHS.slice(3).reverse(), PATHS[0], PATHS[1], PATHS[2]].filter((p) => p !== 'school/01007');
    for (const p of posted) feedSearch(p, new TextEncoder().encode(page(p)));
    await settle();
    feed.close();
    expect(seen.sort()).toEqual(posted.sort());
    expect(await fedIndexer.finish(fed)).toEqual({ pages: PATHS.length, readBack: 1 });
    expect(hashTree(join(fed, 'pagefind'))).toEqual(expected);
  }, 60_000);

  it('stops with the page named when a page it sees lacks the demo banner', async () => {
    const dir = site(['school/01004']);
    const indexer = await startSearchIndex(PATHS, (path, banner) => {
      if (!banner) throw new Error(`Страница ${path} собрана без баннера демонстрационных данных.`);
    });
    const feed = feedSearchTo(indexer.channel);
    feedSearch('school/01004', new TextEncoder().encode(page('school/01004', false)));
    await settle();
    feed.close();
    await expect(indexer.finish(dir)).rejects.toThrow('Страница school/01004 собрана без баннера');
    // Nothing was written: the site is not published.
    expect(readdirSync(dir)).not.toContain('pagefind');
  }, 60_000);
});
