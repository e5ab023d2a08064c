/**
 * The site's words that depend on the settings, in Russian: every threshold and share is
 * printed from the setting in force, never from a default written into a sentence.
 * One entry per phrase, each a function of the settings (and counts where it has them),
 * so a changed `gap_share` or rule threshold changes every page, CSV header and
 * methodology paragraph at once (ARCHITECTURE.md: «Words are data too»).
 */
import type { Settings } from '../../model/config.ts';
import { examsWord } from '../../metrics/rules.ts';
import { capitalize, forms, formatInt, formatNumber, pctText, plural, shareText } from '../../format/index.ts';

/** Phrases that print a setting: every threshold and share from the value in force. */
export function settingsWords(settings: Settings) {
  const R = settings.rules;
  const share = shareText(settings.gap_share);
  const quantile = shareText(R.low_results_quantile);
  const indexQuantile = shareText(R.index_quantile);
  const exams = examsWord(settings);
  const windowYears = `${formatInt(R.low_results_years)}\u00a0${plural(R.low_results_years, forms().years)}`;
  const ruleNames: Record<string, string> = {
    low_results: `В ${quantile} школ с самыми низкими результатами ${exams} за ${windowYears}`,
    continue_10: `Менее ${pctText(R.continue_10_min)} выпускников 9 класса продолжили обучение в 10 классе`,
    below_region: `Средний балл ЕГЭ более чем на ${formatNumber(R.below_region_points, Number.isInteger(R.below_region_points) ? 0 : 1)} ${plural(R.below_region_points, forms().points)} ниже среднего по региону`,
    olympiad: `Не более ${pctText(R.olympiad_max)} обучающихся — участники олимпиад`,
    satisfaction: `Удовлетворённость качеством образования не более ${pctText(R.satisfaction_max)}`,
    // The seed's own definition; no setting and no data in the canonical tables (rules.ts).
    knowledge_quality: 'Качество знаний не более 40 % в 2 и более региональных мониторингах',
    social_index: `В ${indexQuantile} школ с самым низким индексом социального благополучия`,
    staffing_index: `В ${indexQuantile} школ с самым низким индексом кадрового обеспечения`,
    resources_index: `В ${indexQuantile} школ с самым низким индексом ресурсного обеспечения`,
    monotown: 'Моногород',
    pension_majority: 'Преобладает население пенсионного возраста',
    unemployment: `Безработица в ${formatNumber(R.unemployment_ratio_min, 1)} ${plural(2, forms().times)} и более выше средней по региону`,
  };
  const a = settings.area_names;
  const area = {
    ...a,
    /** «Муниципалитет», «Административный округ»: a column head or label. */
    title: capitalize(a.nominative),
    titlePlural: capitalize(a.nominative_plural),
    /** For countOf: 1 муниципалитет, 2 муниципалитета, 5 муниципалитетов. */
    count: [a.nominative, a.genitive, a.genitive_plural] as const,
    /** After «для», «из»: для 1 муниципалитета, для 2 муниципалитетов. */
    countGenitive: [a.genitive, a.genitive_plural, a.genitive_plural] as const,
    /** After «в»: в 1 муниципалитете, в 3 муниципалитетах. */
    countPrepositional: [a.prepositional, a.prepositional_plural, a.prepositional_plural] as const,
  };
  return {
    area,
    /** «10 % лучших» — the best group of the gap. */
    top: `${share} лучших`,
    bottom: `${share} худших`,
    gapTitle: `Разрыв между ${share} лучших и ${share} худших школ`,
    topMean: `Среднее ${share} лучших`,
    gapReductionName: `Сокращение разрыва в результатах ${exams} по обязательным предметам между ${share} лучших и ${share} худших школ за год`,
    bottomMean: `Среднее ${share} худших`,
    ruleName: (rule: string) => ruleNames[rule] ?? rule,
    ruleNames,
    /** The site's words when the region follows no programme. */
    noProgramme: 'Регион не объявил программу, по которой школы относят к ШНРО или НСУ, поэтому сайт не относит к ним ни одну школу: показаны только результаты, разрыв и их динамика.',
    notApplied: (reason: string) => `не применяется: ${reason}`,
  };
}

