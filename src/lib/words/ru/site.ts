/** Words of the site context (site/context.ts) that several pages share. */
import { formatInt, formatNumber } from '../../format/index.ts';

export const site = {
  /** A share in a column head: «Доля высокобалльников, %». */
  shareHead: (label: string) => `${label}, %`,
  /** «ЕГЭ: Русский язык и Математика (профиль)». */
  mandatorySet: (exam: string, subjects: string[]) => `${exam}: ${subjects.join(' и ')}`,
  indexNames: { social: 'Индекс социального благополучия', staffing: 'Индекс кадрового обеспечения', resources: 'Индекс ресурсного обеспечения' } as Record<string, string>,
  indexRow: (name: string, year: number) => `${name} (${year})`,
  /** The index row when too few of its components are in the data (its value is not computed). */
  indexTooFew: (have: number, total: number, need: number) => `не рассчитан: ${have} из ${total} составляющих, нужно ${need}`,
  yes: 'да',
  no: 'нет',
  /** `reversed`: a higher value is worse, so its z-score is taken with the sign reversed (reversedNote says so once). */
  componentRow: (name: string, reversed: boolean) => `— ${name}${reversed ? ' (меньше — лучше)' : ''}`,
  reversedNote: 'У составляющих с пометкой «меньше — лучше» z-оценка взята с обратным знаком: чем меньше значение, тем выше оценка.',
  sizeBands: (a: number, b: number): [string, string, string] => [`до ${formatInt(a)} учащихся`, `${formatInt(a)}–${formatInt(b)} учащихся`, `от ${formatInt(b)} учащихся`],
  programmeNotApplied: (name: string) => `Правила программы «${name}» к этому набору данных не применяются (почему — на странице «Методика»), поэтому ни одна школа не отнесена к ШНРО или НСУ.`,
  partnership: {
    period: (start: number, end: number | null) => (end ? `${start}–${end}` : `с ${start}`),
    caption: (scoreLabel: string) => `Результаты до и после начала партнёрства (${scoreLabel})`,
    school: 'Школа',
    before: (year: number) => `До ${year}`,
    after: (year: number) => `С ${year}`,
    supported: (name: string) => `${name} (поддерживаемая)`,
    strong: (name: string) => `${name} (сильная)`,
    heading: 'Партнёрство школ',
    getsSupport: (partner: string, period: string) => `Школа получает поддержку школы-партнёра «${partner}» (${period}).`,
    supports: (school: string, period: string) => `Школа поддерживает школу «${school}» (${period}).`,
    noComparison: 'Сравнить результаты до и после нельзя: не хватает опубликованных данных.',
    change: (change: number) => `Результат поддерживаемой школы после начала партнёрства ${change >= 0 ? 'выше' : 'ниже'} прежнего на ${formatNumber(Math.abs(change), 1)}.`,
  },
  vpr: {
    row: (subject: string, grade: number | string) => `${subject}, ${grade} класс`,
    caption: (year: number) => `ВПР ${year}: средняя отметка и распределение`,
    what: 'Предмет, класс',
    n: 'Участников',
    mean: 'Средняя отметка',
    shareGood: 'Отметки «4» и «5»',
    shareBelow: 'Отметка «2»',
  },
  /** «средний балл 61,3 в 2025 году». */
  headline: (scoreName: string, value: string, year: number) => `${scoreName} ${value} в ${year} году`,
};
