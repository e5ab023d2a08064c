/**
 * Time drawing a dataset's charts with Plot in one thread, as a chart worker draws them:
 *   npx node scripts/bench-charts.ts [DIR] [--charts N] [--runs N]
 *
 * Builds the site model of DIR (default: the demo data) with a store that has nothing, so
 * every chart of the first pages is requested; keeps the first N requests (default 3,000)
 * and draws them --runs times (default 3). Prints one table: seconds per run, the median,
 * milliseconds per chart and the SVG bytes. Not part of package.json on purpose.
 */
import { resolve } from 'node:path';
import { median } from 'd3';
import { loadDataset } from '../src/lib/ingest/index.ts';
import { metricsForSite } from '../src/lib/metrics/index.ts';
import { buildSiteModel } from '../src/lib/site/model.ts';
import { useChartStore } from '../src/lib/charts/cache.ts';
import { renderChart, type ChartInputs, type ChartKind } from '../src/lib/charts/kinds.ts';

const args = process.argv.slice(2);
let dir = 'data/demo';
let want = 3000;
let runs = 3;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--charts') want = Math.max(1, Number(args[++i]) || want);
  else if (args[i] === '--runs') runs = Math.max(1, Number(args[++i]) || runs);
  else dir = args[i];
}

const jobs: { kind: ChartKind; inputs: unknown; label: string }[] = [];
const ds = await loadDataset(resolve(dir));
useChartStore({ get: () => undefined, set: () => {} }, 'bench', { request: (_key, kind, inputs, label) => void jobs.push({ kind, inputs, label }) });
const model = buildSiteModel(ds, (await metricsForSite(ds)));
for (const _page of model.pages()) if (jobs.length >= want) break;
useChartStore(null);
jobs.length = Math.min(jobs.length, want);

const seconds: number[] = [];
let bytes = 0;
for (let r = 0; r < runs; r++) {
  const t0 = performance.now();
  bytes = 0;
  for (const j of jobs) bytes += renderChart(j.kind, j.inputs as ChartInputs[typeof j.kind], j.label).length;
  seconds.push((performance.now() - t0) / 1000);
}
const byKind = new Map<string, { n: number; ms: number; bytes: number }>();
for (const j of jobs) { const t = performance.now(); const b = renderChart(j.kind, j.inputs as any, j.label).length; const e = byKind.get(j.kind) ?? { n: 0, ms: 0, bytes: 0 }; e.n++; e.ms += performance.now() - t; e.bytes += b; byKind.set(j.kind, e); }
for (const [k, e] of byKind) console.log(k, e.n, (e.ms / e.n).toFixed(2), "ms/chart", Math.round(e.bytes / e.n), "B/chart");
const mid = median(seconds)!;
console.log(`| charts | runs (s) | median (s) | ms per chart | SVG bytes |`);
console.log(`|---:|---|---:|---:|---:|`);
console.log(`| ${jobs.length} | ${seconds.map((s) => s.toFixed(2)).join(', ')} | ${mid.toFixed(2)} | ${((mid * 1000) / jobs.length).toFixed(2)} | ${bytes} |`);
