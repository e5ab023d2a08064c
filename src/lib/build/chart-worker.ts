/** One thread of the chart pool (chart-pool.ts): draws each chart of a batch with Plot. */
import { parentPort } from 'node:worker_threads';
import { renderChart, type ChartInputs, type ChartKind } from '../charts/kinds.ts';

parentPort!.on('message', (batch: { key: string; kind: ChartKind; inputs: unknown; label: string }[]) => {
  parentPort!.postMessage(batch.map((j) => ({ key: j.key, svg: renderChart(j.kind, j.inputs as ChartInputs[typeof j.kind], j.label) })));
});
