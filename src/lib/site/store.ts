/**
 * Reads the site model written by scripts/build.ts. The only file-system reader on
 * the Astro side; pages ask it for one record at a time, so a 40,000-school site never
 * holds every page in memory.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, SiteInfo } from './types.ts';
import { readPageJson } from './page-pack.ts';
import type { AreaNames, Settings } from '../model/config.ts';
import { setLocale } from '../words/locale.ts';

function modelDir(): string {
  const dir = process.env.SITE_MODEL_DIR;
  if (!dir || !existsSync(dir)) {
    throw new Error('SITE_MODEL_DIR не задан: сайт собирается командой npm run build, а не astro build напрямую.');
  }
  return dir;
}

function readJson<T>(rel: string): T {
  return JSON.parse(readFileSync(join(modelDir(), rel), 'utf8')) as T;
}

let info: { stamp: string; value: SiteInfo } | undefined;
/**
 * Read once per model: every page's layout asks for it. Read again when site.json is another
 * file (inode, time, size): a later build in the same process writes its model to the same
 * staging folder, and Node keeps this module between the two.
 */
export function siteInfo(): SiteInfo {
  const file = statSync(join(modelDir(), 'site.json'));
  const stamp = `${process.env.SITE_MODEL_DIR}:${file.ino}:${file.mtimeMs}:${file.size}`;
  if (info?.stamp !== stamp) {
    info = { stamp, value: readJson<SiteInfo>('site.json') };
    // The Astro side is a bundle of its own, with its own copy of the locale state.
    setLocale((info.value.settings as unknown as Settings).locale ?? 'ru');
  }
  return info.value;
}

/** What the dataset calls its areas (settings.area_names), for the pages that name them. */
export function areaNames(): AreaNames {
  return (siteInfo().settings as unknown as Settings).area_names;
}

export function pagePaths(kind: 'municipality' | 'school'): string[] {
  siteInfo(); // sets the locale before any page words are made
  return readJson<string[]>(`${kind}-ids.json`);
}

/** One page of the model, read when Astro renders it (each page is read once). */
export function page(path: string): Page {
  siteInfo(); // sets the locale before any page words are made
  const name = path === '' ? 'index' : path;
  const json = readPageJson(modelDir(), name);
  if (json === undefined) throw new Error(`В модели сайта нет страницы ${name}.`);
  return JSON.parse(json) as Page;
}
