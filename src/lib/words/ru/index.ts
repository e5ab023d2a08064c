/** The Russian catalogue: one module per part of the site (words/index.ts). */
import { common } from './common.ts';
import { settingsWords } from './settings.ts';
import { layout } from './layout.ts';
import { site } from './site.ts';
import { methodology } from './methodology.ts';
import { glossary } from './glossary.ts';
import { islands } from './islands.ts';
import { school } from './school.ts';
import { area } from './area.ts';
import { downloads } from './downloads.ts';
import { charts } from './charts.ts';
import { changes } from './changes.ts';
import { report } from './report.ts';
import { metrics } from './metrics.ts';

export const ru = {
  common,
  settings: settingsWords,
  layout,
  site,
  methodology,
  glossary,
  islands,
  school,
  area,
  downloads,
  charts,
  changes,
  report,
  metrics,
};

export type Catalogue = typeof ru;
