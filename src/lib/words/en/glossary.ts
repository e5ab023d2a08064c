/**
 * The glossary in English (the Russian one: ru/glossary.ts). The forms are the English
 * words the pages use, so a term links at its first use; the Russian exam names stay as
 * the data spell them (these terms are listed only for data that have those exams).
 */
import type { glossary as ru } from '../ru/glossary.ts';

export const glossary: typeof ru = {
  page: {
    title: 'Glossary',
    description: 'What the words and abbreviations on this site mean: gap, z-score, pp, and others.',
    lead: 'What the words and abbreviations on this site mean. On every page, the first use of a term links here.',
  },
  terms: {
    gia: { term: 'ГИА', forms: ['ГИА'], definition: 'State final assessment (GIA): the Russian exams at the end of grade 9 (OGE) and grade 11 (EGE).' },
    ege: {
      term: 'ЕГЭ',
      forms: ['ЕГЭ'],
      definition: 'Unified State Exam (EGE), taken in grade 11. The result is a test score from 0 to 100 in each subject; each subject has a minimum passing score.',
    },
    oge: { term: 'ОГЭ', forms: ['ОГЭ'], definition: 'Basic State Exam (OGE), taken in grade 9. The result is a grade from 2 to 5.' },
    vpr: {
      term: 'ВПР',
      forms: ['ВПР'],
      definition: 'All-Russian Progress Tests (VPR) in grades 4 to 11: a diagnostic, not a ranking. The site does not compare schools by them.',
    },
    shnro: {
      term: 'Low-results school',
      forms: ['low-results school', 'low-results schools', 'Low-results school', 'Low-results schools'],
      definition: 'A school with low learning results, identified by the rules of the regional program (listed on the Methodology page).',
    },
    nsu: {
      term: 'School in unfavorable social conditions',
      forms: ['school in unfavorable social conditions', 'schools in unfavorable social conditions', 'School in unfavorable social conditions', 'Schools in unfavorable social conditions'],
      definition: 'A school working in unfavorable social conditions, judged by the social well-being index of its students.',
    },
    gap: {
      term: 'Gap',
      forms: ['gap', 'gaps', 'Gap', 'Gaps'],
      definition: (share: string) =>
        `The difference between the mean result of the top ${share} and the bottom ${share} of schools in the required subjects. The ratio divides one mean by the other: how many times the mean of the top group exceeds the mean of the bottom group.`,
    },
    z: {
      term: 'z-score',
      forms: ['z-score', 'z-scores', 'Z-score', 'Z-scores'],
      definition: 'How many standard deviations a school’s value is above (plus) or below (minus) the mean of the region’s schools. 0 is an average school.',
    },
    pp: {
      term: 'pp',
      forms: ['pp'],
      definition: 'Percentage points: the difference between two percentages (from 40% to 45% is +5 pp).',
    },
    hidden: {
      term: 'Hidden',
      forms: ['hidden', 'Hidden'],
      definition: (minParticipants: number) =>
        `The value is not published because it could reveal the results of individual children: the group has fewer than ${minParticipants} participants, or the value could be worked out by subtracting other published values.`,
    },
  },
};
