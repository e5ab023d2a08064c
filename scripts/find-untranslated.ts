/**
 * node scripts/find-untranslated.ts SITE_DIR
 * Lists the Cyrillic text left in a site built in English (manifest `locale: en`): every
 * distinct Cyrillic phrase with how many files hold it and one of them. A translator's
 * worklist; test/pages/english.test.ts asserts it is empty for the NYC site.
 */
import { cyrillicPhrases } from '../test/helpers/cyrillic.ts';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/find-untranslated.ts SITE_DIR');
  process.exit(2);
}
const found = cyrillicPhrases(dir);
for (const [phrase, where] of [...found].sort((a, b) => b[1].count - a[1].count)) {
  console.log(`${String(where.count).padStart(6)}  ${where.file}  ${phrase}`);
}
console.log(`${found.size} phrases`);
