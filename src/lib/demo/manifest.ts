/** dataset.yml (docs/dataset-format.md) and README.md of the generated demo. */
import { EGE_MEASURES } from './results.ts';
import type { World } from './world.ts';

export const DEMO_SOURCE = 'Демонстрационные данные, созданы программой; не являются реальными';

const q = (s: string) => JSON.stringify(s);

function source(title: string): string {
  return [
    '    source:',
    `      publisher: ${q(DEMO_SOURCE)}`,
    `      title: ${q(title)}`,
    '      licence: "CC0 1.0: вымышленные данные, можно использовать без ограничений"',
  ].join('\n');
}

export function commandLine(world: World): string {
  const o = world.opts;
  return `npm run demo -- --out DIR --seed ${o.seed} --schools ${o.schools} --municipalities ${o.municipalities} --years ${o.yearFrom}-${o.yearTo}`;
}

export function datasetYml(world: World): string {
  const [n, mean, below, high] = EGE_MEASURES;
  return `# Демонстрационный набор данных: всё в нём вымышлено.
# Сгенерирован командой: ${commandLine(world)}
# Файлы нарочно выглядят как настоящие выгрузки: разные кодировки, «;», десятичная
# запятая, строка заголовка над шапкой, двухстрочная шапка, скрытые и пропущенные значения.
region:
  name: ${q(world.regionName)}
  demo: true
# Программа, по правилам которой регион относит школы к ШНРО и НСУ (пороги — значения
# по умолчанию; любой можно задать в programme.rules). Без этого раздела сайт не относит
# ни одну школу ни к каким категориям.
edition:
  name: "Демонстрационный выпуск ${world.opts.yearTo} года"
  date: ${world.opts.yearTo}-09-01
programme:
  name: "Программа поддержки школ с низкими результатами обучения и школ в неблагоприятных социальных условиях (вымышленная)"
files:
  - path: municipalities.csv
    kind: municipalities
${source('Перечень муниципальных образований (вымышленный)')}
    read: { encoding: utf-8, delimiter: ";", header_rows: 1 }
    columns:
      municipality_id: Код МО
      name: Наименование МО
      kind: Тип МО
  - path: schools.csv
    kind: schools
${source('Реестр общеобразовательных организаций (вымышленный)')}
    read: { encoding: windows-1251, delimiter: ";", decimal: ",", header_rows: 1 }
    columns:
      school_id: Код ОО
      name: Наименование ОО
      municipality_id: Код МО
      settlement: Тип местности
      address: Адрес
      students: Численность обучающихся
  - path: ege.csv
    kind: results
${source('Результаты ЕГЭ по общеобразовательным организациям (вымышленные)')}
    read: { encoding: utf-8, delimiter: ";", decimal: ",", header_rows: 2 }
    columns:
      school_id: Код ОО
      year: Год
    constants: { exam: ЕГЭ }
    melt:
      pattern: "^(?<subject>.+) / (?<measure>.+)$"
      measures:
        ${q(n)}: n
        ${q(mean)}: mean
        ${q(below)}: share_below
        ${q(high)}: share_high
  - path: oge.csv
    kind: results
${source('Результаты ОГЭ по общеобразовательным организациям (вымышленные)')}
    read: { encoding: utf-8, delimiter: ";", decimal: ",", header_rows: 1 }
    columns:
      school_id: Код ОО
      year: Год
      subject: Предмет
      n: Участников
      mean: Средняя оценка
      g2: Получили «2»
      g3: Получили «3»
      g4: Получили «4»
      g5: Получили «5»
      share_below: Не справились, %
      share_good: Качество знаний, %
    constants: { exam: ОГЭ }
  - path: vpr.csv
    kind: results
${source('Результаты ВПР по общеобразовательным организациям (вымышленные)')}
    read: { encoding: utf-8, delimiter: ";", decimal: ",", skip_rows: 1, header_rows: 1 }
    columns:
      school_id: Код ОО
      year: Год
      grade: Класс
      subject: Предмет
      n: Участников
      g2: «2»
      g3: «3»
      g4: «4»
      g5: «5»
      mean: Средняя отметка
    constants: { exam: ВПР }
    derive:
      share_below: 100 * g2 / n
      share_good: 100 * (g4 + g5) / n
  - path: indicators.csv
    kind: indicators
${source('Показатели условий деятельности общеобразовательных организаций (вымышленные)')}
    read: { encoding: utf-8, delimiter: ";", decimal: ",", header_rows: 1 }
    columns:
      school_id: Код ОО
      year: Год
      indicator: Код показателя
      value: Значение
  - path: targets.csv
    kind: targets
${source('Целевые индикаторы программы повышения качества образования (вымышленные)')}
    read: { encoding: utf-8, delimiter: ";", decimal: ",", header_rows: 1 }
    columns:
      scope_id: Код территории
      indicator: Код показателя
      name: Целевой индикатор
      unit: Ед. изм.
      polarity: Направление
      year: Год
      kind: Вид значения
      value: Значение
  - path: partnerships.csv
    kind: partnerships
${source('Партнёрские соглашения школ с высокими результатами и школ в НСУ (вымышленные)')}
    read: { encoding: utf-8, delimiter: ";", header_rows: 1 }
    columns:
      strong_school_id: Код ОО-партнёра (с высокими результатами)
      supported_school_id: Код поддерживаемой ОО
      start_year: Год начала
      end_year: Год окончания
`;
}

