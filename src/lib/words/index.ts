/**
 * The message catalogue: every word a reader sees, one catalogue per locale (words/ru,
 * words/en), read through t() in the locale of the site being built (words/locale.ts).
 * Entries are strings or functions of the settings and counts, so a changed threshold
 * or a new language changes every sentence at once. The English catalogue has the type
 * of the Russian one: a phrase missing from either is a type error.
 */
import type { Settings } from '../model/config.ts';
import { locale } from './locale.ts';
import { ru, type Catalogue } from './ru/index.ts';
import { en } from './en/index.ts';

export type { Catalogue };

export function t(): Catalogue {
  return locale() === 'en' ? en : ru;
}

/** The phrases that print settings (gap share, rule thresholds, area names). */
export function words(settings: Settings) {
  return t().settings(settings);
}

export type Words = ReturnType<Catalogue['settings']>;
