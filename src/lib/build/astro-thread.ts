/**
 * Runs Astro's build in a worker thread (astro-worker.ts), one task of a TaskWorker
 * (threads/tasks.ts). Started as soon as the site model's fixed files are written, it
 * bundles the site and renders each page as the model writes it, on the second core,
 * instead of after the whole model (issue 13).
 */
import { TaskWorker } from '../threads/tasks.ts';
import type { PageSignal } from '../site/page-pack.ts';

export interface AstroTask {
  root: string;
  outDir: string;
  modelDir: string;
  signal: SharedArrayBuffer;
  /** Where to post each searched page as it is rendered (build/search-feed.ts); null: nowhere. */
  searchChannel: string | null;
}

export interface AstroRun {
  /** Resolves when Astro has written the site; rejects with its error. */
  done: Promise<void>;
  /** Started while the model was still being written (else after it). */
  together: boolean;
  /** Stops it (the model failed): nothing it wrote is kept. */
  stop(): Promise<void>;
}

export function startAstro({ signal, together, ...task }: Omit<AstroTask, 'signal'> & { signal: PageSignal; together: boolean }): AstroRun {
  const thread = new TaskWorker<AstroTask, null>(new URL('./astro-worker.ts', import.meta.url));
  const done = thread
    .run({ ...task, signal: signal.buffer })
    .then(() => undefined)
    .finally(() => thread.close());
  // Awaited only after the model is written: an early failure must not go unhandled meanwhile.
  done.catch(() => {});
  return {
    done,
    together,
    async stop() {
      // A reader waiting for a page hears that none will come, then the thread goes.
      signal.fail();
      await thread.close();
    },
  };
}
