/**
 * Checks on the staged site before it replaces the published one: every page the
 * model promised exists, and on a demo build every page carries the demo banner.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WrittenModel } from './pipeline.ts';

/** Whether a page (its path, '' for the home page) must carry the demo banner. */
export function needsDemoBanner(model: Pick<WrittenModel, 'info'>, path: string): boolean {
  return model.info.demo === true && (path === '' || path.startsWith('school/'));
}

/** The demo banner's class (layouts/Base.astro): ASCII, so found alike in a page's text or its UTF-8 bytes. */
const DEMO_BANNER = 'demo-banner';

export function hasDemoBanner(html: string | Uint8Array): boolean {
  if (typeof html === 'string') return html.includes(DEMO_BANNER);
  return Buffer.from(html.buffer, html.byteOffset, html.byteLength).includes(DEMO_BANNER);
}

/** Stops the build if a page that must say its data are invented does not. */
export function checkDemoBanner(path: string, banner: boolean): void {
  if (!banner) throw new Error(`Страница ${path || '/'} собрана без баннера демонстрационных данных.`);
}

/**
 * `bannersChecked`: pages whose banner the search index already checked (it sees every
 * school page; reading each again here cost as much again).
 */
export async function verifyStagedSite(dir: string, model: WrittenModel, bannersChecked: ReadonlySet<string> = new Set()): Promise<void> {
  const missing: string[] = [];
  const expected = [
    '',
    'indicators',
    'municipalities',
    'changes',
    'report',
    'methodology',
    'glossary',
    'data',
    'sources',
    'compare',
    'search',
    ...model.municipalityIds.map((id) => `municipality/${id}`),
    ...model.municipalityIds.map((id) => `report/${id}`),
    ...model.schoolIds.map((id) => `school/${id}`),
  ];
  for (const p of expected) {
    const file = join(dir, p, 'index.html');
    if (!existsSync(file)) {
      missing.push(p || '/');
      continue;
    }
    if (needsDemoBanner(model, p) && !bannersChecked.has(p)) checkDemoBanner(p, hasDemoBanner(readFileSync(file, 'utf8')));
  }
  if (missing.length) throw new Error(`Не созданы страницы (${missing.length}): ${missing.slice(0, 5).join(', ')}…`);
}
