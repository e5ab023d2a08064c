/**
 * Helpers for the checks on the real open-data sites (Moscow ЕГЭ 2016, NYC SAT 2012).
 * They read the published files themselves (papaparse, no project code) so that what the
 * built site says can be compared with the source, not with the project's own reading.
 */
import { DEFAULT_SETTINGS } from '../../src/lib/model/config.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { parseHTML } from 'linkedom';
import { inject } from 'vitest';
import { sharedDir } from '../helpers/shared.ts';
import { read } from '../helpers/site-files.ts';

export const SHARED = sharedDir();

/**
 * true = skip. Without ../shared (or $SHARED_DIR) the real-data tests are skipped with a
 * visible message, unless REQUIRE_SHARED_DATA=1, when the missing folder is a failure.
 */
export function skipWithoutShared(what: string): boolean {
  if (SHARED && inject('sites').moscow && inject('sites').nyc) return false;
  const why = SHARED ? 'общая папка есть, но сайты Москвы и Нью-Йорка не собраны' : 'нет общей папки с реальными данными (../shared или SHARED_DIR)';
  if (process.env.REQUIRE_SHARED_DATA === '1') throw new Error(`REQUIRE_SHARED_DATA=1: ${why} — «${what}» не может быть проверено`);
  console.warn(`[real] пропущено «${what}»: ${why}`);
  return true;
}

/** A raw published CSV as objects keyed by its own header, parsed here with papaparse only. */
export function rawCsv(rel: string, delimiter: string): Record<string, string>[] {
  const text = readFileSync(join(SHARED!, 'datasets', rel), 'utf8').replace(/^\ufeff/, '');
  const parsed = Papa.parse<Record<string, string>>(text, { delimiter, header: true, quoteChar: '"', skipEmptyLines: true });
  const fatal = parsed.errors.filter((e) => e.code !== 'TooManyFields');
  if (fatal.length) throw new Error(`${rel}: ${JSON.stringify(fatal.slice(0, 3))}`);
  return parsed.data;
}

/** A CSV the site publishes (dist/data/*.csv, page-data/*.csv), BOM stripped. */
export function siteCsv(file: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(read(file).replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true }).data;
}

export function doc(file: string) {
  return parseHTML(read(file)).document;
}

/** Visible text of an element with whitespace collapsed. */
export function text(el: { textContent: string | null } | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** METRICS.md §6 publication minimum: the default in force (the real manifests keep it). */
export const MIN_PARTICIPANTS = DEFAULT_SETTINGS.min_participants;

/** Ids already URL-safe are kept as the page slug (src/lib/format/slug.ts, stated rule). */
export const URL_SAFE = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
