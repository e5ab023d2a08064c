/**
 * Reading a large dataset's files in worker threads, one file per task, while the main
 * thread appends the rows of the files already read, in manifest order. A worker's rows
 * arrive as typed chunks (store.ts StorePart) with its own string table, which is
 * translated into the dataset's here.
 */
import { Worker } from 'node:worker_threads';
import { getHeapStatistics } from 'node:v8';
import type { Problem } from '../model/types.ts';
import type { FileSpec } from './manifest.ts';
import type { Vocabulary } from './validate.ts';
import type { IdRule } from './ids.ts';
import type { Stores } from './assemble.ts';
import { appendPart, type StorePart } from './store.ts';

export interface ReadTask {
  bytes: Uint8Array;
  f: FileSpec;
  source: number;
  currentYear: number;
  normalize?: Record<string, IdRule>;
  vocabulary?: Vocabulary;
}

export interface ReadResult {
  rows: number;
  /** The file's problems in order (the first ones of each code) ... */
  problems: Problem[];
  /** ... then each further problem of a code with how many times it occurred. */
  repeats: Array<{ p: Problem; n: number }>;
  dropped: Record<string, number>;
  total?: number;
  part: StorePart;
  strings: string[];
  colsTable: Array<Record<string, number | undefined>>;
  /** An unexpected failure inside the reader (the rows read before it are kept, as in one thread). */
  internal?: string;
}

export interface ReaderPool {
  read(task: ReadTask, transfer: boolean): Promise<ReadResult>;
  close(): Promise<void>;
}

export function readerPool(size: number): ReaderPool {
  // A worker may hold a large file's text and its rows: give it the main thread's heap limit.
  const maxOldGenerationSizeMb = Math.floor(getHeapStatistics().heap_size_limit / 2 ** 20);
  const workers = Array.from({ length: size }, () => new Worker(new URL('./read-worker.ts', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb } }));
  const waiting = new Map<number, { resolve: (r: ReadResult) => void; reject: (e: Error) => void }>();
  const load = new Map<Worker, number>(workers.map((w) => [w, 0]));
  let nextId = 0;
  for (const w of workers) {
    w.on('message', ({ id, result }: { id: number; result: ReadResult }) => {
      load.set(w, load.get(w)! - 1);
      waiting.get(id)?.resolve(result);
      waiting.delete(id);
    });
    w.on('error', (e) => {
      for (const x of waiting.values()) x.reject(e);
      waiting.clear();
    });
  }
  return {
    read(task, transfer) {
      const w = workers.reduce((a, b) => (load.get(b)! < load.get(a)! ? b : a));
      load.set(w, load.get(w)! + 1);
      const id = nextId++;
      return new Promise<ReadResult>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        // A file's bytes move to the worker when nothing else here reads them.
        w.postMessage({ id, task }, transfer ? [task.bytes.buffer as ArrayBuffer] : []);
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/**
 * A worker's result into the dataset's stores and problems, as if the file had been read
 * here: its strings coded in the dataset's table, its column records appended.
 */
export function mergeRead(stores: Stores, r: ReadResult, add: (p: Problem) => void): void {
  for (const p of r.problems) add(p);
  for (const { p, n } of r.repeats) for (let i = 0; i < n; i++) add(p);
  const textCode = Int32Array.from(r.strings, (s) => stores.strings.code(s));
  const offset = stores.colsTable.length;
  stores.colsTable.push(...r.colsTable);
  appendPart(stores.byKind[r.part.kind], r.part, textCode, offset);
}
