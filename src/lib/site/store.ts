/**
 * Reads the site model written by scripts/build.ts. The only file-system reader on
 * the Astro side; pages ask it for one record at a time, so a 40,000-school site never
 * holds every page in memory.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, SiteInfo } from './types.ts';

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

export function siteInfo(): SiteInfo {
  return readJson<SiteInfo>('site.json');
}

export function pagePaths(kind: 'municipality' | 'school'): string[] {
  return readJson<string[]>(`${kind}-ids.json`);
}

export function page(path: string): Page {
  return readJson<Page>(`pages/${path === '' ? 'index' : path}.json`);
}

export interface EmbedRef {
  id: string;
  page: string;
}

export function embedRefs(): EmbedRef[] {
  return readJson<EmbedRef[]>('embeds.json');
}
