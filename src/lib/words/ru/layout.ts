import { formatNumber } from '../../format/index.ts';
/** The frame of every page and the small fixed pages (layouts, components, src/pages). */
export const layout = {
  feedTitle: 'Выпуски данных',
  skip: 'Перейти к содержанию',
  demoStrong: 'Демонстрационные данные.',
  demoLong: 'Регион, школы и все числа на этом сайте выдуманы для показа возможностей; это не реальный регион.',
  demoShort: 'Регион, школы и числа выдуманы.',
  navLabel: 'Основные разделы',
  nav: { indicators: 'Показатели программы', compare: 'Сравнить школы', search: 'Поиск', methodology: 'Методика', data: 'Данные', sources: 'Источники' },
  a11y: 'Версия для слабовидящих',
  pageCsv: 'Скачать числа этой страницы (CSV)',
  /** A school's numbers are in one file with the other schools of its area, led by code and name. */
  schoolCsv: (area: string, code: string) => `Скачать числа этой страницы (CSV, общий файл школ: ${area}; строки этой школы — с кодом ${code})`,
  /** The footer sentence, in pieces around its three links. */
  footer: {
    data: 'Данные:',
    sources: 'источники',
    how: '. Как считаются показатели:',
    methodology: 'методика',
    terms: '; что значат термины:',
    glossary: 'словарь',
    hidden: (min: number) => `. Значения, основанные менее чем на ${min} участниках, не публикуются.`,
  },
  edition: 'Выпуск данных:',
  changes: 'Что изменилось',
  feed: 'лента выпусков (Atom)',
  allDemo: 'Все данные демонстрационные и выдуманы.',
  breadcrumbs: 'Навигационная цепочка',
  toc: 'На этой странице',
  peerLegend: 'Выбрать похожие школы самому: только школы',
  embed: {
    demo: 'Демонстрационные данные',
    demoRest: ': числа выдуманы.',
    source: 'Источник:',
    code: 'Код для вставки',
    copy: 'Скопируйте этот код на свою страницу:',
    link: 'Встроить на свой сайт',
  },
  compare: {
    title: 'Сравнение школ',
    description: 'Выберите до пяти школ и сравните их показатели рядом.',
    lead: 'Выберите до пяти школ. Показаны последние опубликованные значения и результаты школ по годам; скрытые для защиты данных значения скрыты и здесь.',
    noscript: 'Для сравнения нужен JavaScript. Все показатели каждой школы есть на её странице и в файле',
    input: 'Школа (начните вводить название)',
    add: 'Добавить',
    count: (n: number) => `Школ на сайте: ${n}.`,
  },
  data: {
    types: { string: 'текст', integer: 'целое число', number: 'число', boolean: 'true/false' } as Record<string, string>,
    title: 'Открытые данные',
    description: 'Все числа сайта в машиночитаемом виде (CSV, UTF-8) со словарём данных.',
    lead: (min: number) => `Это те же числа, что на страницах сайта, уже после защиты данных: значения, основанные менее чем на ${min} участниках, скрыты и в файлах. Формат: CSV, кодировка UTF-8, разделитель — запятая, десятичный разделитель — точка.`,
    package: 'Описание всех файлов в машиночитаемом виде (Frictionless Data Package, Table Schema: имена, типы, подписи столбцов):',
    edition: (name: string, date: string) => ` Выпуск данных: ${name} (${date}); он же — в столбцах edition и edition_date каждого файла.`,
    states: ['Пустая ячейка значения сопровождается столбцом', ':', '— нет данных,', '— скрыто для защиты данных,', '— не применимо. Ноль — это настоящий ноль.'] as string[],
    rows: (title: string, rows: string) => `${title}. Строк: ${rows}.`,
    dictionary: (file: string) => `Словарь данных ${file}`,
    column: 'Столбец',
    meaning: 'Значение',
    type: 'Тип',
  },
  search: {
    title: (areasGenitive: string) => `Поиск школ и ${areasGenitive}`,
    description: (areasGenitive: string) => `Поиск по названиям школ и ${areasGenitive} с учётом склонений и опечаток.`,
    inputLabel: (areaGenitive: string) => `Название школы или ${areaGenitive}`,
    heading: 'Поиск',
    lead: (areaGenitive: string) => `Введите название школы, населённого пункта или ${areaGenitive}. Поиск учитывает окончания слов и небольшие опечатки.`,
    noscript: ['Поиск работает с включённым JavaScript. Без него воспользуйтесь списками на', 'главной странице', 'и страницах'] as string[],
  },
  sources: {
    kinds: { schools: 'школы', results: 'результаты экзаменов', indicators: 'показатели школ', targets: 'целевые показатели программы', partnerships: 'партнёрства школ' } as Record<string, string>,
    title: 'Источники данных',
    description: 'Кто опубликовал данные, из которых собран сайт, когда и на каких условиях.',
    demo: 'Все файлы этого сайта — демонстрационные: они сгенерированы программой и не описывают реальные школы.',
    label: 'Источники',
    caption: 'Файлы, из которых собран сайт',
    heads: ['Файл', 'Содержание', 'Издатель', 'Название', 'Дата', 'Лицензия', 'Строк'] as string[],
    none: 'не указана',
    rescaledHead: 'Пересчёт шкалы',
    /** A file whose means were put on another scale (manifest rescale_to). */
    rescaled: (file: string, [a, b]: [number, number], [c, d]: [number, number]) => {
      const n = (x: number) => formatNumber(x, Number.isInteger(x) ? 0 : 1);
      const formula = a === 0 && c === 0 ? `балл × ${n(d)} / ${n(b)}` : `${n(c)} + (балл − ${n(a)}) × ${n(d - c)} / ${n(b - a)}`;
      return `${file}: средний балл пересчитан со шкалы ${n(a)}–${n(b)} на шкалу ${n(c)}–${n(d)} по доле от шкалы (${formula}), чтобы годы с разными шкалами сравнивались; в исходном файле — баллы старой шкалы.`;
    },
  },
};
