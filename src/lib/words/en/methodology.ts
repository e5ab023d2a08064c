/**
 * The methodology page in English (the Russian one: ru/methodology.ts). Every threshold is
 * printed from the setting passed in. English needs no `&nbsp;` entity, so each `Nbsp`
 * entry is one piece. The paragraphs on Russian exams and documents appear only for data
 * that have those exams; their exam names come from the data.
 */
import type { methodology as ru, GapExample, Nbsp } from '../ru/methodology.ts';
import { countOf, formatInt, formatList, formatNumber, formatPercent, forms, pctText, stateLabel } from '../../format/index.ts';

/** «a school district», «an area». */
const a = (noun: string) => `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;

export const methodology: typeof ru = {
  title: 'Methodology',
  description: 'How every figure on this site is calculated: definitions, thresholds, and defaults.',
  lead: 'This page explains how every number on the site is calculated. The thresholds shown are the ones this site was built with.',

  sources: {
    title: 'Where the data come from',
    before: 'The site is built from CSV files published by the education authority (listed on the “',
    link: 'Sources',
    after: '” page). The files are never changed: the software reads them as published, checks every cell, and stops the build on any error, naming the file, row, and column.',
    states: 'A missing value (“no data”), a value hidden by the publisher or by us (“hidden”), “not applicable”, and a true zero are four different things. A missing value never becomes zero, and a chart line breaks at a missing year.',
  },

  results: {
    title: 'Exam results',
    shown: (high) =>
      `For each school, year, exam, and subject, the site shows the number of participants, the mean score and, where published, the share of participants below the minimum passing score, the share of grades 4 and 5 (knowledge quality), and the share of high scorers${high ? ` (${high.exam}: ${countOf(high.points, forms().points)} or more)` : ''}.`,
    weighted: (areaGenitive) =>
      `Figures for each ${areaGenitive} and for the region are means weighted by the number of participants: the sum of “participants × mean score” over the schools, divided by the total number of participants. This is not the average of the schools’ means: a school with 80 graduates counts 8 times as much as a school with 10.`,
    exampleLabel: 'Example.',
    example: 'School A: 10 participants, mean score 80. School B: 90 participants, mean score 60. Weighted mean = (10 × 80 + 90 × 60) / 100 = 62, not (80 + 60) / 2 = 70.',
    pass: (exam, thresholds) =>
      `Minimum passing scores in ${exam} (by default, those of the federal order): ${thresholds.map(([subject, points]) => `${subject}, ${formatInt(points)}`).join('; ')}.`,
  },

  gap: {
    subjectSets: (sets) =>
      Object.entries(sets)
        .map(([exam, subjects]) => `${exam}: ${formatList(subjects)}`)
        .join('; '),
    scoreNames: {
      mean: 'mean score',
      share_high: 'share of high scorers',
      share_below: 'share below the passing score',
      share_good: 'share of grades 4 and 5',
    },
    score: (subjectSets, measure) =>
      `Each school gets one result on the subject set (${subjectSets}): its “${measure}”, averaged across the subjects in the set and weighted by the number of participants.`,
    eligible: (minParticipants) => `A school is included if it has at least ${countOf(minParticipants, forms().participants)} in each subject of the set that year (a smaller group is not published, and the set’s result would give it away).`,
    groups: (share) =>
      `Schools are ranked by result. Each group holds k = ${share} of the schools, rounded up (at least one school). Where results tie at the edge of a group, the school code decides the order.`,
    formula: 'Gap = mean of the top k − mean of the bottom k. Ratio = mean of the top k / mean of the bottom k.',
    target: (targetPct): Nbsp => [`Target: the ratio falls by at least ${formatPercent(targetPct, 1)} a year, compared with the year before.`],
    fewSchools: (areaPrepositional, fewSchools) =>
      `If ${a(areaPrepositional)} has fewer than ${countOf(fewSchools, forms().schools)}, the figure is still shown, but marked “calculated from very few schools”.`,
    groupDisclosure:
      'A group’s mean is published only if the result of every school in the group is published. Otherwise a hidden result could be recovered by multiplying the mean by k and subtracting the other schools. In that case the group’s mean, the gap, and the changes from and to the adjacent years are all hidden.',
    exampleLabel: 'Example.',
    example: (e: GapExample): Nbsp => {
      const one = (n: number) => formatNumber(n, 1);
      const list = (xs: number[]) => formatList(xs.map(formatInt));
      const top = e.k === 1 ? 'the top school scores' : 'the top schools score';
      const bottom = e.k === 1 ? 'the bottom one' : 'the bottom ones';
      return [
        `${countOf(e.schools, forms().schools)} → k = ⌈${one(e.exact)}⌉ = ${formatInt(e.k)}. If ${top} ${list(e.top)} points and ${bottom} ${list(e.bottom)}, the gap = ${one(e.topMean)} − ${one(e.bottomMean)} = ${one(e.gap)} points, and the ratio = ${one(e.topMean)} / ${one(e.bottomMean)} ≈ ${formatNumber(e.ratio, 2)}. If the ratio was ${formatNumber(e.previous, 3)} the year before, it fell by ≈ ${formatPercent(e.reduction, 2)}: the target of ${formatPercent(e.target, 1)} is ${e.reduction >= e.target ? 'met' : 'not met'}.`,
      ];
    },
  },

  vpr: {
    title: (exam) => `${exam} results are not used for rankings`,
    text: (exam, ranked, rules): Nbsp => [
      `Rosobrnadzor, the federal education watchdog, recommends against using the results of the All-Russian Progress Tests (${exam}) to rank or assess schools, teachers, or municipalities (letter No. 02-86 of April 18, 2025). So ${rules ? 'the gap and the rules that identify low-results schools are' : 'the gap is'} based only on ${formatList(ranked)} results, and ${exam} results are shown as grade distributions and context, without rankings.`,
    ],
  },

  indicators: {
    title: 'Program indicators and their trends',
    text: 'For each indicator, the site shows its value; the change from the previous year and from the base year; the linear trend (the slope of the least-squares line, in the indicator’s units per year); the direction, taking into account whether a rise or a fall is an improvement; and the status against the year’s target: “met”, “not met”, or “no data”.',
    derived: (exams): Nbsp => [
      `The share of students at low-results schools and schools in unfavorable social conditions who passed the ${exams} is calculated from the results: ${pctText(100)} minus the participant-weighted share below the passing score. The share of such schools that improved their results is the share whose ${exams} result rose from the previous year. The other indicators are taken from the published table of targets.`,
    ],
  },

  flags: {
    title: 'Identifying low-results schools and schools in unfavorable social conditions',
    programme: (name) =>
      `The region follows the program “${name}”. Every rule can be configured. For each identified school, the site shows which rules fired, on which numbers, and how far the school is from the threshold for leaving. Where a school lacks the data to check a rule, the site says “no data”. A rule that needs data this dataset does not have applies to no school.`,
    or: '; or ',
    lowResults: (ranked, minParticipants, years) =>
      `A school’s result in ${formatList(ranked)} for a year is its mean z-score across subjects (its distance from the mean of the region’s schools, in standard deviations), weighted by the number of participants. Only subjects with at least ${countOf(minParticipants, forms().participants)} count. A school is ranked only if it has such a result for ${years === 1 ? 'the last year' : `each of the last ${formatInt(years)} years`}.`,
    notAppliedTitle: 'Rules that do not apply to this dataset:',
    notApplied: (rule, why) => `${rule} — ${why}.`,
    index: 'An index is the weighted mean of its components. Each component is standardized across the region’s schools (a z-score: the distance from the mean in standard deviations) and signed so that higher is better. By default the weights are equal.',
  },

  context: {
    title: 'Results in social context',
    text: 'For each year and exam, a least-squares line is fitted across all schools: a school’s result against its social well-being index. The expected result is the value on that line; the residual is the actual result minus the expected result. ',
    resilientTerm: 'Resilient schools',
    resilient: (share) => ` are schools in unfavorable social conditions whose residual is in the top ${share}. `,
    similarTerm: 'Similar schools',
    similar: (count, areaGenitive) =>
      ` are the ${countOf(count, forms().schools)} that take the same exams and are closest in social well-being index and size (size is measured by the logarithm of enrollment). On a school’s page, the choice can be narrowed to its own ${areaGenitive}, type of locality, or size. `,
    clustersTerm: 'Clusters',
    clusters: (count) => ` are ${countOf(count, ['group', 'groups', 'groups'])} of schools found by k-means clustering on the standardized indices and results. Each cluster is described in words.`,
  },

  disclosure: {
    title: 'Protecting children’s data',
    minimum: (minParticipants) =>
      `No value based on fewer than ${countOf(minParticipants, forms().participants)} is published: not on the pages, in the charts, in the files, or in search. In its place the site says “${stateLabel('suppressed', minParticipants)}”.`,
    subtraction: (areaGenitive) =>
      `A ${areaGenitive} or region total less its published schools would give the rest combined. Where the rest is one or two schools (each, knowing its own result, would learn the other’s) or too few participants to publish, the total is not published and is marked “hidden: protects against subtraction”. No other school’s result is hidden to keep a total. A share shown as a band counts as hidden here.`,
    coded: (reliabilityMin, wider): Nbsp => [
      `In groups of fewer than ${formatInt(reliabilityMin)} participants, shares near ${pctText(0)} and ${pctText(100)} would reveal every child’s result, so they are shown as a band: “${pctText(5)} or less” or “${pctText(95)} or more”. ${wider ? `Where one child is more than ${pctText(5)} of the group, the band is wider (with ${formatInt(wider.n)} participants, “${pctText(wider.band)} or less”), so it never means “no one” or “everyone”.` : 'The band always holds both no child and one child, so it never means “no one” or “everyone”.'}`,
    ],
    reliability: (reliabilityMin) => `The colored status label and the “significant change” mark appear only with ${formatInt(reliabilityMin)} or more participants.`,
  },
};
