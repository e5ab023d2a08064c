/**
 * The build itself, run by scripts/build.ts (npm run build [-- --data DIR] [--out DIR]
 * [--previous DIR] [--date YYYY-MM-DD] [--force]).
 * Builds the site from a dataset folder (default: the demo region) into dist/.
 */
import { parseArgs } from 'node:util';
import { writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { buildSite, DatasetError, describeProblems, REPO_ROOT } from '../src/lib/build/pipeline.ts';
import { formatNumber, countOf } from '../src/lib/format/index.ts';
import { buildDateFrom } from '../src/lib/site/report/edition.ts';
import { setLocale } from '../src/lib/words/locale.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: join(REPO_ROOT, 'data/demo') },
    out: { type: 'string', default: join(REPO_ROOT, 'dist') },
    // A previous build's data/ folder: «Что изменилось» compares with it.
    previous: { type: 'string' },
    // The build date printed on reports (YYYY-MM-DD); else SOURCE_DATE_EPOCH; else none.
    date: { type: 'string' },
    // Machine-readable summary for `npm run bench` (stage times, peak memory).
    stats: { type: 'string' },
    // Build even if the data, code and options are those of the site already in --out.
    force: { type: 'boolean', default: false },
  },
});

const log = (line: string) => console.log(line);
const shown = (p: string) => {
  const rel = relative(process.cwd(), p);
  return rel.startsWith('..') ? resolve(p) : rel || '.';
};

let buildDate: string | null;
try {
  buildDate = buildDateFrom(values.date, process.env.SOURCE_DATE_EPOCH);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}

try {
  const s = await buildSite({ dataDir: values.data!, outDir: values.out!, previousDataDir: values.previous, log, buildDate, force: values.force });
  // The summary below is for the data owner, in Russian, whatever the site's language.
  setLocale('ru');
  if (values.stats) {
    writeFileSync(values.stats, JSON.stringify({ ...s, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
  }
  const warnings = Object.entries(s.warnings);
  console.log('');
  if (s.skipped) {
    console.log(`Сайт в ${shown(values.out!)}/ уже собран из этих данных этим кодом (${countOf(s.pages, ['страница', 'страницы', 'страниц'])}, ${countOf(s.files, ['файл', 'файла', 'файлов'])}); проверка заняла ${formatNumber(s.seconds, 1)} с. Собрать заново: npm run build -- --force`);
    process.exit(0);
  }
  console.log(`Готово за ${formatNumber(s.seconds, 1)} с: ${countOf(s.pages, ['страница', 'страницы', 'страниц'])}, ${countOf(s.files, ['файл', 'файла', 'файлов'])}, ${formatNumber(s.bytes / 2 ** 20, 1)} МБ в ${shown(values.out!)}/`);
  console.log(`Графики: нарисовано ${formatNumber(s.charts.renders, 0)}, взято из кэша прошлых сборок ${formatNumber(s.charts.hits, 0)}.`);
  if (warnings.length === 0) console.log('Предупреждений нет.');
  else {
    console.log('Предупреждения по видам:');
    for (const [code, n] of warnings.sort()) console.log(`  ${code}: ${n}`);
  }
  console.log('Посмотреть сайт: npm run preview  (откроется http://127.0.0.1:4321/)');
} catch (err) {
  setLocale('ru');
  if (err instanceof DatasetError) {
    for (const line of describeProblems(err.problems)) console.error(line);
    console.error('');
    console.error(err.message);
    console.error(`Проверить данные без сборки: npm run check -- --data ${values.data}`);
  } else {
    console.error('Сборка прервана, опубликованная версия сайта не изменена.');
    console.error(err);
  }
  process.exit(1);
}
