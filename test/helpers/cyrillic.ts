/**
 * Cyrillic text in a built site: every file a reader opens or downloads (pages, CSV, JSON,
 * the Atom feed, SVG), not the script bundles (they carry both catalogues) nor Pagefind's
 * compressed index. A phrase is a run of Cyrillic words with what joins them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';

const READ = new Set(['.html', '.csv', '.json', '.xml', '.svg', '.txt', '.webmanifest']);
const PHRASE = /[А-Яа-яЁё][А-Яа-яЁё0-9 ,.:;«»()\u00a0\-—–%№]*[А-Яа-яЁё»)]?/g;

export function cyrillicPhrases(dir: string): Map<string, { count: number; file: string }> {
  const found = new Map<string, { count: number; file: string }>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'pagefind') walk(full);
        continue;
      }
      if (!READ.has(extname(e.name))) continue;
      const text = readFileSync(full, 'utf8');
      for (const m of new Set(text.match(PHRASE) ?? [])) {
        const phrase = m.trim().slice(0, 120);
        const hit = found.get(phrase);
        if (hit) hit.count++;
        else found.set(phrase, { count: 1, file: relative(dir, full) });
      }
    }
  };
  walk(dir);
  return found;
}
