/**
 * The gap computed in a worker thread: at national scale its Arquero pipelines take a
 * third of the metrics stage, and nothing else computed before the programme indicators
 * needs them, so they run beside the school rows, aggregates and identification rules.
 */
import { parentPort, Worker } from 'node:worker_threads';
import { getHeapStatistics } from 'node:v8';
import type { Settings } from '../model/config.ts';
import { gapFromColumns, type GapColumns, type GapResult } from './gap.ts';

if (parentPort) {
  const port = parentPort;
  port.once('message', ({ columns, settings }: { columns: GapColumns; settings: Settings }) => {
    port.postMessage(gapFromColumns(columns, settings));
  });
}

/** Start the gap of these columns in a new worker; the columns' buffers move to it. */
export function gapInWorker(columns: GapColumns, settings: Settings): Promise<GapResult> {
  const maxOldGenerationSizeMb = Math.floor(getHeapStatistics().heap_size_limit / 2 ** 20);
  const worker = new Worker(new URL(import.meta.url), { resourceLimits: { maxOldGenerationSizeMb } });
  const { cs, cy, ces, cn, cx, cok, schoolScope } = columns;
  worker.postMessage({ columns, settings }, [cs, cy, ces, cn, cx, cok, schoolScope].map((a) => a.buffer as ArrayBuffer));
  return new Promise<GapResult>((resolve, reject) => {
    worker.once('message', (r: GapResult) => {
      resolve(r);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`gap worker exited (${code})`)));
  });
}
