/**
 * Astro's build in a thread of its own (astro-thread.ts), so that it can render pages while
 * the main thread is still writing the site model: the page store (site/store.ts) waits
 * for a page not written yet instead of failing.
 */
import { serveTasks } from '../threads/tasks.ts';
import { readingWhileWritten } from '../site/page-pack.ts';
import type { AstroTask } from './astro-thread.ts';

serveTasks<AstroTask, null>(async ({ root, outDir, modelDir, signal }) => {
  // A thread's environment is its own copy: this reaches only the Astro side of this build.
  process.env.SITE_MODEL_DIR = modelDir;
  readingWhileWritten(signal);
  const { build } = await import('astro');
  await build({ root, outDir, logLevel: 'error', mode: 'production' });
  return { answer: null };
});
