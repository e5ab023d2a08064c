/**
 * Reads a previous build's data/ folder (`npm run build -- --previous DIR`): the published
 * CSV files the comparison needs and the list of releases. The one file-system reader of
 * src/lib/release; a folder that is not a build's data/ is an error that says what to give.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PreviousRelease } from './changes.ts';
import type { Release } from './feed.ts';

export function readPreviousRelease(dir: string): PreviousRelease {
  if (!existsSync(join(dir, 'schools.csv'))) {
    throw new Error(`--previous ${dir}: в папке нет schools.csv. Укажите папку data/ предыдущей сборки сайта (например, dist/data из прошлого выпуска).`);
  }
  const read = (name: string) => (existsSync(join(dir, name)) ? readFileSync(join(dir, name), 'utf8') : undefined);
  let releases: Release[] = [];
  const json = read('releases.json');
  if (json) {
    try {
      const parsed = JSON.parse(json) as unknown;
      if (Array.isArray(parsed)) releases = parsed.filter((r): r is Release => typeof r?.name === 'string' && typeof r?.date === 'string' && typeof r?.summary === 'string');
    } catch {
      throw new Error(`--previous ${dir}: releases.json не читается как JSON. Возьмите папку data/ из сборки этой программы без правок.`);
    }
  }
  return { files: { schools: read('schools.csv'), results: read('results.csv'), gap: read('gap.csv'), flags: read('flags.csv') }, releases };
}
