import type { charts as ru } from '../ru/charts.ts';
import { countOf, forms, formatInt, plural } from '../../format/index.ts';

let ordinalRules: Intl.PluralRules | undefined;
const SUFFIX: Record<string, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };
/** 1 → 1st, 22 → 22nd, 113 → 113th. */
function ordinal(n: number): string {
  ordinalRules ??= new Intl.PluralRules('en-US', { type: 'ordinal' });
  return `${formatInt(n)}${SUFFIX[ordinalRules.select(n)] ?? 'th'}`;
}

export const charts: typeof ru = {
  valueWithUnit: (number: string, percent: boolean) => `${number}${percent ? '%' : ''}`,
  points: (number: string) => `${number}\u00a0pp`,
  year: 'Year',
  newScale: 'new scale',
  item: (name: string, value: string) => `${name} ${value}`,
  inYear: (year: number, items: string[]) => ` In ${year}: ${items.join(', ')}.`,
  lines: {
    oneYear: (name: string, value: string, year: number) => `${name}: ${value} in ${year}; no other year has published data.`,
    twoYears: (name: string, first: string, firstYear: number, last: string, lastYear: number, change: string) => `${name}: ${first} in ${firstYear} and ${last} in ${lastYear} (${change}).`,
    scaleBreak: (year: number) => ` In ${year} the exam’s scale changed: earlier years are not compared with these.`,
    hidden: (groups: [string, string][]) => ` Not shown: ${groups.map(([years, why]) => `${years} (${why})`).join('; ')}.`,
    coded: (groups: [string, string][]) => ` In a small group the share is shown as a band, without an exact number: ${groups.map(([years, band]) => `${years}: ${band}`).join('; ')}.`,
  },
  gap: {
    oneYear: (top: string, bottom: string, year: number, gap: string) => `The gap between the ${top} and the ${bottom} of schools in ${year} is ${gap}`,
    notComparable: '; it is not compared with earlier years: the scale changed.',
    noOtherYears: '; no other year has a published gap.',
    changed: (top: string, bottom: string, direction: number, first: string, firstYear: number, last: string, lastYear: number, change: string) =>
      `The gap between the ${top} and the ${bottom} of schools ${direction < 0 ? 'narrowed' : direction > 0 ? 'widened' : 'did not change'}: ${first} in ${firstYear} and ${last} in ${lastYear} (${change}).`,
    scaleBefore: (year: number) => ` Before ${year} the scale was different; those years are not compared.`,
    hidden: (years: number[], reason: string) => ` The gap for ${years.join(', ')} is not shown: ${reason}.`,
    groupColumn: (group: string, percent: boolean) => `${group}, ${percent ? '%' : 'points'}`,
    gapColumn: (percent: boolean) => `Gap${percent ? ', pp' : ''}`,
    legend: 'gap (gray band; the number is its size)',
  },
  position: {
    school: (a) => {
      const band = a.band === 'top' ? `is in the ${a.top}` : a.band === 'bottom' ? `is in the ${a.bottom}` : `is in neither the ${a.top} nor the ${a.bottom}`;
      return `${a.subject}: ${a.value}, ranked ${ordinal(a.rank)} of ${countOf(a.total, forms().schools)} in the region with a published score; the school ${band} (as in the region’s gap group lists; cut-offs: ${a.top} ${a.topCut}, ${a.bottom} ${a.bottomCut}).`;
    },
    area: (a) =>
      `${a.subject}: of ${countOf(a.count, forms().schools)} in the ${a.areaGenitive}, ${a.inTop === 0 ? 'none is' : `${formatInt(a.inTop)} ${plural(a.inTop, ['is', 'are', 'are'])}`} in the ${a.top} of the region’s schools and ${a.inBottom === 0 ? 'none' : formatInt(a.inBottom)} in the ${a.bottom} (${countOf(a.total, forms().schools)} with a published score in all).`,
    areaGenitive: 'municipality',
    schoolColumn: 'School',
    rankOf: (total: number) => `Rank of ${formatInt(total)}`,
    areaSchool: (areaGenitive: string) => `the ${areaGenitive}’s school (dot)`,
    areaSchools: (areaGenitive: string) => `the ${areaGenitive}’s schools (one dot per school)`,
    others: 'all schools in the region (gray bars: how many schools have that result)',
  },
  thisSchool: 'this school (diamond)',
  byName: {
    summary: (best: string, bestValue: string, worst: string, worstValue: string) => `Highest: ${best} (${bestValue}); lowest: ${worst} (${worstValue}).`,
    nameColumn: 'Municipality',
  },
  context: {
    summary: (school: string, actual: string, expected: string, above: boolean, diff: string) =>
      `${school}: actual result ${actual}, expected for this social context ${expected}; ${diff} ${above ? 'above' : 'below'} expected.`,
    socialIndex: 'Social well-being index',
    others: 'other schools (circles)',
    expectedLegend: 'expected result',
    measure: 'Measure',
    value: 'Value',
    actual: 'Actual result',
    expected: 'Expected result',
    difference: 'Difference',
  },
  figure: {
    legend: 'Key',
    table: 'Chart data table',
  },
};
