/**
 * A reading worker: one manifest entry's file at a time, into stores of its own, sent back
 * as typed chunks (transferred) with its string table, its problems and its counts. The
 * main thread appends them in manifest order (reader-pool.ts), so a dataset reads the same
 * whichever thread read each file.
 */
import type { SourceRef, Stores } from './assemble.ts';
import { FILE_KINDS, type FileKind } from '../model/types.ts';
import { detach, Interner, KindStore } from './store.ts';
import { deferred, readOne } from './read-one.ts';
import type { ReadTask, ReadResult } from './reader-pool.ts';
import { serveTasks } from '../threads/tasks.ts';

serveTasks<ReadTask, ReadResult>((task) => {
  const stores: Stores = {
    byKind: Object.fromEntries(FILE_KINDS.map((k) => [k, new KindStore(k)])) as Record<FileKind, KindStore>,
    strings: new Interner(),
    colsTable: [],
  };
  // Problems as the main thread's collector will keep them: the first ones of each code
  // in order, and how many more (a broken file never ships millions of objects).
  const later = deferred();
  const ref: SourceRef = { path: task.f.path, kind: task.f.kind, dropped: {} };
  let rows = 0;
  let internal: string | undefined;
  try {
    rows = readOne(task.bytes, task.f, task.source, later.add, ref, stores, task.currentYear, task.normalize, task.vocabulary);
  } catch (e) {
    internal = (e as Error).message ?? String(e);
  }
  const { list, repeats } = later.contents();
  const { part, buffers } = detach(stores.byKind[task.f.kind]);
  return { answer: { rows, problems: list, repeats, dropped: ref.dropped, total: ref.total, part, strings: stores.strings.list, colsTable: stores.colsTable, internal }, transfer: buffers };
});
