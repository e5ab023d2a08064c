/**
 * One thread of the chart pool (chart-pool.ts): draws each chart of a batch with Plot and,
 * when the pool's store is on disk, appends the batch's SVGs to this thread's pack in it,
 * so the main thread only takes the SVGs its waiting pages need.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { renderChart, type ChartInputs, type ChartKind } from '../charts/kinds.ts';
import { setLocale, type Locale } from '../words/locale.ts';
import { PackWriter } from './chart-store.ts';

const cacheDir = (workerData as { cacheDir?: string } | undefined)?.cacheDir;
const pack = cacheDir ? new PackWriter(cacheDir) : null;

parentPort!.on('message', (batch: { key: string; kind: ChartKind; inputs: unknown; label: string; locale: Locale }[]) => {
  const drawn = batch.map((j) => {
    setLocale(j.locale);
    return { key: j.key, svg: renderChart(j.kind, j.inputs as ChartInputs[typeof j.kind], j.label) };
  });
  const at = pack ? pack.append(drawn) : [];
  parentPort!.postMessage(drawn.map((d, i) => ({ ...d, at: at[i] ?? null })));
});
