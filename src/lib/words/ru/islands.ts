/**
 * Words of the browser islands (src/scripts): imported by them directly, not through the
 * whole catalogue, so a phone downloads only these. Imports nothing.
 */
export const islands = {
  compare: {
    caption: 'Сравнение выбранных школ',
    indicator: 'Показатель',
    remove: 'Убрать',
    removeLabel: (name: string) => `Убрать ${name}`,
    byYear: (basis: string) => `${basis} по годам`,
    region: 'Сравнение школ',
    chosen: (n: number, max: number) => `Выбрано школ: ${n} из ${max}.`,
    notFound: (typed: string) => `Школа «${typed}» не найдена. Выберите её из списка.`,
    already: 'Эта школа уже выбрана.',
    tooMany: (max: number) => `Можно сравнить не больше ${max} школ. Уберите одну.`,
  },
  peers: {
    noContext: 'Для этой школы выбрать похожие школы нельзя: нет данных о её социальном контексте.',
    defaults: (n: number) => `Показаны похожие школы по умолчанию: ${n} сдающих те же экзамены и ближайших по социальному контексту и размеру.`,
    shown: (n: number, chosen: string) => `Показаны ${n} ближайших по социальному контексту и размеру школ с теми же экзаменами ${chosen}.`,
    none: (chosen: string) => `Школ ${chosen} на сайте нет. Снимите одно из условий.`,
    loading: 'Загружаются данные школ…',
    failed: 'Данные школ не загрузились; показан выбор по умолчанию.',
  },
  sparkLabel: (name: string, basis: string) => `${name}: ${basis} по годам`,
};
