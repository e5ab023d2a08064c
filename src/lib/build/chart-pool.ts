/**
 * Charts drawn off the main thread (issue 13): a pool of worker threads, each with its own
 * Plot and DOM, takes chart requests (kind, inputs, label) in batches and sends the SVGs
 * back; they go into the chart store, where the page writer finds them. The main thread
 * meanwhile builds the next pages.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { DeferredRenderer, SvgStore } from '../charts/cache.ts';
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
  const workers = Array.from({ length: size }, () => new Worker(new URL('./chart-worker.ts', import.meta.url)));
  const queue: Job[] = [];
  const waiting = new Map<string, Array<() => void>>();
  const inFlight = new Set<string>();
  const busy = new Set<Worker>();
  let failure: Error | null = null;
  const failAll = (err: Error) => {
    failure = err;
    for (const list of waiting.values()) for (const done of list) done();
    waiting.clear();
  };
  // A worker keeps the process alive only while it has a batch: someone awaits its answer.
  const feed = (w: Worker) => {
    if (busy.has(w)) return;
    if (!queue.length) {
      w.unref();
      return;
    }
    const batch = queue.splice(0, BATCH);
    busy.add(w);
    w.ref();
    w.postMessage(batch);
  };
  for (const w of workers) {
    w.on('message', (results: { key: string; svg: string }[]) => {
      busy.delete(w);
      for (const { key, svg } of results) {
        store.set(key, svg);
        inFlight.delete(key);
        for (const done of waiting.get(key) ?? []) done();
        waiting.delete(key);
      }
      feed(w);
    });
    w.on('error', (err) => failAll(err));
    w.unref();
  }
  const wake = () => {
    for (const w of workers) feed(w);
  };
  return {
    request(key, kind, inputs, label) {
      if (inFlight.has(key)) return;
      inFlight.add(key);
      queue.push({ key, kind, inputs, label, locale: locale() });
      if (queue.length >= BATCH) wake();
    },
    async settle(keys) {
      wake();
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
