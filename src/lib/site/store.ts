/**
 * Reads the site model written by scripts/build.ts. The only file-system reader on
 * the Astro side; pages ask it for one record at a time, so a 40,000-school site never
 * holds every page in memory.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, SiteInfo } from './types.ts';
import { modelJson, readPage } from './page-pack.ts';
import type { AreaNames, Settings } from '../model/config.ts';
import { setLocale } from '../words/locale.ts';

/** The folder last found to exist: every page asks, and a check per page was a quarter second per 2,000 pages. */
let found: string | undefined;
function modelDir(): string {
  const dir = process.env.SITE_MODEL_DIR;
  if (dir && dir === found) return dir;
  if (!dir || !existsSync(dir)) {
    throw new Error('SITE_MODEL_DIR не задан: сайт собирается командой npm run build, а не astro build напрямую.');
  }
  return (found = dir);
}

function readJson<T>(rel: string): T {
  return JSON.parse(readFileSync(join(modelDir(), rel), 'utf8')) as T;
}

let info: SiteInfo | undefined;
/** Read once per model (site/page-pack.ts modelJson): every page's layout asks for it. */
export function siteInfo(): SiteInfo {
  const read = modelJson<SiteInfo>(join(modelDir(), 'site.json'));
  if (read !== info) {
    info = read;
    // The Astro side is a bundle of its own, with its own copy of the locale state.
    setLocale((info.settings as unknown as Settings).locale ?? 'ru');
  }
  return info;
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
  const record = readPage(modelDir(), name);
  if (record === undefined) throw new Error(`В модели сайта нет страницы ${name}.`);
  return record as Page;
}
