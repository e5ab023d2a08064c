/**
 * The glossary and the methodology in English: the terms link at their first use as whole
 * English words, every threshold is printed from the settings, and no Russian letter is left
 * in what an English site without Russian exams shows.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { glossary, linkTerms } from '../../src/lib/words/glossary.ts';
import { setLocale } from '../../src/lib/words/locale.ts';
import { t } from '../../src/lib/words/index.ts';
import { DEFAULT_SETTINGS } from '../../src/lib/model/config.ts';

afterEach(() => setLocale('ru'));
const href = (id: string) => `#${id}`;
const show = (segments: ReturnType<typeof linkTerms>) => segments.map((s) => (typeof s === 'string' ? s : `[${s.text}→${s.href}]`)).join('');
const CYRILLIC = /[А-Яа-яЁё«»]/;

describe('English glossary', () => {
  it('lists the terms in English, with the settings in force', () => {
    setLocale('en');
    const terms = glossary({ ...DEFAULT_SETTINGS, gap_share: 0.2, min_participants: 15 }, ['SAT'], false);
    expect(terms.map((x) => x.term)).toEqual(['Gap', 'z-score', 'pp', 'Hidden']);
    expect(terms[0].definition).toContain('top 20% and the bottom 20%');
    expect(terms[3].definition).toContain('fewer than 15 participants');
    for (const x of terms) expect(`${x.term} ${x.forms.join(' ')} ${x.definition}`).not.toMatch(CYRILLIC);
  });

  it('links the first use of each English term, as a whole word', () => {
    setLocale('en');
    const terms = glossary(DEFAULT_SETTINGS, ['SAT'], true);
    const used = new Set<string>();
    expect(show(linkTerms('The gap grew by 2.1 pp; the gap is hidden. Gaps and gapped.', terms, href, used))).toBe(
      'The [gap→#gap] grew by 2.1 [pp→#pp]; the gap is [hidden→#hidden]. Gaps and gapped.',
    );
    expect(show(linkTerms('Two low-results schools and a z-score; a school in unfavorable social conditions.', terms, href, used))).toBe(
      'Two [low-results schools→#shnro] and a [z-score→#z]; a [school in unfavorable social conditions→#nsu].',
    );
    // Not inside another word.
    expect(show(linkTerms('Apps, mishidden, ungap, z-scored.', terms, href, new Set()))).toBe('Apps, mishidden, ungap, z-scored.');
  });
});

describe('English methodology', () => {
  it('prints every threshold from the settings, in English', () => {
    setLocale('en');
    const m = t().methodology;
    expect(m.gap.eligible(12)).toBe('A school is included if it has at least 12\u00a0participants in each subject of the set that year (a smaller group is not published, and the set’s result would give it away).');
    expect(m.gap.target(0.5).join('')).toContain('at least 0.5% a year');
    expect(m.gap.subjectSets({ SAT: ['Critical Reading', 'Math', 'Writing'] })).toBe('SAT: Critical Reading, Math, and Writing');
    expect(m.gap.fewSchools('school district', 10)).toMatch(/^If a school district has fewer than 10\u00a0schools/);
    expect(m.gap.fewSchools('area', 10)).toMatch(/^If an area/);
    const example = m.gap.example({ schools: 25, exact: 5, k: 5, top: [78, 76, 74, 72, 70], bottom: [46, 48, 50, 52, 54], topMean: 74, bottomMean: 50, gap: 24, ratio: 1.48, previous: 1.4985, reduction: 1.23, target: 2 }).join('');
    expect(example).toContain('k = ⌈5.0⌉ = 5');
    expect(example).toContain('the target of 2.0% is not met');
    expect(m.disclosure.minimum(7)).toContain('“hidden: fewer than 7 participants”');
    const all = [
      m.title, m.lead, m.sources.before, m.sources.after, m.sources.states, m.results.shown(null), m.results.weighted('school district'),
      m.gap.score('SAT: Math', 'mean score'), m.gap.groups('10%'), m.gap.formula, m.gap.groupDisclosure, example,
      m.indicators.text, m.indicators.derived('SAT').join(''), m.flags.programme('Support'), m.flags.lowResults(['SAT'], 10, 3), m.flags.index,
      m.context.text, m.context.similar(10, 'school district'), m.context.clusters(4),
      m.disclosure.subtraction('school district'), m.disclosure.coded(30, { n: 10, band: 10 }).join(''), m.disclosure.coded(30, null).join(''), m.disclosure.reliability(30),
    ];
    for (const line of all) expect(line).not.toMatch(CYRILLIC);
  });
});
