/**
 * Words the metrics and the publication boundary produce: indicator and flag names, why a
 * rule does not apply, why a value is hidden, cluster descriptions, trend labels. A leaf
 * module (it imports only the formatters), so model/config.ts may read it.
 */
import { formatInt, formatNumber, formatPercent } from '../../format/index.ts';

export const metrics = {
  indicators: {
    low_ses_share: 'Доля семей с низким социально-экономическим и культурным уровнем',
    deviant_share: 'Доля обучающихся с девиантным поведением',
    low_motivation_share: 'Доля обучающихся с низкой учебной мотивацией',
    weak_russian_share: 'Доля обучающихся со слабым владением русским языком',
    distance_km: 'Удалённость от ближайшего образовательного центра',
    students: 'Число обучающихся',
    teachers_category_share: 'Доля учителей, подтвердивших или повысивших категорию за 3 года',
    teachers_overload_share: 'Доля учителей, работающих на 1,5 ставки и более',
    teachers_contests_share: 'Доля учителей — участников профессиональных конкурсов',
    teachers_offprofile_share: 'Доля учителей, преподающих не по профилю диплома',
    textbooks_new_share: 'Доля учебников не старше 3 лет',
    extrabudget_share: 'Доля внебюджетных доходов',
    repairs_share: 'Доля средств на ремонт и обновление',
    monotown: 'Моногород',
    pension_majority: 'Преобладает население пенсионного возраста',
    unemployment_ratio: 'Безработица к среднему по региону',
    continue_10_share: 'Доля выпускников 9 класса, продолживших обучение в 10 классе',
    olympiad_share: 'Доля обучающихся — участников олимпиад (за 3 года)',
    satisfaction_share: 'Удовлетворённость качеством образования (НОКО)',
  } as Record<string, string>,
  programmeIndicators: {
    equal_access_share: 'Доля школ с НРО и школ, функционирующих в НСУ, в которых обеспечены условия равного доступа к получению качественного общего образования',
    teachers_pd_share: 'Доля педагогических работников, прошедших переподготовку или повышение квалификации по вопросам повышения качества образования',
    gia_pass_share_flagged: 'Доля обучающихся школ с НРО и школ, функционирующих в НСУ, успешно прошедших ГИА',
    improved_share_flagged: 'Доля школ с НРО и школ в НСУ, обучающиеся которых продемонстрировали более высокие результаты по итогам учебного года',
    staffing_share_flagged: 'Укомплектованность школ с НРО и школ в НСУ квалифицированными педагогическими кадрами',
    gap_reduction_pct: 'Сокращение разрыва в результатах ГИА по обязательным предметам между 10 % лучших и 10 % худших школ за год',
  } as Record<string, string>,
  /** How a unit of an indicator is written after a number or in a column head. */
  units: { '%': '%', балл: 'балл', км: 'км', 'чел.': 'чел.', 'да/нет': 'да/нет', раз: 'раз', отметка: 'отметка' } as Record<string, string>,
  flagNames: {
    shnro: 'Школа с низкими результатами обучения (ШНРО)',
    nsu: 'Школа, функционирующая в неблагоприятных социальных условиях (НСУ)',
    staffing: 'Слабое кадровое обеспечение',
    resources: 'Слабое ресурсное обеспечение',
    territory: 'Сложная территория',
  },
  noData: 'нет данных',
  /** Why a rule does not apply to this dataset (after «не применяется: »). */
  missing: {
    indicator: (name: string) => `в наборе нет показателя «${name}»`,
    index: (need: number, of: number, have: number) => `для индекса нужно не менее ${formatInt(need)} из ${formatInt(of)} показателей, в наборе ${formatInt(have)}`,
    noExamResults: (exams: string) => `в наборе нет результатов ${exams}`,
    examYears: (need: string, exams: string, have: string) => `нужно ${need} результатов ${exams}, в наборе ${have}`,
    noEge: 'в наборе нет результатов ЕГЭ',
    knowledgeQuality: 'в наборе нет региональных мониторингов качества знаний (ВПР для этого не используются)',
    noProgramme: 'регион не объявил программу, по которой школы относят к ШНРО/НСУ',
    flagNotInProgramme: 'программа региона не включает это отнесение',
  },
  /** The exams of ЕГЭ and ОГЭ together. */
  gia: 'ГИА',
  /** Why a value is hidden (the reader sees it instead of the number). */
  hidden: {
    small: (minParticipants: number) => `скрыто: менее ${minParticipants} участников`,
    complementary: 'скрыто: защита от вычитания',
    groupMean: 'скрыто: защита данных',
    derived: 'скрыто: по нему можно восстановить скрытый результат',
    setSubject: 'скрыто: скрыт результат одного из предметов',
    byPublisher: 'скрыто издателем данных',
  },
  /** A share published as a band instead of a number near 0 or 100 %. */
  codeLow: (band: number) => `не более ${formatPercent(band, 0)}`,
  codeHigh: (band: number) => `не менее ${formatPercent(band, 0)}`,
  measures: {
    mean: { label: 'Средний балл', unit: 'балл', short: 'средний балл' },
    share_below: { label: 'Доля не преодолевших порог', unit: '%', short: 'ниже порога' },
    share_good: { label: 'Доля отметок «4» и «5»', unit: '%', short: 'качество знаний' },
    share_high: { label: 'Доля высокобалльников', unit: '%', short: 'высокие баллы' },
    /** Mean of ОГЭ and ВПР: a grade from 2 to 5. */
    grade: { label: 'Средняя отметка', unit: 'отметка', short: 'средняя отметка' },
  },
  direction: { improving: 'лучше', worsening: 'хуже', stable: 'без изменений' },
  status: { met: 'достигнуто', not_met: 'не достигнуто', no_data: 'нет данных', no_target: 'цель не установлена' },
  /** «Крупные городские школы с высокими результатами в благополучной социальной среде». */
  cluster: (c: { size: -1 | 0 | 1; urban: -1 | 0 | 1; results: -1 | 0 | 1; social: -1 | 0 | 1; weakStaffing: boolean; weakResources: boolean }) => {
    const parts: string[] = [];
    if (c.size > 0) parts.push('крупные');
    else if (c.size < 0) parts.push('малочисленные');
    if (c.urban > 0) parts.push('городские');
    else if (c.urban < 0) parts.push('сельские');
    parts.push('школы');
    parts.push(c.results > 0 ? 'с высокими результатами' : c.results < 0 ? 'с низкими результатами' : 'со средними результатами');
    if (c.social > 0) parts.push('в благополучной социальной среде');
    else if (c.social < 0) parts.push('в неблагоприятных социальных условиях');
    const weak: string[] = [];
    if (c.weakStaffing) weak.push('кадрами');
    if (c.weakResources) weak.push('ресурсами');
    if (weak.length) parts.push(`со слабым обеспечением ${weak.join(' и ')}`);
    const s = parts.join(' ');
    return s[0].toUpperCase() + s.slice(1);
  },
  clusterDuplicate: (n: number) => ` (группа ${n})`,
  clusterUrbanShare: (pct: number) => ` (городских — ${formatNumber(pct, 0)} %)`,
};
