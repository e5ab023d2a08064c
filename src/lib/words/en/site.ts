import type { site as ru } from '../ru/site.ts';
import { formatInt, formatList, formatNumber } from '../../format/index.ts';

export const site: typeof ru = {
  shareHead: (label: string) => `${label}, %`,
  mandatorySet: (exam: string, subjects: string[]) => `${exam}: ${formatList(subjects)}`,
  indexNames: { social: 'Social well-being index', staffing: 'Staffing index', resources: 'Resources index' },
  indexRow: (name: string, year: number) => `${name} (${year})`,
  /** The index row when too few of its components are in the data (its value is not computed). */
  indexTooFew: (have: number, total: number, need: number) => `not computed: ${have} of ${total} components, needs ${need}`,
  yes: 'yes',
  no: 'no',
  componentRow: (name: string, reversed: boolean) => `— ${name}${reversed ? ' (lower is better)' : ''}`,
  reversedNote: 'For components marked “lower is better” the z-score is taken with the sign reversed: the lower the value, the higher the score.',
  sizeBands: (a: number, b: number): [string, string, string] => [`up to ${formatInt(a)} students`, `${formatInt(a)}–${formatInt(b)} students`, `${formatInt(b)} students or more`],
  programmeNotApplied: (name: string) => `The rules of the program “${name}” do not apply to this dataset (the Methodology page says why), so no school is identified as a low-results school or a school in unfavorable social conditions.`,
  partnership: {
    period: (start: number, end: number | null) => (end ? `${start}–${end}` : `since ${start}`),
    caption: (scoreLabel: string) => `Results before and after the partnership began (${scoreLabel})`,
    school: 'School',
    before: (year: number) => `Before ${year}`,
    after: (year: number) => `From ${year}`,
    supported: (name: string) => `${name} (supported)`,
    strong: (name: string) => `${name} (strong)`,
    heading: 'School partnership',
    getsSupport: (partner: string, period: string) => `The school is supported by the partner school “${partner}” (${period}).`,
    supports: (school: string, period: string) => `The school supports “${school}” (${period}).`,
    noComparison: 'Results before and after cannot be compared: not enough published data.',
    change: (change: number) => `Since the partnership began, the supported school’s result is ${formatNumber(Math.abs(change), 1)} ${change >= 0 ? 'higher' : 'lower'} than before.`,
  },
  vpr: {
    row: (subject: string, grade: number | string) => `${subject}, grade ${grade}`,
    caption: (year: number) => `National diagnostic tests (VPR) ${year}: mean grade and distribution`,
    what: 'Subject, grade',
    n: 'Participants',
    mean: 'Mean grade',
    shareGood: 'Grades 4 and 5',
    shareBelow: 'Grade 2',
  },
  headline: (scoreName: string, value: string, year: number) => `${scoreName} ${value} in ${year}`,
};
