/** The region's home page and the area pages (site/area-pages.ts, region-extras.ts). */
import { capitalize, countOf, forms, formatChange, formatInt, formatNumber, plural } from '../../format/index.ts';

/** The ratio's change over the year in words: «сократилось на 0,45 %», «выросло на 2,69 %» (a «−2,69 % сокращения» reads as a misprint). */
function yearMove(reductionPct: number): string {
  const shown = formatNumber(Math.abs(reductionPct), 2);
  if (Math.round(Math.abs(reductionPct) * 100) === 0) return 'не изменилось';
  return reductionPct > 0 ? `сократилось на ${shown} %` : `выросло на ${shown} %`;
}

export const area = {
  /** After a gap of shares: « п. п.». */
  ppSuffix: '\u00a0п.\u00a0п.',
  ratioUndefined: 'отношение не определено (у худших школ показатель равен 0)',
  ratio: (ratio: number) => `отношение ${formatNumber(ratio, 2)}`,
  groupsJoin: ' и в группе ',
  hiddenGap: (year: number, eligible: number, groups: string) =>
    `В ${year} году разрыв рассчитан по ${countOf(eligible, forms().schoolsDative)}, но не публикуется: в группе ${groups} есть школа, чей результат скрыт для защиты данных, и по среднему группы его можно было бы восстановить вычитанием.`,
  noGap: (minParticipants: number) => `Рассчитать разрыв нельзя: ни в одном году нет хотя бы двух школ, где по обязательным предметам не менее ${minParticipants} участников.`,
  gapSentence: (a: { scope: string; year: number; top: string; bottom: string; scoreName: string; topValue: string; bottomValue: string; gap: string; ratio: string; k: number; eligible: number }) =>
    `${a.scope}: в ${a.year} году в ${a.top} школ ${a.scoreName} — ${a.topValue}, в ${a.bottom} — ${a.bottomValue}; разрыв ${a.gap}, ${a.ratio}. В каждой группе ${countOf(a.k, forms().schools)} из ${formatInt(a.eligible)}.`,
  scaleBreak: (year: number) => `В ${year} году изменилась шкала экзамена: разрыв до и после несравним, поэтому изменение к прошлому году и выполнение цели не оцениваются.`,
  fewSchools: 'Внимание: показатель рассчитан по очень малому числу школ и может сильно меняться от года к году.',
  target: (targetPct: number, reductionPct: number, met: boolean) =>
    `Цель программы — сокращать отношение не менее чем на ${formatNumber(targetPct, 1)} % в год. За год отношение ${yearMove(reductionPct)} — ${met ? 'цель достигнута' : 'цель не достигнута'}.`,
  gapChartTitle: (top: string, bottom: string, exam: string, set: string) => `Разрыв между ${top} и ${bottom} школ (${exam}, ${set})`,
  gapTable: {
    caption: 'Разрыв по годам и выполнение цели',
    year: 'Год',
    eligible: 'Школ в расчёте',
    k: 'Школ в группе',
    gap: 'Разрыв',
    ratio: 'Отношение',
    change: 'Сокращение отношения, %',
    target: 'Цель',
  },
  groupsCaption: (year: number) => `Школы в группах, ${year}`,
  group: 'Группа',
  school: 'Школа',
  schoolsCaption: (scoreName: string, mandatory: boolean) => `Школы: ${scoreName}${mandatory ? ' по обязательным предметам' : ''}`,
  trend: 'Динамика',
  status: 'Статус',
  sparkLabel: (name: string) => `${name}: динамика`,
  brief: 'Коротко',
  schoolsCount: 'Школ',
  flaggedIn: (year: number) => `Отнесено к ШНРО/НСУ в ${year}`,
  amongRegion: (areaGenitive: string) => `Школы ${areaGenitive} среди школ региона`,
  amongRegionTitle: (areaGenitive: string, year: number) => `Школы ${areaGenitive} среди всех школ региона, ${year}`,
  schools: 'Школы',
  flaggedHeading: 'Школы с низкими результатами и в неблагоприятных условиях',
  flaggedIntro: (n: number) => `${countOf(n, forms().schools)} ${plural(n, forms().assigned)} к ШНРО, НСУ или другим группам риска; для каждой указаны сработавшие правила.`,
  noneFlagged: (areaGenitive: string) => `Ни одна школа ${areaGenitive} не отнесена к ШНРО или НСУ.`,
  partnerships: 'Партнёрства школ',
  /** What an area's page holds; its description puts the area's name before it, its lead (under the heading) does not. */
  municipalityAbout: (schools: number, identifies: boolean) => `${countOf(schools, forms().schools)}, разрыв между лучшими и худшими школами${identifies ? ', школы ШНРО/НСУ, показатели программы' : ''}.`,
  municipalityDescription: (name: string, about: string) => `${name}: ${about}`,
  municipalityLead: (about: string) => capitalize(about),
  main: 'Главное',
  flaggedCount: (year: number) => `Школ ШНРО/НСУ, ${year}`,
  gapOf: (year: number) => `Разрыв лучших и худших, ${year}`,
  region: 'Регион',
  changesHeading: (year: number) => `Что изменилось за ${year} год`,
  regionMean: 'в среднем по региону',
  areasIntro: (count: string) => `Средние взвешены по числу участников. ${count}; у каждого своя страница.`,
  regionFlaggedHeading: 'Школы ШНРО и НСУ',
  regionFlaggedIntro: (n: number, year: number, area: { genitive: string; genitive_plural: string }) =>
    `${countOf(n, forms().schools)} ${plural(n, forms().assigned)} к группам риска в ${year} году. В таблице — их число по каждому из ${area.genitive_plural}; список школ со сработавшими правилами — на странице ${area.genitive} (ссылка в таблице), подробности — на странице школы.`,
  /** The region's flagged schools counted by area (the lists are on the area pages). */
  flaggedByArea: {
    caption: (year: number) => `Школы ШНРО и НСУ по территориям, ${year}`,
    shnro: 'ШНРО',
    nsu: 'НСУ',
    all: 'Всего школ',
  },
  resilient: 'Резильентные школы',
  resilientIntro: 'Школы в неблагоприятных социальных условиях, чей результат заметно выше ожидаемого для такого контекста (верхняя четверть остатков).',
  clusters: 'Типы школ (кластеры)',
  clustersIntro: 'Школы сгруппированы методом k-средних по индексам и результатам; каждая группа описана словами.',
  regionDescription: (schools: number, identifies: boolean, demo: boolean) =>
    `Мониторинг результатов школ региона (${formatInt(schools)}): разрыв между лучшими и худшими школами${identifies ? ', школы ШНРО и НСУ, показатели программы' : ''}.${demo ? ' Демонстрационные данные.' : ''}`,
  /** The comparison of areas (site/municipalities-page.ts). */
  compare: {
    noSchools: (min: number) => `нет школ, где не менее ${min} участников`,
    oneSchool: 'одна школа в расчёте',
    hiddenMember: 'в группе школа со скрытым результатом',
    fewSchools: (n: number) => `рассчитано по очень малому числу школ (${n})`,
    ppHead: ', п. п.',
    eligible: 'Школ в расчёте',
    gap: (unit: string) => `Разрыв${unit}`,
    ratio: 'Отношение',
    reduction: 'Сокращение за год, %',
    target: 'Цель',
    trend: 'Разрыв по годам',
    note: 'Примечание',
    sparkLabel: (name: string) => `${name}: разрыв по годам`,
    what: (scoreName: string, exam: string, several: boolean, set: string) => `${scoreName} ${exam} ${several ? 'по предметам' : 'по предмету'} «${set}»`,
    byGap: 'По величине разрыва',
    byGapIntro: (gapTitle: string, areaPrepositional: string, year: number, what: string, shown: string, of: number) =>
      `${gapTitle} в каждом ${areaPrepositional}, ${year} год: ${what}. Разрыв опубликован для ${shown} из ${formatNumber(of, 0)}; у остальных в примечании сказано почему.`,
    noExams: 'В данных нет результатов экзаменов, по которым считается разрыв.',
    targetIntro: (targetPct: number, year: number, met: string, judged: number) =>
      `Цель программы — сокращать отношение лучших к худшим не менее чем на ${formatNumber(targetPct, 1)} % в год; в ${year} году она достигнута в ${met} из ${formatNumber(judged, 0)}, где её можно оценить.`,
    byGapCaption: (areasTitle: string, year: number) => `${areasTitle} по величине разрыва, ${year}`,
    byReduction: 'По сокращению разрыва за год',
    byReductionIntro: (areasPlural: string) => `Сверху — ${areasPlural}, где отношение средних лучших и худших школ сократилось сильнее всего по сравнению с прошлым годом.`,
    byReductionCaption: (areasTitle: string, year: number) => `${areasTitle} по сокращению разрыва, ${year}`,
    title: (areasPlural: string) => `Сравнение: ${areasPlural}`,
    description: (areaPrepositional: string, n: number) => `Разрыв между лучшими и худшими школами в каждом ${areaPrepositional} (${formatNumber(n, 0)}), его изменение за год и выполнение цели программы.`,
  },
  /** The region page's «what changed» and partnership notes (site/region-extras.ts). */
  extras: {
    upDown: (up: number, down: number, min: number) => `Результат вырос у ${countOf(up, forms().schoolsGenitive)} и снизился у ${countOf(down, forms().schoolsGenitive)} (из школ, где не менее ${min} участников в оба года).`,
    flaggedIn: (year: number, n: number) => `Школ ШНРО/НСУ в ${year} году: ${n}.`,
    partnershipNote: (start: number, change: number | null) => `с ${start} года; ${change === null ? 'сравнить до и после нельзя: мало данных' : `результат поддерживаемой школы ${formatChange(change, 1)}`}`,
  },
  /** Programme indicators (site/indicators-page.ts). */
  indicators: {
    status: { met: 'цель достигнута', not_met: 'цель не достигнута', no_data: 'нет данных', no_target: 'цель не задана' },
    valueHead: (unit: string) => (unit === '%' ? 'Значение, %' : `Значение${unit ? `, ${unit}` : ''}`),
    actual: 'Факт',
    target: 'Цель',
    year: 'Год',
    status_: 'Статус',
    indicator: 'Показатель',
    source: (computed: boolean, higher: boolean) => `${computed ? 'Рассчитывается по результатам экзаменов.' : 'Значения из опубликованной таблицы показателей программы.'} ${higher ? 'Рост — улучшение.' : 'Снижение — улучшение.'}`,
    last: (year: number, value: number | null, target: number | null, status: string) => `В ${year} году: ${value === null ? 'нет данных' : formatNumber(value, 1)} при цели ${target === null ? '—' : formatNumber(target, 1)} — ${status}.`,
    tableCaption: (name: string) => `${name}: факт и цели по годам`,
    title: 'Показатели программы',
    description: 'Целевые показатели программы поддержки школ с низкими результатами и школ в неблагоприятных условиях: базовое значение, цели по годам и фактические значения.',
    none: 'Нет данных',
    noneIntro: 'В наборе данных нет таблицы целевых показателей программы.',
    lastCaption: 'Показатели программы: последний год с целью',
  },
};
