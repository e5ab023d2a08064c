import { describe, expect, it } from 'vitest';
import { glossary, linkTerms } from '../../src/lib/words/glossary.ts';
import { DEFAULT_SETTINGS } from '../../src/lib/model/config.ts';

const terms = glossary(DEFAULT_SETTINGS, ['ЕГЭ', 'ОГЭ'], true);
const href = (id: string) => `/glossary/#${id}`;

describe('glossary links', () => {
  it('links the first use of each term on a page, whole words only', () => {
    const used = new Set<string>();
    const a = linkTerms('Школа ШНРО: средний балл ЕГЭ ниже; ЕГЭ и ШНРО снова.', terms, href, used);
    expect(a.map((s) => (typeof s === 'string' ? s : `[${s.text}→${s.href}]`)).join('')).toBe('Школа [ШНРО→/glossary/#shnro]: средний балл [ЕГЭ→/glossary/#ege] ниже; ЕГЭ и ШНРО снова.');
    // Later paragraphs of the same page: already linked terms stay text.
    const b = linkTerms('ГИА и ЕГЭ.', terms, href, used);
    expect(b.map((s) => (typeof s === 'string' ? s : `[${s.text}]`)).join('')).toBe('[ГИА] и ЕГЭ.');
  });

  it('does not link inside another word, and lists only what the data uses', () => {
    expect(linkTerms('ВПРАВО', glossary(DEFAULT_SETTINGS, ['ВПР'], false), href, new Set())).toEqual(['ВПРАВО']);
    const ids = glossary({ ...DEFAULT_SETTINGS, gap_share: 0.2 }, ['SAT'], false).map((t) => t.id);
    expect(ids).toEqual(['gap', 'z', 'pp', 'hidden']);
    expect(glossary({ ...DEFAULT_SETTINGS, gap_share: 0.2 }, ['SAT'], false)[0].definition).toContain('20\u00a0% лучших');
  });
});
