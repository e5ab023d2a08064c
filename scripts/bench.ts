/**
 * npm run bench [-- --schools 5000] [--municipalities N] [--years 2016-2025] [--heap MB] [--cached] [--keep]
 *
 * The whole build at scale on a synthetic region made by the demo generator, stage by
 * stage, with peak memory, pages, files and output size; and, in the same run, the
 * framework's floor: a bare Astro build writing as many HTML files as the real build, of
 * the same average size. `--cached` builds a second time with unchanged data. Prints one table.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../src/lib/build/pipeline.ts';
import { ASTRO_CONCURRENCY } from '../astro.config.mjs';

const { values } = parseArgs({
  options: {
    schools: { type: 'string', default: '5000' },
    municipalities: { type: 'string' },
    years: { type: 'string', default: '2016-2025' },
    keep: { type: 'boolean', default: false },
    cached: { type: 'boolean', default: false },
    // V8 lets garbage pile up to its heap limit before collecting it: the peak memory a
    // build shows is mostly that limit. 3 GB holds 5,000-10,000 schools; a national run
    // needs 4 GB (with 16 GB it peaked at 12.4 GB, with 4 GB at 5.9-6.2 GB).
    heap: { type: 'string', default: '3072' },
  },
});
const schools = Number(values.schools);
const muns = Number(values.municipalities ?? Math.max(1, Math.round(schools / 17)));
const work = join(REPO_ROOT, '.scratch', `bench-${schools}`);
const data = join(work, 'data');
const out = join(work, 'dist');
const node = process.execPath;
mkdirSync(work, { recursive: true });

function du(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    n += e.isDirectory() ? du(p) : statSync(p).size;
  }
  return n;
}
function walkFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walkFiles(join(dir, e.name)) : [join(dir, e.name)]));
}
/**
 * CPU seconds (user + system) of every process this one has waited for, with their own
 * waited-for children (the build's relaunch, Pagefind): fields 16-17 of /proc/self/stat, in
 * the kernel's fixed 100 ticks per second. Null where there is no /proc.
 */
function childrenCpuSeconds(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the command name (which may hold spaces), numbered from 3.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[16 - 3]) + Number(f[17 - 3])) / 100;
  } catch {
    return null;
  }
}
/** Runs a script; its wall time and CPU time in seconds. */
function timed(label: string, args: string[], env: NodeJS.ProcessEnv = {}): { wall: number; cpu: number | null } {
  const t = performance.now();
  const c = childrenCpuSeconds();
  console.error(`… ${label}`);
  execFileSync(node, args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...env }, cwd: REPO_ROOT, maxBuffer: 1 << 26 });
  const after = childrenCpuSeconds();
  return { wall: (performance.now() - t) / 1000, cpu: c === null || after === null ? null : after - c };
}
/** «CPU 46.3 s = 1.75 cores» for a timed run. */
const cpuNote = (r: { wall: number; cpu: number | null }) => (r.cpu === null ? '' : `CPU ${r.cpu.toFixed(1)} s = ${(r.cpu / r.wall).toFixed(2)} cores busy on average`);

const rows: string[][] = [];
const genKey = join(data, '.params');
const params = `${schools}/${muns}/${values.years}`;
if (!existsSync(genKey) || readFileSync(genKey, 'utf8') !== params) {
  const s = timed('генерация данных', ['scripts/demo.ts', '--out', data, '--schools', String(schools), '--municipalities', String(muns), '--years', values.years!]).wall;
  writeFileSync(genKey, params);
  rows.push(['generate dataset (not part of build)', s.toFixed(1), '', '', `${(du(data) / 2 ** 20).toFixed(0)} MB input`]);
}

