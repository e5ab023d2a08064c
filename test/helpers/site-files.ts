/** Reading a built site the way a visitor (or a scraper) would. */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { inject } from 'vitest';
import Papa from 'papaparse';

export function site(name: string): string {
  const dir = inject('sites')[name];
  if (!dir) throw new Error(`site ${name} was not built`);
  return dir;
}

export function hasSite(name: string): boolean {
  return Boolean(inject('sites')[name]);
}

/**
 * Whether a test of this site runs: when the site was built, or always under
 * REQUIRE_SHARED_DATA=1 (then a missing real-data site fails the test instead of skipping it).
 */
export function shouldCheck(name: string): boolean {
  return hasSite(name) || process.env.REQUIRE_SHARED_DATA === '1';
}

export function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

export function read(file: string): string {
  return readFileSync(file, 'utf8');
}

export { sharedDir } from './shared.ts';

const areaFiles = new Map<string, string[][]>();

/**
 * The numbers a visitor downloads from a school page, found as a visitor finds them: the
 * CSV its footer links to (one file for the schools of its area), the rows whose first
 * column is this school's code, keyed by the file's head without the code and name.
 */
export function schoolPageCsv(dir: string, slug: string, schoolId: string): Record<string, string>[] {
  const html = read(join(dir, 'school', slug, 'index.html'));
  const href = /<a href="\/([^"]+\.csv)" download[ >]/.exec(html)?.[1];
  if (!href) throw new Error(`school/${slug}: no CSV link in the page`);
  const file = join(dir, href);
  let rows = areaFiles.get(file);
  if (!rows) {
    rows = Papa.parse<string[]>(read(file).replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;
    areaFiles.set(file, rows);
  }
  const head = rows[0].slice(2);
  return rows.slice(1).filter((r) => r[0] === schoolId).map((r) => Object.fromEntries(head.map((h, i) => [h, r[i + 2]])));
}

/** One page as Pagefind stored it: the text it searches and shows excerpts of. */
export interface SearchFragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  anchors: { text: string }[];
}

/** Every page of a built site's search index, read from Pagefind's gzipped fragment files. */
export function searchFragments(dir: string): SearchFragment[] {
  const fdir = join(dir, 'pagefind', 'fragment');
  return readdirSync(fdir).map((f) => {
    const text = gunzipSync(readFileSync(join(fdir, f))).toString('utf8');
    if (!text.startsWith('pagefind_dcd')) throw new Error(`${f}: not a Pagefind fragment`);
    return JSON.parse(text.slice('pagefind_dcd'.length)) as SearchFragment;
  });
}
