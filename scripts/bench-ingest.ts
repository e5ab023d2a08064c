/**
 * Time loadDataset (and, with --metrics, computeAll) on a dataset folder:
 *   npx node --max-old-space-size=8192 scripts/bench-ingest.ts DIR [--runs N] [--metrics] [--floor] [--threads N]
 *
 * Prints rows per canonical table, wall seconds per run (and the median), peak RSS and the
 * heap in use after loading. Each run loads into the same process (the previous dataset is
 * dropped first), so peak RSS is the maximum over all runs; use --runs 1 in a fresh process
 * for a clean peak. Not part of package.json on purpose.
 * --floor first runs scripts/bench-floor.ts on the same folder in a child process (a plain
 * typed-array read and gap of a demo-format dataset) and prints the data stages' ratio to it.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { loadDataset, type Dataset } from '../src/lib/ingest/index.ts';
import { FILE_KINDS } from '../src/lib/model/types.ts';
import { metricsForSite } from '../src/lib/metrics/index.ts';
import { needsAllocatorRelaunch, relaunchWithAllocatorEnv } from '../src/lib/build/allocator.ts';

// Measured with the allocator settings the build runs with (src/lib/build/allocator.ts).
if (needsAllocatorRelaunch(process.env, process.platform)) process.exit(await relaunchWithAllocatorEnv());

const args = process.argv.slice(2);
let dir = '';
let runs = 1;
let withMetrics = false;
let withFloor = false;
/** Threads that read files and compute the gap (default: as the build decides). */
let threads: number | undefined;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--runs') runs = Math.max(1, Number(args[++i]) || 1);
  else if (args[i] === '--metrics') withMetrics = true;
  else if (args[i] === '--floor') withFloor = true;
  else if (args[i] === '--threads') threads = Math.max(1, Number(args[++i]) || 1);
  else dir = args[i];
}
if (!dir) {
  console.error('Использование: npx node scripts/bench-ingest.ts ПАПКА_НАБОРА [--runs N]');
  process.exit(2);
}
dir = resolve(dir);

const mb = (bytes: number) => (bytes / 1048576).toFixed(0);

// The floor runs first, in its own process, so that its peak is its own.
let floor: { seconds: number; peakMb: number } | null = null;
if (withFloor) {
  const r = spawnSync(process.execPath, [resolve(import.meta.dirname, 'bench-floor.ts'), dir], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`bench-floor failed: ${r.stderr}`);
  floor = JSON.parse(r.stdout.trim().split('\n').pop()!);
}
const times: number[] = [];
let ds: Dataset | undefined;
for (let r = 0; r < runs; r++) {
  ds = undefined;
  (globalThis as { gc?: () => void }).gc?.();
  const t0 = performance.now();
  ds = await loadDataset(dir, { threads });
  const s = (performance.now() - t0) / 1000;
  times.push(s);
  console.log(`run ${r + 1}: ${s.toFixed(2)} s, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}
const d = ds!;
const sorted = [...times].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)];

console.log('\n| table | rows | columns |');
console.log('|---|---:|---:|');
let total = 0;
for (const k of FILE_KINDS) {
  const t = d.tables[k];
  const cols = Object.keys(t);
  const n = cols.length ? t[cols[0]].length : 0;
  total += n;
  console.log(`| ${k} | ${n.toLocaleString('en-US')} | ${cols.length} |`);
}
const errors = d.problems.filter((p) => p.severity === 'error').length;
const warnings = d.problems.length - errors;
const mem = process.memoryUsage();
console.log(`\n| runs | median s | min s | max s | rows | peak RSS MB | heap used MB | errors | warnings |`);
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
console.log(`| ${runs} | ${median.toFixed(2)} | ${sorted[0].toFixed(2)} | ${sorted[sorted.length - 1].toFixed(2)} | ${total.toLocaleString('en-US')} | ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} | ${mb(mem.heapUsed)} | ${errors} | ${warnings} |`);
if (d.problems.length) {
  console.log('\nfirst problems:');
  for (const p of d.problems.slice(0, 8)) console.log(`  ${p.severity} ${p.code} ${p.file}:${p.line ?? ''} ${p.message.slice(0, 120)}`);
}

if (withMetrics) {
  // The metrics stage exactly as the build runs it, on the dataset just loaded.
  const t0 = performance.now();
  const m = await metricsForSite(d, { threads });
  const s = (performance.now() - t0) / 1000;
  console.log(`\n| metrics s | result rows | gap rows | peak RSS MB (ingest + metrics) |`);
  console.log('|---:|---:|---:|---:|');
  console.log(`| ${s.toFixed(2)} | ${m.results.length.toLocaleString('en-US')} | ${m.gap.length.toLocaleString('en-US')} | ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} |`);
  if (floor) {
    const stages = median + s;
    const peak = process.resourceUsage().maxRSS / 1024;
    console.log(`\n| data stages (ingest + metrics) | s | peak RSS MB |`);
    console.log('|---|---:|---:|');
    console.log(`| this code | ${stages.toFixed(1)} | ${peak.toFixed(0)} |`);
    console.log(`| typed-array floor (scripts/bench-floor.ts) | ${floor.seconds.toFixed(1)} | ${floor.peakMb.toFixed(0)} |`);
    console.log(`| ratio | ${(stages / floor.seconds).toFixed(1)}× | ${(peak / floor.peakMb).toFixed(1)}× |`);
  }
}
