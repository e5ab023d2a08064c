/**
 * Astro's build in a thread of its own (astro-thread.ts), so that it can render pages while
 * the main thread is still writing the site model: the page store (site/store.ts) waits
 * for a page not written yet instead of failing.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readingWhileWritten } from '../site/page-pack.ts';

const { root, outDir, modelDir, signal } = workerData as { root: string; outDir: string; modelDir: string; signal: SharedArrayBuffer };
// A thread's environment is its own copy: this reaches only the Astro side of this build.
process.env.SITE_MODEL_DIR = modelDir;
readingWhileWritten(signal);
const { build } = await import('astro');
await build({ root, outDir, logLevel: 'error', mode: 'production' });
parentPort!.postMessage('built');
