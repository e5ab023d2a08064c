import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { needsDemoBanner, verifyStagedSite } from '../../src/lib/build/verify.ts';
import type { WrittenModel } from '../../src/lib/build/pipeline.ts';

const FIXED = ['', 'indicators', 'municipalities', 'changes', 'report', 'methodology', 'glossary', 'data', 'sources', 'compare', 'search'];
const BANNER = '<div class="demo-banner">Демонстрационные данные</div>';

function model(demo: boolean): WrittenModel {
  return { info: { demo }, schoolIds: ['01001', '01002'], municipalityIds: ['01'], pageCount: 15 } as unknown as WrittenModel;
}

/** A staged site with every page the model promises; `plain` pages lack the banner, `absent` pages do not exist. */
function stagedSite(opts: { plain?: string[]; absent?: string[] } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'verify-'));
  const pages = [...FIXED, 'municipality/01', 'report/01', 'school/01001', 'school/01002'];
  for (const p of pages) {
    if (opts.absent?.includes(p)) continue;
    mkdirSync(join(dir, p), { recursive: true });
    writeFileSync(join(dir, p, 'index.html'), `<html><body>${opts.plain?.includes(p) ? '' : BANNER}<h1>${p}</h1></body></html>`);
  }
  return dir;
}

describe('verifyStagedSite', () => {
  it('asks for the banner on the home page and school pages of a demo site only', () => {
    expect(['', 'school/01001', 'municipality/01', 'report/01', 'methodology'].map((p) => needsDemoBanner(model(true), p))).toEqual([true, true, false, false, false]);
    expect(['', 'school/01001'].map((p) => needsDemoBanner(model(false), p))).toEqual([false, false]);
  });

  it('stops a demo site whose school page has no banner, naming the page', async () => {
    await expect(verifyStagedSite(stagedSite({ plain: ['school/01002'] }), model(true))).rejects.toThrow('Страница school/01002 собрана без баннера');
    await expect(verifyStagedSite(stagedSite({ plain: [''] }), model(true))).rejects.toThrow('Страница / собрана без баннера');
  });

  it('does not read again a page whose banner the search stage checked', async () => {
    // The file lacks the banner: had verify read it, it would have stopped the build.
    await expect(verifyStagedSite(stagedSite({ plain: ['school/01002'] }), model(true), new Set(['school/01002']))).resolves.toBeUndefined();
  });

  it('passes a real region without banners, and stops on a page that was not built', async () => {
    await expect(verifyStagedSite(stagedSite({ plain: ['', 'school/01001', 'school/01002'] }), model(false))).resolves.toBeUndefined();
    await expect(verifyStagedSite(stagedSite({ absent: ['school/01001', 'report/01'] }), model(false))).rejects.toThrow('Не созданы страницы (2): report/01, school/01001');
  });
});
