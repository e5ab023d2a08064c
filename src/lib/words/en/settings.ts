/** The English phrases that print a setting (the Russian ones: ru/settings.ts). */
import type { Settings } from '../../model/config.ts';
import type { settingsWords as ru } from '../ru/settings.ts';
import { examsWord } from '../../metrics/rules.ts';
import { capitalize, forms, formatInt, formatNumber, pctText, plural, shareText } from '../../format/index.ts';

export const settingsWords: typeof ru = (settings: Settings) => {
  const R = settings.rules;
  const share = shareText(settings.gap_share);
  const quantile = shareText(R.low_results_quantile);
  const indexQuantile = shareText(R.index_quantile);
  const exams = examsWord(settings);
  const windowYears = `${formatInt(R.low_results_years)}\u00a0${plural(R.low_results_years, forms().years)}`;
  const ruleNames: Record<string, string> = {
    low_results: `Among the ${quantile} of schools with the lowest ${exams} results over ${windowYears}`,
    continue_10: `Fewer than ${pctText(R.continue_10_min)} of grade 9 leavers went on to grade 10`,
    below_region: `Mean exam score more than ${formatNumber(R.below_region_points, Number.isInteger(R.below_region_points) ? 0 : 1)} ${plural(R.below_region_points, forms().points)} below the regional mean`,
    olympiad: `No more than ${pctText(R.olympiad_max)} of students take part in olympiads`,
    satisfaction: `Satisfaction with the quality of education no more than ${pctText(R.satisfaction_max)}`,
    knowledge_quality: 'Knowledge quality no more than 40% in 2 or more regional assessments',
    social_index: `Among the ${indexQuantile} of schools with the lowest social well-being index`,
    staffing_index: `Among the ${indexQuantile} of schools with the lowest staffing index`,
    resources_index: `Among the ${indexQuantile} of schools with the lowest resources index`,
    monotown: 'Single-industry town',
    pension_majority: 'Population mostly of pension age',
    unemployment: `Unemployment ${formatNumber(R.unemployment_ratio_min, 1)} times the regional average or more`,
  };
  const a = settings.area_names;
  // English has no cases: the genitive and prepositional forms are the dataset's words too.
  const area = {
    ...a,
    title: capitalize(a.nominative),
    titlePlural: capitalize(a.nominative_plural),
    count: [a.nominative, a.nominative_plural, a.nominative_plural] as const,
    countGenitive: [a.genitive, a.genitive_plural, a.genitive_plural] as const,
    countPrepositional: [a.prepositional, a.prepositional_plural, a.prepositional_plural] as const,
  };
  return {
    area,
    top: `top ${share}`,
    bottom: `bottom ${share}`,
    gapTitle: `Gap between the top ${share} and the bottom ${share} of schools`,
    topMean: `Mean of the top ${share}`,
    gapReductionName: `Yearly reduction of the gap in ${exams} results in the required subjects between the top ${share} and the bottom ${share} of schools`,
    bottomMean: `Mean of the bottom ${share}`,
    ruleName: (rule: string) => ruleNames[rule] ?? rule,
    ruleNames,
    noProgramme: 'The region has declared no program that identifies low-results schools or schools in unfavorable social conditions, so the site identifies no school: it shows results, the gap and their change only.',
    notApplied: (reason: string) => `does not apply: ${reason}`,
  };
};
