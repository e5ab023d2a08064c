/**
 * `npm run check -- --data DIR`: load a dataset, print every problem, exit 1 on any error.
 * Writes nothing. Never prints a stack trace: bad arguments and unexpected failures become
 * one Russian line each (exit 2 and 1).
 */
import { parseArgs } from 'node:util';
import { loadDataset } from '../src/lib/ingest/index.ts';
import { formatProblem } from '../src/lib/model/types.ts';

const USAGE = 'Использование: npm run check -- --data ПАПКА_НАБОРА (в ней dataset.yml)\n';

let values: { data?: string; help?: boolean };
try {
  values = parseArgs({ options: { data: { type: 'string', short: 'd' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: false }).values;
} catch (e) {
  process.stderr.write(`ошибка: неверные аргументы (${(e as Error).message.split('\n')[0]}).\n${USAGE}`);
  process.exit(2);
}
if (values.help || !values.data) {
  process.stderr.write(USAGE);
  process.exit(values.help ? 0 : 2);
}
try {
  const ds = await loadDataset(values.data);
  for (const p of ds.problems) process.stderr.write(`${formatProblem(p)}\n`);
  const errors = ds.problems.filter((p) => p.severity === 'error').length;
  const warnings = ds.problems.length - errors;
  const schools = ds.tables.schools.school_id?.length ?? 0;
  const results = ds.tables.results.school_id?.length ?? 0;
  process.stderr.write(`${ds.region.name || values.data}: файлов ${ds.sources.length}, школ ${schools}, строк результатов ${results}; ошибок ${errors}, предупреждений ${warnings}.${errors ? ' Набор не прошёл проверку.' : ' Набор прошёл проверку.'}\n`);
  process.exit(errors ? 1 : 0);
} catch (e) {
  process.stderr.write(`${values.data}: ошибка: проверка прервалась: ${String((e as Error).message ?? e).split('\n')[0].slice(0, 200)}. Подсказка: сообщите разработчикам, приложив набор\n`);
  process.exit(1);
}
