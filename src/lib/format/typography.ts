/**
 * Display typography for Russian text, applied where pages render text (never to the
 * CSV downloads, which keep each name as published):
 * - a no-break space after «№», so «№ 44» never splits across lines;
 * - paired straight quotes as «ёлочки», the one quote style of the site;
 * - a no-break space between a number and its unit («3,5 %», «2,1 п. п.», «2025 г.») and
 *   after «г.» before a town's name.
 * Numbers themselves come from Intl with no-break group separators already.
 * In English, paired straight quotes become “curly” ones and the Russian rules do nothing.
 */
import { locale } from '../words/locale.ts';

const NB = '\u00a0';

/** Anything typeset would change; most cells (numbers, plain words) have none of it. */
const NEEDS = /№|"|\d [%пг]|п\. п\.|г\. [А-ЯЁ]/;

export function typeset(text: string): string {
  if (!text || !NEEDS.test(text)) return text;
  if (locale() === 'en') return text.replace(/"([^"\n]+)"/g, '\u201c$1\u201d');
  return text
    .replace(/№\s*(?=\d)/g, `№${NB}`)
    .replace(/"([^"\n]+)"/g, '«$1»')
    .replace(/(\d) (%|п\. п\.|г\.)/g, `$1${NB}$2`)
    .replace(/п\. п\./g, `п.${NB}п.`)
    .replace(/(^|[\s(])г\. (?=[А-ЯЁ])/g, `$1г.${NB}`);
}
