/**
 * Astro's side of the search index (build/search-index.ts): as Astro renders a school's or
 * a municipality's page, src/middleware.ts posts the part of it the search reads to the
 * build's main thread, which hands it to Pagefind while Astro renders the next pages,
 * instead of reading every page back from disk after Astro has finished.
 */
import { BroadcastChannel } from 'node:worker_threads';
import { searchablePartOfBytes } from './search-part.ts';
import { hasDemoBanner } from './verify.ts';

/** What Astro's thread posts for one page. */
export interface SearchPart {
  /** e.g. `school/001001` */
  path: string;
  /** searchablePart of the page */
  part: string;
  /** the page carries the demo banner (checked for demo sites before publishing) */
  banner: boolean;
}

/** The pages the search indexes (those people look for), by kind, in the order Astro renders the kinds. */
export const SEARCHED_KINDS = ['municipality', 'school'] as const;

const FEED = Symbol.for('school-transparency.search-feed');
const SEARCHED = new RegExp(`^(${SEARCHED_KINDS.join('|')})/[^/]+$`);

/** Called in Astro's thread before its build: pages go to the channel `name` until closed. */
export function feedSearchTo(name: string): { close(): void } {
  const channel = new BroadcastChannel(name);
  const global = globalThis as Record<symbol, unknown>;
  global[FEED] = channel;
  return {
    close() {
      delete global[FEED];
      channel.close();
    },
  };
}

/** A rendered page's path without its slashes, if the search indexes it and a build listens. */
export function searchFeedWants(pathname: string): string | null {
  if (!(globalThis as Record<symbol, unknown>)[FEED]) return null;
  const path = pathname.replace(/^\/+|\/+$/g, '');
  return SEARCHED.test(path) ? path : null;
}

/**
 * What the search takes of a rendered page, from its UTF-8 bytes (read without decoding all
 * of them): as Astro posts it, or as the indexer reads a page Astro did not post.
 */
export function searchPartOf(path: string, page: Uint8Array): SearchPart {
  return { path, part: searchablePartOfBytes(page), banner: hasDemoBanner(page) };
}

export function feedSearch(path: string, page: Uint8Array): void {
  const channel = (globalThis as Record<symbol, unknown>)[FEED] as BroadcastChannel | undefined;
  channel?.postMessage(searchPartOf(path, page));
}
