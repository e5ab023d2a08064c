/**
 * Reading a large dataset's files in worker threads, one file per task, while the main
 * thread appends the rows of the files already read, in manifest order. A worker's rows
 * arrive as typed chunks (store.ts StorePart) with its own string table, which is
 * translated into the dataset's here.
 */
import type { Problem } from '../model/types.ts';
import type { FileSpec } from './manifest.ts';
import type { Vocabulary } from './validate.ts';
import type { IdRule } from './ids.ts';
import type { Stores } from './assemble.ts';
import { appendPart, type StorePart } from './store.ts';
import { TaskWorker } from '../threads/tasks.ts';

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

/**
 * Workers that each take the next file when they finish the last one (a file handed to the
 * worker with fewer files waiting may wait behind a long one while the other thread idles).
 */
export function readerPool(size: number): ReaderPool {
  const workers = Array.from({ length: size }, () => new TaskWorker<ReadTask, ReadResult>(new URL('./read-worker.ts', import.meta.url)));
  const idle = [...workers];
  const queue: Array<(w: TaskWorker<ReadTask, ReadResult>) => void> = [];
  const release = (w: TaskWorker<ReadTask, ReadResult>) => {
    const next = queue.shift();
    if (next) next(w);
    else idle.push(w);
  };
  return {
    read(task, transfer) {
      return new Promise<ReadResult>((resolve, reject) => {
        const start = (w: TaskWorker<ReadTask, ReadResult>) => {
          // A file's bytes move to the worker when nothing else here reads them.
          // A worker that failed rejects what it is given next as well: the files after it fail alike.
          w.run(task, transfer ? [task.bytes.buffer] : []).then(resolve, reject).finally(() => release(w));
        };
        const w = idle.shift();
        if (w) start(w);
        else queue.push(start);
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.close()));
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
