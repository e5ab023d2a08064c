/**
 * NYC's one social component, read as a parent would: the school page shows the share of
 * free or reduced-price lunch exactly as demographics.csv gives it for 2011–12, beside its
 * z-score, whose sign is reversed (more poverty, lower score): the row is marked «lower is better»
 * and a sentence above the table says what the mark means, under the name the
 * manifest gives it (free lunch, not the model's «low socio-economic status»). No component
 * New York does not publish (teachers' categories, textbooks) is listed, and the index above
 * it says why it is not computed.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { doc, rawCsv, siteCsv, skipWithoutShared, text } from './shared.ts';
import { site } from '../helpers/site-files.ts';

describe.skipIf(skipWithoutShared('компоненты контекста Нью-Йорка'))('NYC: context components as the dataset gives them', () => {
  it('every school page with the table shows its 2011–12 free-lunch share and a negative-for-poverty z-score', () => {
    const dir = site('nyc');
    const frl = new Map(rawCsv('nyc-doe/demographics.csv', ',').filter((r) => r.schoolyear === '20112012' && /^\d+(\.\d+)?$/.test(r.frl_percent.trim())).map((r) => [r.DBN, Number(r.frl_percent)]));
    let checked = 0;
    const wrong: string[] = [];
    for (const [dbn, share] of frl) {
      const file = join(dir, 'school', dbn, 'index.html');
      if (!existsSync(file)) continue;
      const table = doc(file).querySelector(`#t-school-${dbn}-indices`);
      if (!table) continue;
      const rows = [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => text(c)));
      const component = rows.filter((r) => r[0].startsWith('—'));
      // The social index has six components in the model (METRICS.md §4) and needs half of
      // them; New York publishes one, so the index is not computed, and the row says why
      // instead of «no data» above a component that has data.
      const index = rows.filter((r) => !r[0].startsWith('—'));
      if (index.length !== 1 || index[0][2] !== 'not computed: 1 of 6 components, needs 3') wrong.push(`${dbn}: index row ${JSON.stringify(index)}`);
      checked++;
      if (component.length !== 1) wrong.push(`${dbn}: ${component.length} components`);
      else {
        const [name, raw, z] = component[0];
        if (raw !== `${share.toFixed(1)}%`) wrong.push(`${dbn}: ${raw} vs ${share}`);
        // A short mark on the row, and what it means said once above the table.
        if (!name.endsWith(' (lower is better)')) wrong.push(`${dbn}: no «lower is better» mark in «${name}»`);
        const notes = [...table.closest('section')!.querySelectorAll('p')].filter((p) => text(p).includes('the z-score is taken with the sign reversed'));
        if (notes.length !== 1 || table.getAttribute('aria-describedby') !== notes[0].id) wrong.push(`${dbn}: ${notes.length} notes on the reversed sign`);
        // The manifest's own name for the figure (indicator_labels), not the model's.
        if (!name.startsWith('— Students eligible for free or reduced-price lunch')) wrong.push(`${dbn}: named «${name}»`);
        // Above the city's mean share the z-score is negative (higher = better).
        if (!/^[−-]?\d+\.\d\d$/.test(z)) wrong.push(`${dbn}: z «${z}»`);
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    expect(checked).toBeGreaterThan(300);
    // 09X276, 94.8 % free lunch. Its z-score worked out here: the shares of the site's
    // schools (schools.csv) in 2011–12, their mean and (population) standard deviation,
    // the sign reversed because a higher share is worse.
    const onSite = new Set(siteCsv(join(dir, 'data', 'schools.csv')).map((r) => r.school_id));
    const values = [...frl].filter(([id]) => onSite.has(id)).map(([, v]) => v);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
    const expected = -(94.8 - mean) / sd;
    const row = [...doc(join(dir, 'school', '09X276', 'index.html')).querySelectorAll('#t-school-09X276-indices tbody tr')].map((tr) => [...tr.children].map((c) => text(c))).find((r) => r[0].startsWith('—'))!;
    expect(row[1]).toBe('94.8%');
    expect(Math.abs(Number(row[2].replace('−', '-')) - expected)).toBeLessThanOrEqual(0.005 + 1e-9);
    expect(expected).toBeLessThan(-1);
  });
});
