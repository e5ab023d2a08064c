/**
 * npm run demo -- --out DIR [--seed N] [--schools N] [--municipalities N] [--years A-B]
 *
 * Writes the demo dataset (src/lib/demo) into a temporary folder beside DIR and
 * renames it into place, so a failed run never leaves a half-written DIR.
 */
import { createWriteStream, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { once } from 'node:events';
import { planDemo, type DemoOptions } from '../src/lib/demo/index.ts';

const USAGE = 'Использование: npm run demo -- --out ПАПКА [--seed 2026] [--schools 250] [--municipalities N] [--years 2019-2025]';

function parseArgs(argv: string[]): { out: string; opts: Partial<DemoOptions> } {
  const opts: Partial<DemoOptions> = {};
  let out = '';
  const int = (flag: string, v: string | undefined) => {
    if (v === undefined || !/^\d+$/.test(v)) throw new Error(`${flag}: ожидается целое число, получено «${v ?? ''}»`);
    return Number(v);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    if (a === '--out') { out = v ?? ''; i++; }
    else if (a === '--seed') { opts.seed = int(a, v); i++; }
    else if (a === '--schools') { opts.schools = int(a, v); i++; }
    else if (a === '--municipalities') { opts.municipalities = int(a, v); i++; }
    else if (a === '--years') {
      const m = /^(\d{4})-(\d{4})$/.exec(v ?? '');
      if (!m) throw new Error(`--years: ожидается диапазон вида 2019-2025, получено «${v ?? ''}»`);
      opts.yearFrom = Number(m[1]);
      opts.yearTo = Number(m[2]);
      i++;
    } else if (a === '--help' || a === '-h') { console.log(USAGE); process.exit(0); }
    else throw new Error(`неизвестный аргумент «${a}»`);
  }
  if (!out) throw new Error('не указана папка: --out ПАПКА');
  return { out, opts };
}

const mb = (n: number) => (n / 1048576).toFixed(1).replace('.', ',') + ' МБ';
const num = (n: number) => n.toLocaleString('ru-RU');

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`Ошибка: ${(e as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  const t0 = performance.now();
  const dir = resolve(args.out);
  const plan = planDemo(args.opts);
  const o = plan.world.opts;
  console.log(`Демо-данные: зерно ${o.seed}, ${num(o.schools)} школ, ${num(o.municipalities)} МО, ${o.yearFrom}–${o.yearTo} → ${dir}`);
  const tmp = join(dirname(dir), `.${basename(dir)}.tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  let total = 0;
  try {
    const files = plan.files;
    for (let i = 0; i < files.length; i++) {
      const f = files[i];
      const tag = `[${i + 1}/${files.length}] ${f.path}`;
      const ws = createWriteStream(join(tmp, f.path));
      let bytes = 0;
      let rows = 0;
      let chunks = 0;
      for (const c of f.chunks()) {
        if (!ws.write(c.data)) await once(ws, 'drain');
        bytes += c.data.length;
        rows += c.rows;
        if (++chunks % 20 === 0) console.log(`${tag}: ${num(rows)} строк, ${mb(bytes)}…`);
      }
      ws.end();
      await once(ws, 'finish');
      total += bytes;
      console.log(`${tag}: ${num(rows)} строк, ${mb(bytes)}`);
    }
    // Swap into place: old folder aside, new one in, old one removed.
    const old = join(dirname(dir), `.${basename(dir)}.old-${process.pid}`);
    if (existsSync(dir)) renameSync(dir, old);
    renameSync(tmp, dir);
    rmSync(old, { recursive: true, force: true });
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  const s = ((performance.now() - t0) / 1000).toFixed(1).replace('.', ',');
  console.log(`Готово: ${mb(total)} за ${s} с, пик памяти ${mb(process.resourceUsage().maxRSS * 1024)}`);
}

main().catch((e) => {
  console.error(`Ошибка: ${(e as Error).stack ?? e}`);
  process.exit(1);
});
