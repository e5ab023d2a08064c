/** One thread of the chart pool (chart-pool.ts): draws each chart of a batch with Plot. */
import { parentPort } from 'node:worker_threads';
import { renderChart, type ChartInputs, type ChartKind } from '../charts/kinds.ts';
import { setLocale, type Locale } from '../words/locale.ts';

parentPort!.on('message', (batch: { key: string; kind: ChartKind; inputs: unknown; label: string; locale: Locale }[]) => {
  parentPort!.postMessage(
    batch.map((j) => {
      setLocale(j.locale);
      return { key: j.key, svg: renderChart(j.kind, j.inputs as ChartInputs[typeof j.kind], j.label) };
    }),
  );
});
