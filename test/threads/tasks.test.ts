/**
 * A worker thread that stops fails the tasks it holds and every task given to it later,
 * at once: a reader pool hands a stopped worker its next file, and that file must fail
 * (and so fail the load with a located error) instead of waiting forever.
 */
import { describe, expect, it } from 'vitest';
import { TaskWorker } from '../../src/lib/threads/tasks.ts';

describe('TaskWorker', () => {
  it('answers tasks, then rejects the task it dies on and every later one', async () => {
    const w = new TaskWorker<number, number>(new URL('../fixtures/threads/echo-worker.ts', import.meta.url));
    try {
      expect(await w.run(21)).toBe(42);
      await expect(w.run(-1)).rejects.toThrow('worker thread exited (3)');
      await expect(w.run(5)).rejects.toThrow('worker thread exited (3)');
    } finally {
      await w.close();
    }
  });
});
