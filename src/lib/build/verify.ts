/**
 * Checks on the staged site before it replaces the published one: every page the
 * model promised exists, and on a demo build every page carries the demo banner.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WrittenModel } from './pipeline.ts';

export async function verifyStagedSite(dir: string, model: WrittenModel): Promise<void> {
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
    if (model.info.demo && (p === '' || p.startsWith('school/'))) {
      const html = readFileSync(file, 'utf8');
      if (!html.includes('demo-banner')) throw new Error(`Страница ${p || '/'} собрана без баннера демонстрационных данных.`);
    }
  }
  if (missing.length) throw new Error(`Не созданы страницы (${missing.length}): ${missing.slice(0, 5).join(', ')}…`);
}
