// Build-time only: hands each rendered school and municipality page's searchable part to the
// build's search index (lib/build/search-feed.ts). The page itself is passed on byte for byte.
import type { MiddlewareHandler } from 'astro';
import { feedSearch, searchFeedWants } from './lib/build/search-feed.ts';

export const onRequest: MiddlewareHandler = async (context, next) => {
  const response = await next();
  const path = searchFeedWants(context.url.pathname);
  if (path === null || response.status !== 200) return response;
  const bytes = new Uint8Array(await response.arrayBuffer());
  feedSearch(path, bytes);
  return new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
};
