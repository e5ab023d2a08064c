/**
 * One worker thread that answers tasks, one after the other: the request/answer plumbing
 * shared by the file readers (ingest/reader-pool.ts) and the metrics worker
 * (metrics/worker.ts). Each task's answer settles its own promise; a worker that fails or
 * exits rejects every task it still holds. Typed arrays in a task or an answer are moved
 * (listed in `transfer`), not copied.
 */
import { parentPort, Worker } from 'node:worker_threads';
import { getHeapStatistics } from 'node:v8';

export class TaskWorker<Task, Answer> {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (a: Answer) => void; reject: (e: Error) => void }>();
  private nextId = 0;
  /** Why the worker stopped: a task given to it later is rejected at once, not left waiting forever. */
  private failure?: Error;

  constructor(entry: URL, workerData?: unknown) {
    // A worker may hold a national set's file text, rows or Arquero tables: the main thread's heap limit.
    const maxOldGenerationSizeMb = Math.floor(getHeapStatistics().heap_size_limit / 2 ** 20);
    this.worker = new Worker(entry, { workerData, resourceLimits: { maxOldGenerationSizeMb } });
    this.worker.on('message', ({ id, answer }: { id: number; answer: Answer }) => {
      this.waiting.get(id)?.resolve(answer);
      this.waiting.delete(id);
    });
    const fail = (e: Error) => {
      this.failure ??= e;
      for (const w of this.waiting.values()) w.reject(e);
      this.waiting.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`worker thread exited (${code})`)));
  }

  run(task: Task, transfer: ArrayBufferLike[] = []): Promise<Answer> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const answer = new Promise<Answer>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    // Often read later (in order): a failure before then must not count as unhandled.
    answer.catch(() => undefined);
    this.worker.postMessage({ id, task }, transfer as ArrayBuffer[]);
    return answer;
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

type Reply<Answer> = { answer: Answer; transfer?: ArrayBufferLike[] };

/**
 * In a worker thread: answer each task with `handle`, moving the buffers it lists. A
 * handler may be async (Astro's build); its failure, like a synchronous one, ends the
 * thread with the error, which rejects the task in the main thread.
 */
export function serveTasks<Task, Answer>(handle: (task: Task) => Reply<Answer> | Promise<Reply<Answer>>): void {
  const port = parentPort!;
  port.on('message', ({ id, task }: { id: number; task: Task }) => {
    const reply = ({ answer, transfer }: Reply<Answer>) => port.postMessage({ id, answer }, (transfer ?? []) as ArrayBuffer[]);
    const out = handle(task);
    if (out instanceof Promise) void out.then(reply);
    else reply(out);
  });
}
