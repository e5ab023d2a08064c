/**
 * The site's search index (Pagefind), fed while Astro renders: Astro's thread posts each
 * school's and municipality's searchable part as it renders the page (search-feed.ts,
 * src/middleware.ts), and Pagefind indexes it in its own process meanwhile. A national
 * site renders after its model, with the main thread idle: reading 42,000 pages back after
 * Astro had finished took half a minute of a stage nothing overlapped.
 *
 * Pagefind's files depend on the order pages are added, so pages are added in one fixed
 * order (municipalities, then schools, each by id: the order Astro renders them in), each
 * as soon as those before it are in. A page Astro did not post is read from the built site
 * at the end, so the index never depends on the feed having worked.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BroadcastChannel } from 'node:worker_threads';
import { SEARCHED_KINDS, searchPartOf, type SearchPart } from './search-feed.ts';
import { locale } from '../words/locale.ts';
import type { SiteModel } from '../site/model.ts';

/** Pages added to the index at once (each addition is a round trip to Pagefind's process). */
const BATCH = 64;

export interface SearchIndexer {
  /** The channel Astro's thread posts the pages to (feedSearchTo in astro-worker.ts). */
  readonly channel: string;
  /** Every page the index holds, in the order added; once `finish` has resolved, each has been seen. */
  readonly pages: readonly string[];
  /** Adds the pages not posted (read from `outDir`), writes the index into it, and closes. */
  finish(outDir: string): Promise<{ pages: number; readBack: number }>;
  /** Closes without writing (the build failed). */
  abort(): Promise<void>;
}

/** The site's searched pages (`school/001001`), in the one order they are added in. */
export function searchedPages(model: Pick<SiteModel, 'municipalityIds' | 'schoolIds'>): string[] {
  const ids = { municipality: model.municipalityIds, school: model.schoolIds };
  return SEARCHED_KINDS.flatMap((kind) => [...ids[kind]].sort().map((id) => `${kind}/${id}`));
}

/**
 * `paths`: every page the index holds (searchedPages). `seen`: called with each page and
 * whether it carries the demo banner; what it throws stops the build at `finish`.
 */
export async function startSearchIndex(paths: string[], seen: (path: string, banner: boolean) => void): Promise<SearchIndexer> {
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({ forceLanguage: locale() });
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  const name = `search-${randomBytes(8).toString('hex')}`;
  const channel = new BroadcastChannel(name);
  const order = [...paths];
  const parts = new Map<string, string>();
  const failures: string[] = [];
  // A page without its demo banner stops the build with its own message, not Pagefind's.
  let refused: Error | undefined;
  let next = 0;
  let adding: Promise<void> | null = null;

  const add = (batch: string[]) =>
    Promise.all(batch.map((path) => index.addHTMLFile({ url: `/${path}/`, content: parts.get(path)! }))).then((added) => {
      for (const path of batch) parts.delete(path);
      for (const a of added) failures.push(...a.errors);
    });
  // Adds, batch after batch, every page whose turn has come; one loop at a time.
  const pump = (): Promise<void> =>
    (adding ??= (async () => {
      for (;;) {
        const batch: string[] = [];
        while (batch.length < BATCH && next < order.length && parts.has(order[next])) batch.push(order[next++]);
        if (batch.length === 0) break;
        await add(batch);
      }
    })()
      .catch((err: Error) => void failures.push(err.message))
      .finally(() => {
        adding = null;
      }));
  const take = (path: string, part: string, banner: boolean) => {
    try {
      seen(path, banner);
    } catch (err) {
      refused ??= err as Error;
    }
    parts.set(path, part);
  };
  channel.onmessage = (event) => {
    const { path, part, banner } = (event as unknown as { data: SearchPart }).data;
    take(path, part, banner);
    void pump();
  };
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    channel.close();
    await pagefind.close();
  };

  return {
    channel: name,
    pages: order,
    async finish(outDir) {
      try {
        channel.close();
        await adding;
        // Astro's answer may overtake its last posts (another channel): those pages are read.
        let readBack = 0;
        for (const path of order.slice(next)) {
          if (parts.has(path)) continue;
          const { part, banner } = searchPartOf(path, readFileSync(join(outDir, path, 'index.html')));
          take(path, part, banner);
          readBack++;
        }
        await pump();
        if (refused) throw refused;
        if (failures.length) throw new Error(`Pagefind: ${failures.join('; ')}`);
        const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
        if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
        return { pages: order.length, readBack };
      } finally {
        await close();
      }
    },
    abort: close,
  };
}
