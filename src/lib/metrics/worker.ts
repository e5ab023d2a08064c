/**
 * The metrics' two large Arquero computations in a worker thread: at national scale the
 * gap and the aggregates take half of the metrics stage, and nothing computed before the
 * programme indicators reads them, so they run beside the school rows and the
 * identification rules. Their inputs are typed columns (moved, not copied); the tasks run
 * one after the other, in the order given. Both answers come back as columns, moved too, and become rows here.
 */
import { workerData } from 'node:worker_threads';
import type { Settings } from '../model/config.ts';
import { gapDataFromColumns, type GapColumns } from './gap.ts';
import { gapDataBuffers, gapResultOf, type GapData, type GapResult } from './gap-output.ts';
import { aggregatesFromColumns, AggregateTable, type AggregateColumns, type AggregateData } from './aggregates.ts';
import { serveTasks, TaskWorker } from '../threads/tasks.ts';

type Task = { gap: GapColumns; settings: Settings } | { aggregates: AggregateColumns };

// This module is also the worker's entry; only a thread started by MetricsWorker serves tasks.
if ((workerData as { metricsWorker?: boolean } | null)?.metricsWorker) {
  serveTasks<Task, GapData | AggregateData>((t) => {
    if ('gap' in t) {
      const gap = gapDataFromColumns(t.gap, t.settings);
      return { answer: gap, transfer: gapDataBuffers(gap) };
    }
    const table = aggregatesFromColumns(t.aggregates);
    return { answer: table.data, transfer: table.buffers() };
  });
}

export class MetricsWorker {
  private readonly worker = new TaskWorker<Task, GapData | AggregateData>(new URL(import.meta.url), { metricsWorker: true });

  async gap(columns: GapColumns, settings: Settings): Promise<GapResult> {
    const { cs, cy, ces, cn, cx, cok, schoolScope } = columns;
    const data = (await this.worker.run({ gap: columns, settings }, [cs, cy, ces, cn, cx, cok, schoolScope].map((a) => a.buffer))) as GapData;
    return gapResultOf(data);
  }

  async aggregates(columns: AggregateColumns): Promise<AggregateTable> {
    const data = (await this.worker.run({ aggregates: columns }, [columns.key, columns.mkey, columns.n, ...columns.measures].map((a) => a.buffer))) as AggregateData;
    return new AggregateTable(data);
  }

  close(): Promise<void> {
    return this.worker.close();
  }
}
