/**
 * Runs Astro's build in a worker thread (astro-worker.ts). Started as soon as the site
 * model's fixed files are written, it bundles the site and renders each page as the model
 * writes it, on the second core, instead of after the whole model (issue 13).
 */
import { Worker } from 'node:worker_threads';
import type { PageSignal } from '../site/page-pack.ts';

export interface AstroRun {
  /** Resolves when Astro has written the site; rejects with its error. */
  done: Promise<void>;
  /** Started while the model was still being written (else after it). */
  together: boolean;
  /** Stops it (the model failed): nothing it wrote is kept. */
  stop(): Promise<void>;
}

export function startAstro(root: string, outDir: string, modelDir: string, signal: PageSignal, together: boolean): AstroRun {
  const worker = new Worker(new URL('./astro-worker.ts', import.meta.url), { workerData: { root, outDir, modelDir, signal: signal.buffer } });
  let built = false;
  const done = new Promise<void>((resolve, reject) => {
    worker.on('message', (m) => {
      if (m === 'built') built = true;
    });
    worker.on('error', reject);
    worker.on('exit', (code) => (built ? resolve() : reject(new Error(`Astro stopped (thread exit code ${code}) before the site was built`))));
  });
  // Awaited only after the model is written: an early failure must not go unhandled meanwhile.
  done.catch(() => {});
  return {
    done,
    together,
    async stop() {
      // A reader waiting for a page hears that none will come, then the thread goes.
      signal.fail();
      await worker.terminate();
    },
  };
}
