/**
 * Words follow the settings (issue: «the written definitions do not follow the settings»):
 * a site built with every threshold changed (helpers/settings-fixture.ts) states none of the
 * defaults on any page, in any CSV header, or in its methodology, and states the values in
 * force instead.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { site, walk } from '../helpers/site-files.ts';

/** Page text as a reader sees it: tags dropped, every kind of space one space. */
function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|&#160;|&#xa0;/gi, ' ')
    .replace(/[\u00a0\u202f\u2009\s]+/g, ' ');
}

/** Defaults of src/lib/model/config.ts, as sentences print them, none in force here. */
const STALE: [string, RegExp][] = [
  ['gap_share 0.1', /\b10 % (лучших|худших)/],
  ['gap_target_pct 0.3', /на 0,3 % в год|цель 0,3 % (не )?достигнута/],
  ['continue_10_min 60', /[Мм]енее 60 %/],
  ['low_results_quantile / index_quantile 0.25', /[Вв] 25 % школ/],
  ['low_results_years 3', /ГИА за 3 года/],
  ['below_region_points 20', /на 20 баллов/],
  ['olympiad_max 0.5', /0,5 % обучающихся/],
  ['satisfaction_max 40', /образования не более 40 %/],
  ['unemployment_ratio_min 1.5', /1,5 раза/],
  ['min_participants 10', /(менее|не менее|меньше) 10 участник/],
  ['reliability_min 30', /30 и более участник|не менее 30 участник/],
  ['ege_high 81', /от 81 балл/],
  ['similar_count 10', /10 школ, ближайших/],
  ['clusters 4', /4 группы школ/],
  ['resilient_quantile 0.75', /верхние 25 %/],
];

/** The values in force, each stated somewhere (so the scan above reads real pages). */
const IN_FORCE: [string, RegExp][] = [
  ['gap_share 0.2', /20 % лучших/],
  ['continue_10_min 50', /[Мм]енее 50 % выпускников/],
  ['low_results_years 2', /за 2 года/],
  ['low_results_quantile 0.1', /[Вв] 10 % школ с самыми низкими результатами/],
  ['index_quantile 0.3', /[Вв] 30 % школ с самым низким индексом/],
  ['below_region_points 12', /на 12 баллов/],
  ['min_participants 12', /менее 12 участников/],
  ['gap_target_pct 0.5', /0,5 % в год|цель 0,5 %/],
  ['unemployment_ratio_min 1.7', /1,7 раза/],
];

describe('a site built with every setting changed', () => {
  const files = () => walk(site('settings')).filter((f) => /\.(html|csv)$/.test(f) && !f.includes('/pagefind/'));

  it('states no default that is not in force, on any page or CSV header', () => {
    const found: string[] = [];
    let pages = 0;
    for (const f of files()) {
      const raw = readFileSync(f, 'utf8');
      // A CSV's header is its words; its rows are data (school names may hold any number).
      const text = f.endsWith('.csv') ? raw.split('\n', 1)[0] : visibleText(raw);
      if (f.endsWith('.html')) pages++;
      for (const [setting, re] of STALE) {
        const m = text.match(re);
        if (m) found.push(`${f.slice(site('settings').length)}: «${m[0]}» (${setting})`);
      }
    }
    expect(pages).toBeGreaterThan(60);
    expect(found.slice(0, 20)).toEqual([]);
  });

  it('states the values in force', () => {
    const all = files().filter((f) => f.endsWith('.html')).map((f) => visibleText(readFileSync(f, 'utf8'))).join('\n');
    const missing = IN_FORCE.filter(([, re]) => !re.test(all)).map(([s]) => s);
    expect(missing).toEqual([]);
  });
});
