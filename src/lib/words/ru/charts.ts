/**
 * Chart words (site/charts.ts, charts/specs.ts): summary sentences, legends, axis labels
 * and the heads of the table under each chart.
 */
import { countOf, forms, plural } from '../../format/index.ts';

export const charts = {
  /** A number already formatted, with the chart's unit when it is a percentage. */
  valueWithUnit: (number: string, percent: boolean) => `${number}${percent ? ' %' : ''}`,
  /** A gap of shares, in percentage points. */
  points: (number: string) => `${number}\u00a0п.\u00a0п.`,
  year: 'Год',
  /** The mark where an exam's scale changes. */
  newScale: 'новая шкала',
  /** «муниципалитет — 74,9»: one series' value in a list. */
  item: (name: string, value: string) => `${name} — ${value}`,
  /** « В 2024 году: муниципалитет — 74,9, регион — 70,1.» */
  inYear: (year: number, items: string[]) => ` В ${year} году: ${items.join(', ')}.`,
  lines: {
    oneYear: (name: string, value: string, year: number) => `${name}: ${value} в ${year} году; других лет с опубликованными данными нет.`,
    twoYears: (name: string, first: string, firstYear: number, last: string, lastYear: number, change: string) => `${name}: ${first} в ${firstYear} году и ${last} в ${lastYear} году (${change}).`,
    scaleBreak: (year: number) => ` В ${year} году изменилась шкала экзамена: более ранние годы с этими не сравниваются.`,
    /** Hidden years grouped by why: [«2021, 2022», «скрыто: …»]. */
    hidden: (groups: [string, string][]) => ` Значения за ${groups.map(([years, why]) => `${years} — ${why}`).join('; за ')}.`,
    /** Years whose share is published as a band: [«2016», «не менее 95 %»]. */
    coded: (groups: [string, string][]) => ` В небольшой группе доля показана полосой, без точного числа: ${groups.map(([years, band]) => `${years} — ${band}`).join('; ')}.`,
  },
  gap: {
    oneYear: (top: string, bottom: string, year: number, gap: string) => `Разрыв между ${top} и ${bottom} школ в ${year} году — ${gap}`,
    notComparable: '; с прошлыми годами он не сравнивается: изменилась шкала.',
    noOtherYears: '; других лет с опубликованным разрывом нет.',
    /** `direction`: −1 the gap narrowed, 1 it widened, 0 unchanged. */
    changed: (top: string, bottom: string, direction: number, first: string, firstYear: number, last: string, lastYear: number, change: string) =>
      `Разрыв между ${top} и ${bottom} школ ${direction < 0 ? 'сократился' : direction > 0 ? 'вырос' : 'не изменился'}: ${first} в ${firstYear} году и ${last} в ${lastYear} году (${change}).`,
    scaleBefore: (year: number) => ` Раньше ${year} года шкала была другой, эти годы не сравниваются.`,
    hidden: (years: number[], reason: string) => ` Разрыв за ${years.join(', ')} не показан: ${reason}.`,
    /** «10 % лучших, балл» / «10 % лучших, %». */
    groupColumn: (group: string, percent: boolean) => `${group}, ${percent ? '%' : 'балл'}`,
    gapColumn: (percent: boolean) => `Разрыв${percent ? ', п. п.' : ''}`,
    legend: 'разрыв (серая полоса, число — его величина)',
  },
  position: {
    /** One school among all: its rank and whether it is in a group. */
    school: (a: { subject: string; value: string; rank: number; total: number; band: 'top' | 'bottom' | 'none'; top: string; bottom: string; topCut: string; bottomCut: string }) => {
      const band = a.band === 'top' ? `входит в ${a.top}` : a.band === 'bottom' ? `входит в ${a.bottom}` : `не входит ни в ${a.top}, ни в ${a.bottom}`;
      return `${a.subject}: ${a.value} — ${a.rank}-е место из ${countOf(a.total, forms().schoolsGenitive)} региона с опубликованным результатом; школа ${band} (как в списках групп разрыва по региону; граница ${a.top} — ${a.topCut}, ${a.bottom} — ${a.bottomCut}).`;
    },
    /** An area's schools among all: how many are in each group. */
    area: (a: { subject: string; count: number; areaGenitive: string; top: string; bottom: string; inTop: number; inBottom: number; total: number }) =>
      `${a.subject}: из ${countOf(a.count, forms().schoolsGenitive)} ${a.areaGenitive} в ${a.top} школ региона ${a.inTop === 0 ? 'не входит ни одна' : `${plural(a.inTop, ['входит', 'входят', 'входят'])} ${a.inTop}`}, в ${a.bottom} — ${a.inBottom === 0 ? 'ни одной' : a.inBottom} (всего опубликован результат ${countOf(a.total, forms().schoolsGenitive)}).`,
    /** The area word when the dataset gives none, in the genitive. */
    areaGenitive: 'муниципалитета',
    schoolColumn: 'Школа',
    rankOf: (total: number) => `Место из ${total}`,
    areaSchool: (areaGenitive: string) => `школа ${areaGenitive} (точка)`,
    areaSchools: (areaGenitive: string) => `школы ${areaGenitive} (по точке на школу)`,
    others: 'все школы региона (серые столбики: сколько школ с таким результатом)',
  },
  /** The mark of the school a page is about. */
  thisSchool: 'эта школа (ромб)',
  byName: {
    summary: (best: string, bestValue: string, worst: string, worstValue: string) => `Самый высокий показатель — ${best} (${bestValue}), самый низкий — ${worst} (${worstValue}).`,
    nameColumn: 'Муниципалитет',
  },
  context: {
    summary: (school: string, actual: string, expected: string, above: boolean, diff: string) =>
      `${school}: фактический результат ${actual}, ожидаемый при таком социальном контексте ${expected} — ${above ? 'выше' : 'ниже'} ожидаемого на ${diff}.`,
    socialIndex: 'Индекс социального благополучия',
    others: 'другие школы (кружки)',
    expectedLegend: 'ожидаемый результат',
    measure: 'Показатель',
    value: 'Значение',
    actual: 'Фактический результат',
    expected: 'Ожидаемый результат',
    difference: 'Разница',
  },
  /** The figure around a chart (components/ChartFigure.astro). */
  figure: {
    legend: 'Обозначения',
    table: 'Таблица данных графика',
  },
};
