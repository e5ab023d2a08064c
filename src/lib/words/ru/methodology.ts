/**
 * The methodology page (pages/methodology.astro) in Russian: every sentence, with the
 * settings it prints passed in, so a changed threshold changes the sentence.
 * An entry typed `Nbsp` is a sentence in pieces: the page joins them with the HTML
 * entity `&nbsp;`, which the Russian page has always printed between a number and «%»
 * (a no-break space from the formatters is printed as the character itself).
 */
import { countOf, formatNumber, plural } from '../../format/index.ts';

/** Pieces of one sentence, joined on the page with `&nbsp;`. */
export type Nbsp = string[];

/** The worked example of the gap (the numbers; the page computes them from gap_share). */
export interface GapExample {
  schools: number;
  /** schools × gap_share, before rounding up. */
  exact: number;
  k: number;
  top: number[];
  bottom: number[];
  topMean: number;
  bottomMean: number;
  gap: number;
  ratio: number;
  previous: number;
  /** The ratio's fall from the previous year, in percent. */
  reduction: number;
  target: number;
}

export const methodology = {
  title: 'Методика расчёта',
  description: 'Как считаются все показатели сайта: определения, пороги и значения по умолчанию.',
  lead: 'Здесь описано, как получено каждое число на сайте. Значения порогов — те, с которыми собран этот сайт.',

  sources: {
    title: 'Откуда данные',
    /** Before and after the link to the sources page. */
    before: 'Сайт собирается из CSV-файлов, которые публикует орган управления образованием (список — на странице «',
    link: 'Источники',
    after: '»). Файлы не меняются: программа читает их как есть, проверяет каждую ячейку и останавливает сборку при ошибке, называя файл, строку и столбец.',
    states: 'Пропуск («нет данных»), значение, скрытое издателем или нами («скрыто»), «не применимо» и настоящий ноль — четыре разных значения. Пропуск никогда не превращается в ноль, а линия на графике в пропущенный год прерывается.',
  },

  results: {
    title: 'Результаты экзаменов',
    /** `high`: the exam whose high scorers have a threshold (ЕГЭ) and the threshold, when the data have it. */
    shown: (high: { exam: string; points: number } | null) =>
      `Для каждой школы, года, экзамена и предмета показываются: число участников, средний балл и, где они опубликованы, доля не преодолевших минимальный порог, доля отметок «4» и «5» (качество знаний) и доля высокобалльников${high ? ` (${high.exam} от ${high.points} ${plural(high.points, ['балла', 'баллов', 'баллов'])})` : ''}.`,
    weighted: (areaGenitive: string) =>
      `Показатели ${areaGenitive} и региона — это средние, взвешенные по числу участников: сумма «участники × средний балл» по школам, делённая на общее число участников. Это не среднее из средних школ: школа с 80 выпускниками весит в 8 раз больше школы с 10.`,
    exampleLabel: 'Пример.',
    example: 'Школа А: 10 участников, средний балл 80; школа Б: 90 участников, средний балл 60. Взвешенное среднее = (10 × 80 + 90 × 60) / 100 = 62, а не (80 + 60) / 2 = 70.',
    /** The exam's minimum scores by subject (ЕГЭ only). */
    pass: (exam: string, thresholds: [string, number][]) =>
      `Минимальные пороги ${exam} (по умолчанию — из федерального приказа): ${thresholds.map(([k, v]) => `${k} — ${v}`).join(', ')}.`,
  },

  gap: {
    /** The gap's subject sets: «ЕГЭ: Русский язык и Математика (профиль); ОГЭ: …». */
    subjectSets: (sets: Record<string, string[]>) =>
      Object.entries(sets)
        .map(([exam, subjects]) => `${exam}: ${subjects.join(' и ')}`)
        .join('; '),
    /** The names of the measure the gap ranks by (settings.gap_score), unless the manifest names it. */
    scoreNames: {
      mean: 'средний балл',
      share_high: 'доля высокобалльников',
      share_below: 'доля не преодолевших порог',
      share_good: 'доля отметок «4» и «5»',
    } as Record<string, string>,
    score: (subjectSets: string, measure: string) =>
      `Для каждой школы считается её результат по набору предметов (${subjectSets}): показатель «${measure}», усреднённый по предметам набора с весами — числом участников.`,
    eligible: (minParticipants: number) => `В расчёт входят школы, у которых в этом году по каждому предмету набора не менее ${minParticipants} участников (меньшая группа не публикуется, и результат по набору её выдал бы).`,
    groups: (share: string) =>
      `Школы упорядочиваются по результату; в каждую группу входит k = ${share} от числа школ, округлённое вверх (не меньше одной). При равенстве результатов на границе группы порядок определяет код школы.`,
    formula: 'Разрыв = среднее k лучших − среднее k худших; отношение = среднее k лучших / среднее k худших.',
    target: (targetPct: number): Nbsp => [`Цель программы: отношение сокращается ежегодно не менее чем на ${formatNumber(targetPct, 1)}`, '% к прошлому году.'],
    fewSchools: (areaPrepositional: string, fewSchools: number) =>
      `Если в ${areaPrepositional} меньше ${fewSchools} школ, показатель всё равно приводится, но с пометкой «рассчитано по очень малому числу школ».`,
    groupDisclosure:
      'Среднее группы публикуется, только если опубликован результат каждой школы группы: иначе скрытый результат можно было бы восстановить, умножив среднее на k и вычтя остальных. Тогда скрываются и среднее группы, и разрыв, и изменение к соседним годам.',
    exampleLabel: 'Пример.',
    example: (e: GapExample): Nbsp => [
      `${e.schools} школ → k = ⌈${formatNumber(e.exact, 1)}⌉ = ${e.k}. Если у лучших ${e.top.join(', ')} баллов, а у худших ${e.bottom.join(', ')}, то разрыв = ${formatNumber(e.topMean, 1)} − ${formatNumber(e.bottomMean, 1)} = ${formatNumber(e.gap, 1)} балла, отношение = ${formatNumber(e.topMean, 1)} / ${formatNumber(e.bottomMean, 1)} ≈ ${formatNumber(e.ratio, 2)}. Если в прошлом году отношение было ${formatNumber(e.previous, 3)}, сокращение составило ≈ ${formatNumber(e.reduction, 2)}`,
      `% — цель ${formatNumber(e.target, 1)}`,
      `% ${e.reduction >= e.target ? 'достигнута' : 'не достигнута'}.`,
    ],
  },

  /** Only for data with ВПР (`exam`: its name in the data). */
  vpr: {
    title: (exam: string) => `${exam} не используются для рейтингов`,
    /** `ranked`: the exams the gap ranks by; `rules`: whether identification rules apply. */
    text: (exam: string, ranked: string[], rules: boolean): Nbsp => [
      'Рособрнадзор рекомендует не использовать результаты Всероссийских проверочных работ для рейтингования и оценки школ, учителей и муниципалитетов (письмо от 18.04.2025 №',
      `02-86). Поэтому разрыв${rules ? ' и правила отнесения к ШНРО' : ''} строятся только по экзаменам ${ranked.join(', ')}, а ${exam} показываются как распределения отметок и контекст, без рейтингов.`,
    ],
  },

  indicators: {
    title: 'Показатели программы и их динамика',
    text: 'Для каждого показателя приводятся значение, изменение к прошлому году и к базовому году, линейный тренд (наклон прямой наименьших квадратов, в единицах показателя за год), направление с учётом того, рост или снижение показателя — улучшение, и статус относительно цели года: «достигнута», «не достигнута» или «нет данных».',
    /** The indicators computed from results (when identification rules apply); `exams`: examsWord. */
    derived: (_exams: string): Nbsp => [
      'Доля обучающихся школ ШНРО/НСУ, успешно прошедших ГИА, вычисляется из результатов: 100',
      '% минус взвешенная по участникам доля не преодолевших порог. Доля школ ШНРО/НСУ, улучшивших результаты, — доля таких школ, чей результат ГИА вырос к прошлому году. Остальные показатели берутся из опубликованной таблицы целевых значений.',
    ],
  },

  flags: {
    title: 'Отнесение к ШНРО и НСУ',
    programme: (name: string) =>
      `Регион применяет программу «${name}». Каждое правило настраивается; у каждой отмеченной школы сайт показывает, какие правила сработали, на каких числах и насколько школа далека от порога выхода. Если для проверки правила у школы нет данных, написано «нет данных». Правило, для которого в наборе нет нужных данных, не применяется ни к одной школе.`,
    /** Between the rules of one identification: any of them is enough. */
    or: '; или ',
    lowResults: (ranked: string[], minParticipants: number, years: number) =>
      `Результат школы по ${ranked.join(', ')} за год — средняя по предметам z-оценка (отклонение от среднего по школам региона в стандартных отклонениях), взвешенная по числу участников; учитываются предметы, где не менее ${minParticipants} участников. Школа ранжируется, только если такой результат есть за каждый из ${years} последних лет.`,
    notAppliedTitle: 'Не применяются к этому набору данных:',
    /** A rule that does not apply and why (both already typeset). */
    notApplied: (rule: string, why: string) => `${rule} — ${why}.`,
    index: 'Индекс — взвешенное среднее его компонентов, каждый из которых стандартизован по школам региона (z-оценка: отклонение от среднего в стандартных отклонениях) и взят со знаком, при котором больше — лучше. Веса по умолчанию равны.',
  },

  /** One paragraph: plain text, then terms in bold each followed by its definition. */
  context: {
    title: 'Результат с учётом социального контекста',
    text: 'Для каждого года и экзамена по всем школам строится прямая наименьших квадратов: результат школы в зависимости от индекса социального благополучия. Ожидаемый результат — значение на этой прямой; остаток — фактический результат минус ожидаемый. ',
    resilientTerm: 'Резильентные школы',
    resilient: (share: string) => ` — школы НСУ, чей остаток входит в верхние ${share}. `,
    similarTerm: 'Похожие школы',
    similar: (count: number, _areaGenitive: string) =>
      ` — ${count} школ, сдающих те же экзамены и ближайших по индексу социального благополучия и размеру (размер — по логарифму числа учащихся); на странице школы выбор можно сузить до своего муниципалитета, типа местности или размера. `,
    clustersTerm: 'Кластеры',
    clusters: (count: number) => ` — ${countOf(count, ['группа', 'группы', 'групп'])} школ, найденных методом k-средних по стандартизованным индексам и результатам; каждая описана словами.`,
  },

  disclosure: {
    title: 'Защита данных детей',
    minimum: (minParticipants: number) =>
      `Ни одно значение, основанное менее чем на ${minParticipants} участниках, не публикуется — ни на страницах, ни в графиках, ни в файлах, ни в поиске. Вместо него написано «скрыто: менее ${minParticipants} участников».`,
    subtraction: (areaGenitive: string) =>
      `Итог ${areaGenitive} или региона за вычетом опубликованных школ дал бы результат остальных вместе; если остальных одна или две (тогда каждая, зная свой результат, узнала бы чужой) или у них вместе меньше участников, чем нужно для публикации, этот итог не публикуется и помечен «скрыто: защита от вычитания». Результаты других школ ради итога не скрываются. Доля, показанная полосой, считается здесь скрытой.`,
    /** `wider`: the band of the smallest published group, where one child is more than 5 %. */
    coded: (reliabilityMin: number, wider: { n: number; band: number } | null): Nbsp => [
      `В группах менее чем из ${reliabilityMin} участников доли около 0`,
      '% и 100',
      '% выдают результат каждого ребёнка, поэтому показываются полосой: «не более 5',
      '%» или «не менее 95',
      ...(wider
        ? ['%». Где один ребёнок — больше 5', `% группы, полоса шире (при ${wider.n} участниках — «не более ${wider.band}`, '%»), чтобы она никогда не означала «никто» или «все».']
        : ['%»; полоса всегда вмещает и ни одного ребёнка, и одного, чтобы она не означала «никто» или «все».']),
    ],
    reliability: (reliabilityMin: number) => `Цветная метка статуса и отметка «значимое изменение» ставятся только при ${reliabilityMin} и более участниках.`,
  },
};
