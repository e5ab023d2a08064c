/**
 * Charts drawn off the main thread (issue 13): a pool of worker threads, each with its own
 * Plot and DOM, takes chart requests (kind, inputs, label) in batches and sends the SVGs
 * back; they go into the chart store, where the page writer finds them. The main thread
 * meanwhile builds the next pages.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { DeferredRenderer, PackLocation, SvgStore } from '../charts/cache.ts';
import type { ChartKind } from '../charts/kinds.ts';
import { locale, type Locale } from '../words/locale.ts';

interface Job {
  key: string;
  kind: ChartKind;
  inputs: unknown;
  label: string;
  locale: Locale;
}

const BATCH = 16;

export interface ChartPool extends DeferredRenderer {
  /** Resolves when every chart requested so far is in the store. */
  settle(keys?: Iterable<string>): Promise<void>;
  /** Requested charts not drawn yet. */
  pending(): number;
  close(): Promise<void>;
}

export function startChartPool(store: SvgStore, size = Math.max(1, availableParallelism())): ChartPool {
  // A store on disk is written by the workers themselves (its folder is all they need).
  const disk = store.disk;
  const workerData = { cacheDir: disk?.dir };
  const workers = Array.from({ length: size }, () => new Worker(new URL('./chart-worker.ts', import.meta.url), { workerData }));
  const queue: Job[] = [];
  const waiting = new Map<string, Array<() => void>>();
  const inFlight = new Set<string>();
  // Batches posted to each worker and not answered yet.
  const outstanding = new Map<Worker, number>(workers.map((w) => [w, 0]));
  let failure: Error | null = null;
  const failAll = (err: Error) => {
    failure = err;
    for (const list of waiting.values()) for (const done of list) done();
    waiting.clear();
  };
  // A batch goes to a worker as soon as it is full, not when the worker asks: the main
  // thread builds pages synchronously and reads the workers' answers only when it waits,
  // so a worker that had to ask would sit idle while the next pages are built. The batches
  // queued in a worker are bounded by the pages held waiting (MAX_WAITING_PAGES).
  // A worker keeps the process alive only while it has a batch: someone awaits its answer.
  const post = (batch: Job[]) => {
    let w = workers[0];
    for (const o of workers) if (outstanding.get(o)! < outstanding.get(w)!) w = o;
    outstanding.set(w, outstanding.get(w)! + 1);
    w.ref();
    w.postMessage(batch);
  };
  const dispatch = (all: boolean) => {
    while (queue.length >= BATCH || (all && queue.length)) post(queue.splice(0, BATCH));
  };
  for (const w of workers) {
    w.on('message', (results: { key: string; svg: string; at: PackLocation | null }[]) => {
      const left = outstanding.get(w)! - 1;
      outstanding.set(w, left);
      if (!left) w.unref();
      for (const { key, svg, at } of results) {
        if (disk) disk.keep(key, svg, at);
        else store.set(key, svg);
        inFlight.delete(key);
        for (const done of waiting.get(key) ?? []) done();
        waiting.delete(key);
      }
    });
    w.on('error', (err) => failAll(err));
    w.unref();
  }
  return {
    request(key, kind, inputs, label) {
      if (inFlight.has(key)) return;
      inFlight.add(key);
      queue.push({ key, kind, inputs, label, locale: locale() });
      dispatch(false);
    },
    async settle(keys) {
      dispatch(true);
      if (failure) throw failure;
      const want = keys ? [...keys].filter((k) => inFlight.has(k)) : [...inFlight];
      await Promise.all(want.map((k) => new Promise<void>((done) => waiting.set(k, [...(waiting.get(k) ?? []), done]))));
      if (failure) throw failure;
    },
    pending: () => inFlight.size,
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
