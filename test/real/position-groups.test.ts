/**
 * One definition of «the 10 % best / worst schools»: a school page says the school is in a
 * group exactly when gap.csv lists it in that group (the region's row for the ranked set,
 * latest year). Before, pages ranked among schools with a published score (NYC 394) while
 * the gap counts every eligible school (402), and 42 pages said «top 10 %» beside 41 listed.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { read, site } from '../helpers/site-files.ts';
import { siteCsv, skipWithoutShared } from './shared.ts';

const CASES = [
  { name: 'nyc', set: 'Critical Reading + Math + Writing', top: 'the school is in the top 10%', bottom: 'the school is in the bottom 10%' },
  { name: 'moscow', set: 'Сумма трёх предметов', top: 'школа входит в 10\u00a0% лучших', bottom: 'школа входит в 10\u00a0% худших' },
];

describe.skipIf(skipWithoutShared('группы лучших и худших на страницах школ'))('school pages name the same top and bottom groups as the gap lists', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const dir = site(c.name);
      const rows = siteCsv(join(dir, 'data', 'gap.csv')).filter((r) => r.scope === 'region' && r.subject_set === c.set);
      const latest = rows.reduce((a, r) => (Number(r.year) > Number(a.year) ? r : a));
      const listed = { top: new Set(latest.top_ids.split(';')), bottom: new Set(latest.bottom_ids.split(';')) };
      const said = { top: new Set<string>(), bottom: new Set<string>() };
      const charted = new Set<string>();
      for (const r of siteCsv(join(dir, 'data', 'schools.csv'))) {
        const file = join(dir, r.page, 'index.html');
        if (!existsSync(file)) continue;
        const figure = /<figure class="chart" id="c-school-[^"]*-position"[\s\S]*?<\/figure>/.exec(read(file))?.[0];
        if (!figure) continue;
        charted.add(r.school_id);
        // The cut-offs are the published members' edge scores: numbers, never NaN.
        expect(figure, r.school_id).not.toMatch(/NaN|undefined/);
        if (figure.includes(c.top)) said.top.add(r.school_id);
        if (figure.includes(c.bottom)) said.bottom.add(r.school_id);
      }
      expect(charted.size).toBeGreaterThan(300);
      // A page places a school in a group exactly when the list names it; listed schools
      // without a position chart are those whose score is hidden.
      expect([...said.top].filter((id) => !listed.top.has(id))).toEqual([]);
      expect([...said.bottom].filter((id) => !listed.bottom.has(id))).toEqual([]);
      expect([...listed.top].filter((id) => charted.has(id) && !said.top.has(id))).toEqual([]);
      expect([...listed.bottom].filter((id) => charted.has(id) && !said.bottom.has(id))).toEqual([]);
      expect(said.top.size).toBeGreaterThan(10);
    });
  }
});
