/**
 * The metrics' two large Arquero computations in a worker thread: at national scale the
 * gap and the aggregates take half of the metrics stage, and nothing computed before the
 * programme indicators reads them, so they run beside the school rows and the
 * identification rules. Their inputs are typed columns (moved, not copied); the tasks run
 * one after the other, in the order given.
 */
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { getHeapStatistics } from 'node:v8';
import type { Settings } from '../model/config.ts';
import { gapFromColumns, type GapColumns, type GapResult } from './gap.ts';
import { aggregatesFromColumns, type AggregateColumns, type AggregateRow } from './results.ts';

type Task = { id: number; gap: GapColumns; settings: Settings } | { id: number; aggregates: AggregateColumns };

// This module is also the worker's entry; only a thread started by MetricsWorker serves tasks.
if (parentPort && (workerData as { metricsWorker?: boolean } | null)?.metricsWorker) {
  const port = parentPort;
  port.on('message', (t: Task) => {
    port.postMessage({ id: t.id, result: 'gap' in t ? gapFromColumns(t.gap, t.settings) : aggregatesFromColumns(t.aggregates) });
  });
}

export class MetricsWorker {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (r: never) => void; reject: (e: Error) => void }>();
  private nextId = 0;

  constructor() {
    // The worker holds a national set's typed columns and Arquero tables: the main thread's heap limit.
    const maxOldGenerationSizeMb = Math.floor(getHeapStatistics().heap_size_limit / 2 ** 20);
    this.worker = new Worker(new URL(import.meta.url), { workerData: { metricsWorker: true }, resourceLimits: { maxOldGenerationSizeMb } });
    this.worker.on('message', ({ id, result }: { id: number; result: never }) => {
      this.waiting.get(id)?.resolve(result);
      this.waiting.delete(id);
    });
    const fail = (e: Error) => {
      for (const w of this.waiting.values()) w.reject(e);
      this.waiting.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`metrics worker exited (${code})`)));
  }

  private run<T>(task: Omit<Task, 'id'>, buffers: ArrayBufferLike[]): Promise<T> {
    const id = this.nextId++;
    const p = new Promise<T>((resolve, reject) => this.waiting.set(id, { resolve: resolve as (r: never) => void, reject }));
    // Read later: a failure before then must not count as unhandled.
    p.catch(() => undefined);
    this.worker.postMessage({ ...task, id }, buffers as ArrayBuffer[]);
    return p;
  }

  gap(columns: GapColumns, settings: Settings): Promise<GapResult> {
    const { cs, cy, ces, cn, cx, cok, schoolScope } = columns;
    return this.run({ gap: columns, settings }, [cs, cy, ces, cn, cx, cok, schoolScope].map((a) => a.buffer));
  }

  aggregates(columns: AggregateColumns): Promise<AggregateRow[]> {
    return this.run({ aggregates: columns }, [columns.key, columns.mkey, columns.n, ...columns.measures].map((a) => a.buffer));
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}
