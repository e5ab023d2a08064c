/**
 * A small generated demo region whose manifest changes every threshold from its default,
 * so a test can look for any default stated on a page that is not in force.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeDemo } from './demo-files.ts';

/** Every setting a sentence prints, each away from its default (src/lib/model/config.ts). */
export const CHANGED_SETTINGS = {
  min_participants: 12,
  reliability_min: 25,
  gap_share: 0.2,
  gap_target_pct: 0.5,
  ege_high: 85,
  resilient_quantile: 0.8,
  similar_count: 7,
  clusters: 3,
};
export const CHANGED_RULES = {
  low_results_quantile: 0.1,
  low_results_years: 2,
  continue_10_min: 50,
  below_region_points: 12,
  olympiad_max: 0.7,
  satisfaction_max: 35,
  index_quantile: 0.3,
  unemployment_ratio_min: 1.7,
};

export function writeSettingsFixture(dir: string): string {
  const files = writeDemo(dir, { seed: 7, schools: 60, municipalities: 3, yearFrom: 2022, yearTo: 2025 });
  const yml = new TextDecoder().decode(files['dataset.yml']);
  const settings = Object.entries(CHANGED_SETTINGS).map(([k, v]) => `  ${k}: ${v}`).join('\n');
  const rules = Object.entries(CHANGED_RULES).map(([k, v]) => `    ${k}: ${v}`).join('\n');
  // The programme's own thresholds are the rules it applies.
  const withSettings = yml.replace(/^programme:\n(  .*\n)+/m, (block) => `${block}  rules:\n${rules}\nsettings:\n${settings}\n`);
  if (withSettings === yml) throw new Error('settings fixture: no programme block in the demo manifest');
  writeFileSync(join(dir, 'dataset.yml'), withSettings);
  return dir;
}
