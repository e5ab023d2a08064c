/**
 * The typed-array floor for scripts/bench-ingest.ts: the least work that reads a demo-format
 * dataset and computes its headline figure, to measure the real data stages against.
 *   node scripts/bench-floor.ts DIR      → prints one JSON line { seconds, peakMb, figures, gap }
 *
 * Reads every CSV of the folder (UTF-8, «;», decimal comma, as `npm run demo` writes them),
 * splits lines and fields without quote handling, parses every numeric field into one
 * Float64Array per file, and computes the region's ЕГЭ gap (mean of the best 10 % of schools
 * minus the worst 10 %, schools with 10+ participants) per year and subject from ege.csv.
 * No validation, no states, no disclosure, no located errors: a lower bound, not a reader.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const dir = resolve(process.argv[2] ?? '');
const t0 = performance.now();
const decoder = new TextDecoder('utf-8');
let numbers = 0;

/** Every numeric field of a file, in a typed array (NaN where a field is not a number). */
function readNumbers(text: string): Float64Array {
  const out = new Float64Array(text.length >> 2);
  let k = 0;
  for (const line of text.split('\n')) {
    for (const f of line.split(';')) {
      const x = f === '' ? NaN : Number(f.replace(',', '.'));
      out[k++] = x;
    }
  }
  numbers += k;
  return out.subarray(0, k);
}

for (const name of readdirSync(dir).filter((f) => f.endsWith('.csv')).sort()) readNumbers(decoder.decode(readFileSync(join(dir, name))));

// The ЕГЭ gap: ege.csv has a two-row header (subject names, then per subject «Участников»,
// «Средний балл», …); a school's row has code, name, year, then the subjects' blocks.
const lines = decoder.decode(readFileSync(join(dir, 'ege.csv'))).replace(/^\ufeff/, '').split('\n');
const top = lines[0].split(';');
const sub = lines[1].split(';');
const subjects: { name: string; n: number; mean: number }[] = [];
for (let c = 3; c < top.length; c++) if (top[c]) subjects.push({ name: top[c], n: c, mean: c + sub.slice(c).findIndex((h) => h.startsWith('Средний')) });
const byGroup = new Map<string, number[]>();
for (let i = 2; i < lines.length; i++) {
  // The school's name is quoted and may hold «;»: the fields after it are counted from the end.
  const f = lines[i].split(';');
  if (f.length < top.length) continue;
  const shift = f.length - top.length;
  const year = f[2 + shift];
  for (const s of subjects) {
    const n = Number(f[s.n + shift]);
    const m = Number(f[s.mean + shift].replace(',', '.'));
    if (!(n >= 10) || !Number.isFinite(m)) continue;
    const key = `${year}|${s.name}`;
    let list = byGroup.get(key);
    if (!list) byGroup.set(key, (list = []));
    list.push(m);
  }
}
let gapSum = 0;
for (const list of byGroup.values()) {
  const a = Float64Array.from(list).sort();
  const k = Math.max(1, Math.ceil(0.1 * a.length - 1e-9));
  let lo = 0;
  let hi = 0;
  for (let j = 0; j < k; j++) (lo += a[j]), (hi += a[a.length - 1 - j]);
  gapSum += (hi - lo) / k;
}
const seconds = (performance.now() - t0) / 1000;
console.log(JSON.stringify({ seconds, peakMb: process.resourceUsage().maxRSS / 1024, numbers, figures: byGroup.size, meanGap: gapSum / byGroup.size }));
