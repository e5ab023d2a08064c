import type { metrics as ru } from '../ru/metrics.ts';
import { formatInt, formatPercent } from '../../format/index.ts';

export const metrics: typeof ru = {
  indicators: {
    low_ses_share: 'Share of families of low socio-economic and cultural status',
    deviant_share: 'Share of students with behavioral problems',
    low_motivation_share: 'Share of students with low motivation to learn',
    weak_russian_share: 'Share of students with a weak command of the language of instruction',
    distance_km: 'Distance to the nearest educational center',
    students: 'Number of students',
    teachers_category_share: 'Share of teachers who confirmed or raised their qualification category in 3 years',
    teachers_overload_share: 'Share of teachers working 1.5 full-time loads or more',
    teachers_contests_share: 'Share of teachers taking part in professional competitions',
    teachers_offprofile_share: 'Share of teachers teaching outside the subject of their degree',
    textbooks_new_share: 'Share of textbooks no older than 3 years',
    extrabudget_share: 'Share of income from outside the budget',
    repairs_share: 'Share of spending on repairs and renewal',
    monotown: 'Single-industry town',
    pension_majority: 'Population mostly of pension age',
    unemployment_ratio: 'Unemployment relative to the regional average',
    continue_10_share: 'Share of grade 9 leavers who went on to grade 10',
    olympiad_share: 'Share of students taking part in olympiads (over 3 years)',
    satisfaction_share: 'Satisfaction with the quality of education (independent survey)',
  },
  programmeIndicators: {
    equal_access_share: 'Share of low-results schools and schools in unfavorable social conditions that provide equal access to good general education',
    teachers_pd_share: 'Share of teachers who completed retraining or professional development on improving the quality of education',
    gia_pass_share_flagged: 'Share of students of low-results schools and schools in unfavorable social conditions who passed the final state exams',
    improved_share_flagged: 'Share of low-results schools and schools in unfavorable social conditions whose students improved their results over the school year',
    staffing_share_flagged: 'Staffing of low-results schools and schools in unfavorable social conditions with qualified teachers',
    gap_reduction_pct: 'Yearly reduction of the gap in final exam results in the required subjects between the top 10% and the bottom 10% of schools',
  },
  units: { '%': '%', балл: 'points', км: 'km', 'чел.': 'people', 'да/нет': 'yes/no', раз: 'times', отметка: 'grade' },
  flagNames: {
    shnro: 'Low-results school',
    nsu: 'School in unfavorable social conditions',
    staffing: 'Weak staffing',
    resources: 'Weak resources',
    territory: 'Difficult territory',
  },
  noData: 'no data',
  missing: {
    indicator: (name: string) => `the dataset has no indicator “${name}”`,
    index: (need: number, of: number, have: number) => `the index needs at least ${formatInt(need)} of ${formatInt(of)} indicators, the dataset has ${formatInt(have)}`,
    noExamResults: (exams: string) => `the dataset has no ${exams} results`,
    examYears: (need: string, exams: string, have: string) => `${need} of ${exams} results are needed, the dataset has ${have}`,
    noEge: 'the dataset has no Unified State Exam (EGE) results',
    knowledgeQuality: 'the dataset has no regional assessments of knowledge quality (national diagnostic tests are not used for this)',
    noProgramme: 'the region has declared no program that identifies low-results schools or schools in unfavorable social conditions',
    flagNotInProgramme: 'the region’s program does not include this identification',
  },
  gia: 'final state exam',
  hidden: {
    small: (minParticipants: number) => `hidden: fewer than ${minParticipants} participants`,
    complementary: 'hidden: protects against subtraction',
    groupMean: 'hidden: data protection',
    derived: 'hidden: it would give back a hidden result',
    setSubject: 'hidden: the result of one of the subjects is hidden',
    byPublisher: 'hidden by the data publisher',
  },
  codeLow: (band: number) => `${formatPercent(band, 0)} or less`,
  codeHigh: (band: number) => `${formatPercent(band, 0)} or more`,
  measures: {
    mean: { label: 'Mean score', unit: 'points', short: 'mean score' },
    share_below: { label: 'Share below the pass mark', unit: '%', short: 'below the pass mark' },
    share_good: { label: 'Share of good and excellent grades', unit: '%', short: 'knowledge quality' },
    share_high: { label: 'Share of high scorers', unit: '%', short: 'high scores' },
    grade: { label: 'Mean grade', unit: 'grade', short: 'mean grade' },
  },
  direction: { improving: 'better', worsening: 'worse', stable: 'no change' },
  status: { met: 'met', not_met: 'not met', no_data: 'no data', no_target: 'no target set' },
  cluster: (c) => {
    const adjectives: string[] = [];
    if (c.size > 0) adjectives.push('large');
    else if (c.size < 0) adjectives.push('small');
    if (c.urban > 0) adjectives.push('urban');
    else if (c.urban < 0) adjectives.push('rural');
    const parts = [...adjectives, 'schools', c.results > 0 ? 'with high results' : c.results < 0 ? 'with low results' : 'with average results'];
    if (c.social > 0) parts.push('in favorable social conditions');
    else if (c.social < 0) parts.push('in unfavorable social conditions');
    const weak = [c.weakStaffing && 'staffing', c.weakResources && 'resources'].filter(Boolean);
    if (weak.length) parts.push(`with weak ${weak.join(' and ')}`);
    const s = parts.join(' ');
    return s[0].toUpperCase() + s.slice(1);
  },
  clusterDuplicate: (n: number) => ` (group ${n})`,
  clusterUrbanShare: (pct: number) => ` (urban: ${formatPercent(pct, 0)})`,
};
