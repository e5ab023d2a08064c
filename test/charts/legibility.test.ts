/**
 * Charts read on a phone (issue: 7–8-px text on a 375-px screen). Every chart SVG of the
 * demo site is drawn with a viewBox no wider than a 375-px phone's column (375 − 2 × 16 px
 * of page padding), fills that column (width 100 %), and its text is 12 px by the site's
 * CSS with no smaller size set inside: so no chart text is under 12 px at 375 px.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { read, site, walk } from '../helpers/site-files.ts';

const COLUMN_AT_375 = 375 - 2 * 16;

describe('chart text at 375 px', () => {
  it('is at least 12 px in every chart of the demo', () => {
    const css = readFileSync('public/site.css', 'utf8');
    expect(css).toMatch(/\.chart-svg svg\.chart \{ font-size: 12px; \}/);
    expect(css).toMatch(/\.chart-svg svg\.chart \{ width: 100%; \}/);
    let charts = 0;
    for (const f of walk(join(site('demo'), 'school')).filter((x) => x.endsWith('index.html'))) {
      for (const m of read(f).matchAll(/<svg [^>]*class="chart"[^>]*>([\s\S]*?)<\/svg>/g)) {
        charts++;
        const vb = /viewBox="0 0 ([\d.]+) [\d.]+"/.exec(m[0])!;
        // The SVG is scaled by column / viewBox width: at least 1, so 12-px text stays ≥ 12 px.
        expect(COLUMN_AT_375 / Number(vb[1]), f).toBeGreaterThanOrEqual(1);
        // No element inside sets its own, smaller size.
        for (const s of m[1].matchAll(/font-size="([\d.]+)"/g)) expect(Number(s[1]), f).toBeGreaterThanOrEqual(12);
      }
    }
    expect(charts).toBeGreaterThan(500);
  });
});
