/**
 * The metrics catalogue alone, for the modules the catalogue index itself imports
 * (metrics/, publish/, model/config.ts): reading it through words/index.ts would make an
 * import cycle. Same locale, same entries as t().metrics.
 */
import { locale } from './locale.ts';
import { metrics as ru } from './ru/metrics.ts';
import { metrics as en } from './en/metrics.ts';

export function metricsWords(): typeof ru {
  return locale() === 'en' ? en : ru;
}