export function readme(world: World, counts: Record<string, number>): string {
  const o = world.opts;
  const urban = world.munis.filter((m) => m.urban).length;
  const rural = world.schools.filter((s) => !s.urban).length;
  const no11 = world.schools.filter((s) => s.top < 11).length;
  const improving = world.partnerships.filter((p) => p.improves).length;
  const rows = Object.entries(counts)
    .map(([f, c]) => `| \`${f}\` | ${c} |`)
    .join('\n');
  return `# Демонстрационные данные: ${world.regionName}

**Всё в этой папке вымышлено.** Области, муниципалитетов, школ, адресов и результатов
не существует; совпадение названий с реальными населёнными пунктами или школами случайно.
Данные нельзя использовать для выводов о настоящих школах.

Набор сгенерирован детерминированно (одно и то же зерно даёт побайтно одинаковые файлы):

\`\`\`
${commandLine(world)}
\`\`\`

Генератор: \`src/lib/demo/\`, запуск: \`scripts/demo.ts\`. Тест \`test/demo\` проверяет, что эта
папка совпадает с выводом генератора байт в байт.

## Что внутри

- ${o.municipalities} муниципалитетов (${urban} городских округов, остальные — районы), ${o.schools} школ
  (${rural} сельских, ${no11} без 11 класса), ${o.yearFrom}–${o.yearTo} годы.
- ЕГЭ: русский язык, математика (профиль и база; база оценивается по шкале 2–5, поэтому
  «Средний балл» у неё — средняя отметка), девять предметов по выбору.
  ОГЭ: русский язык и математика. ВПР: 4, 5 и 8 классы.
- Как в реальном календаре, ОГЭ в 2020 году и ЕГЭ по базовой математике в 2020–2021 годах
  не проводились: этих строк и ячеек нет.
- Показатели условий (социальные, кадровые, ресурсные, территориальные) по каждой школе
  и году, целевые индикаторы программы (по образцу таблицы муниципальной программы:
  исходное значение 2019 года, цели, факт для вводимых показателей) и ${world.partnerships.length}
  партнёрских пар «сильная школа — поддерживаемая школа» (у ${improving} из них результаты
  поддерживаемой школы после начала партнёрства растут).

| файл | строк данных |
|---|---:|
${rows}

## Как устроены числа

Результат школы = среднее по области + вклад социального неблагополучия (чем выше риск,
тем ниже результат) + собственный эффект школы + медленный тренд + эффект партнёрства +
случайный разброс. Каждый участник моделируется отдельно, поэтому у маленьких школ
(3–9 выпускников) результаты скачут так же, как в жизни. Есть «резильентные» школы:
высокий социальный риск и высокие результаты.

## Нарочно внесённые особенности настоящих выгрузок

- \`schools.csv\` — в кодировке Windows-1251 с переводами строк CRLF; численность с
  неразрывным пробелом между разрядами; часть названий в кавычках CSV.
- \`ege.csv\` — UTF-8 с BOM, одна широкая таблица с двухстрочной шапкой: в первой строке
  названия предметов (объединённые ячейки: название стоит над первой колонкой группы,
  остальные пусты), во второй — «Участников», «Средний балл», «Ниже порога, %»,
  «81 и выше, %» (у базовой математики три колонки). Если предмет в школе никто не сдавал,
  ячейки группы пусты. После каждого года — строка «Итого по области».
- \`vpr.csv\` — строка с названием документа над шапкой.
- Около 10 % школ имеют скрытое издателем значение в одном из годов («*», число
  участников «<5»); отдельные ячейки пропущены («н/д», «-»); одна школа на 250 не
  имеет результатов за целый год.
- Десятичная запятая, разделитель «;».
`;
}
