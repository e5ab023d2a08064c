/**
 * The printable report on the open-data sites of the global setup (where ../shared is
 * present): with no programme declared it says that no school is identified instead of
 * showing an empty list, and its data date is the newest source date of the manifest.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { doc, text } from '../real/shared.ts';
import { shouldCheck, site } from '../helpers/site-files.ts';

/** The newest `date:` of a manifest, read as plain text (YYYY-MM-DD), shown as DD.MM.YYYY (Russian) or as it is (English). */
function newestManifestDate(manifest: string, iso: boolean): string | null {
  const dates = [...readFileSync(manifest, 'utf8').matchAll(/^\s*date:\s*"?(\d{4})-(\d{2})-(\d{2})"?\s*$/gm)].map((m) => `${m[1]}-${m[2]}-${m[3]}`).sort();
  const d = dates.at(-1);
  return d ? (iso ? d : d.split('-').reverse().join('.')) : null;
}

// Each site in its language: Moscow in Russian, NYC in English (manifest `locale: en`).
const WORDS = {
  moscow: { noProgramme: 'Регион не объявил программу', dataDate: 'Дата данных', none: 'не указана', built: /Отчёт собран \d/, iso: false },
  nyc: { noProgramme: 'The region has declared no program', dataDate: 'Date of data', none: 'not given', built: /Report built \d/, iso: true },
};

describe.each([
  ['moscow', 'data/real/moscow-ege-2016'],
  ['nyc', 'data/real/nyc-doe'],
] as const)('report without a programme: %s', (name, data) => {
  const w = WORDS[name];
  it.skipIf(!shouldCheck(name))('says no school is identified and gives the data date of the sources', () => {
    const file = join(site(name), 'report', 'index.html');
    const page = doc(file);
    const flagged = page.querySelector('#flagged');
    expect(text(flagged), file).toContain(w.noProgramme);
    expect(flagged?.querySelector('table'), file).toBeNull();
    const date = newestManifestDate(join(data, 'dataset.yml'), w.iso);
    const sources = text(page.querySelector('#sources'));
    expect(sources, file).toContain(date ? `${w.dataDate} ${date}` : `${w.dataDate} ${w.none}`);
    // The global setup passes no build date: unless the environment does, none is printed.
    if (!process.env.SOURCE_DATE_EPOCH) expect(sources, file).not.toMatch(w.built);
  });
});
