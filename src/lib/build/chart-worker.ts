/**
 * One thread of the chart pool (chart-pool.ts): draws each chart of a batch with Plot and,
 * when the pool's store is on disk, writes each SVG into it, so the main thread only takes
 * the SVGs its waiting pages need.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { renderChart, type ChartInputs, type ChartKind } from '../charts/kinds.ts';
import { setLocale, type Locale } from '../words/locale.ts';
import { writeCachedSvg } from './chart-store.ts';

const cacheDir = (workerData as { cacheDir?: string } | undefined)?.cacheDir;

parentPort!.on('message', (batch: { key: string; kind: ChartKind; inputs: unknown; label: string; locale: Locale }[]) => {
  parentPort!.postMessage(
    batch.map((j) => {
      setLocale(j.locale);
      const svg = renderChart(j.kind, j.inputs as ChartInputs[typeof j.kind], j.label);
      if (cacheDir) writeCachedSvg(cacheDir, j.key, svg);
      return { key: j.key, svg };
    }),
  );
});