const stats = join(work, 'stats.json');
// A first build from nothing: no charts left from an earlier run.
rmSync(join(REPO_ROOT, 'node_modules', '.cache', 'school-charts'), { recursive: true, force: true });
const build = timed('сборка сайта', [`--max-old-space-size=${Number(values.heap)}`, 'scripts/build.ts', '--data', data, '--out', out, '--stats', stats]);
const s = JSON.parse(readFileSync(stats, 'utf8')) as { pages: number; bytes: number; stages: { name: string; seconds: number; rssMb: number; note?: string }[]; maxRssMb: number };
for (const st of s.stages) rows.push([st.name, st.seconds.toFixed(1), st.rssMb.toFixed(0), '', st.note ?? '']);
const schoolPages = readdirSync(join(out, 'school')).map((d) => statSync(join(out, 'school', d, 'index.html')).size);
schoolPages.sort((a, b) => a - b);
const files = walkFiles(out);
const html = files.filter((f) => f.endsWith('.html'));
const htmlBytes = html.reduce((t, f) => t + statSync(f).size, 0);
rows.push(['whole build', build.wall.toFixed(1), s.maxRssMb.toFixed(0), String(s.pages), `${(s.bytes / 2 ** 20).toFixed(0)} MB, ${files.length} files (${(files.length / schools).toFixed(1)} per school), ${html.length} HTML; school page median ${(schoolPages[schoolPages.length >> 1] / 1024).toFixed(0)} KB, max ${(schoolPages[schoolPages.length - 1] / 1024).toFixed(0)} KB; ${cpuNote(build)}`]);
let cachedWall: number | null = null;
let unchangedWall: number | null = null;
if (values.cached) {
  // A second build of the same data: once as it runs for a user (nothing changed, so the
  // build stamp skips it), once forced (every page rebuilt, every chart from the cache).
  unchangedWall = timed('повторная сборка: ничего не изменилось', [`--max-old-space-size=${Number(values.heap)}`, 'scripts/build.ts', '--data', data, '--out', out]).wall;
  rows.push(['rebuild, nothing changed (--cached)', unchangedWall.toFixed(1), '', '', 'data, code and options as the site in the output folder: skipped by the build stamp']);
  const cached = timed('повторная сборка с --force', [`--max-old-space-size=${Number(values.heap)}`, 'scripts/build.ts', '--data', data, '--out', out, '--force']);
  cachedWall = cached.wall;
  rows.push(['rebuild forced (--cached --force)', cachedWall.toFixed(1), '', '', `every page rebuilt, every chart from the first build's cache; ${cpuNote(cached)}`]);
}

// The floor: a bare Astro project writing as many HTML files as the real build, each of the
// real build's average HTML size (an honest floor: same file count, same bytes).
const floor = join(work, 'floor');
rmSync(floor, { recursive: true, force: true });
mkdirSync(join(floor, 'src/pages/p'), { recursive: true });
// The same page concurrency as the real build's (astro.config.mjs): the floor is the fastest bare Astro build.
writeFileSync(join(floor, 'astro.config.mjs'), `import { defineConfig } from 'astro/config';\nexport default defineConfig({ output: 'static', build: { concurrency: ${ASTRO_CONCURRENCY} } });\n`);
writeFileSync(
  join(floor, 'src/pages/p/[id].astro'),
  `---\nexport function getStaticPaths() { return Array.from({ length: ${html.length} }, (_, i) => ({ params: { id: String(i) } })); }\nconst { id } = Astro.params;\nconst filler = 'x'.repeat(${Math.max(0, Math.round(htmlBytes / html.length) - 160)});\n---\n<html lang="ru"><head><title>{id}</title></head><body><h1>Страница {id}</h1><p>{filler}</p><table><tr><td>{id}</td></tr></table></body></html>\n`,
);
const floorStats = join(work, 'floor.json');
writeFileSync(join(work, 'floor.ts'), `import { build } from 'astro';\nimport { writeFileSync } from 'node:fs';\nawait build({ root: ${JSON.stringify(floor)}, logLevel: 'error' });\nwriteFileSync(${JSON.stringify(floorStats)}, JSON.stringify({ maxRssMb: process.resourceUsage().maxRSS / 1024 }));\n`);
const floorRun = timed('голая сборка Astro (нижняя граница)', [join(work, 'floor.ts')]);
const floorWall = floorRun.wall;
const fs2 = JSON.parse(readFileSync(floorStats, 'utf8')) as { maxRssMb: number };
rows.push([`bare Astro floor (${html.length} HTML files, ${(htmlBytes / html.length / 1024).toFixed(0)} KB each)`, floorWall.toFixed(1), fs2.maxRssMb.toFixed(0), String(html.length), cpuNote(floorRun)]);
rows.push(['ratio whole build / floor', (build.wall / floorWall).toFixed(2), '', '', 'goal ≤ 3 (beyond: 2)']);
// On two cores a build can overlap its work, never do less of it: the ratio of CPU time
// says how far the wall-clock ratio could fall with better scheduling alone.
if (build.cpu !== null && floorRun.cpu !== null) rows.push(['ratio CPU time, whole build / floor', (build.cpu / floorRun.cpu).toFixed(2), '', '', 'the work done, whatever the overlap']);
if (unchangedWall !== null) rows.push(['ratio rebuild, nothing changed / floor', (unchangedWall / floorWall).toFixed(2), '', '', 'goal ≤ 1.5']);
if (cachedWall !== null) rows.push(['ratio forced rebuild / floor', (cachedWall / floorWall).toFixed(2), '', '', 'every page again: what a one-file change costs today']);

const head = ['stage', 'seconds', 'RSS MB (stage end; whole = peak)', 'pages', 'notes'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r: string[]) => `| ${r.map((c, i) => (i === 1 || i === 2 || i === 3 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
console.log(`\nBenchmark: ${schools} schools, ${muns} municipalities, years ${values.years}, node ${process.version}, heap limit ${values.heap} MB, ${new Date().toISOString().slice(0, 10)}`);
console.log(line(head));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
if (!values.keep) rmSync(out, { recursive: true, force: true });
