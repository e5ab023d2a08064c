/**
 * Astro's build in a thread of its own (astro-thread.ts), so that it can render pages while
 * the main thread is still writing the site model: the page store (site/store.ts) waits
 * for a page not written yet instead of failing. Each school and municipality page goes to
 * the search index as it is rendered (search-feed.ts, src/middleware.ts).
 */
import { serveTasks } from '../threads/tasks.ts';
import { readingWhileWritten } from '../site/page-pack.ts';
import { feedSearchTo } from './search-feed.ts';
import type { AstroTask } from './astro-thread.ts';

serveTasks<AstroTask, null>(async ({ root, outDir, modelDir, signal, searchChannel }) => {
  // A thread's environment is its own copy: this reaches only the Astro side of this build.
  process.env.SITE_MODEL_DIR = modelDir;
  readingWhileWritten(signal);
  const feed = searchChannel ? feedSearchTo(searchChannel) : null;
  try {
    const { build } = await import('astro');
    await build({ root, outDir, logLevel: 'error', mode: 'production' });
  } finally {
    feed?.close();
  }
  return { answer: null };
});
