import { describe, expect, it } from 'vitest';
import { renderPlot } from '../../src/lib/charts/render.ts';
import { axisLabel, linesOverYears, stripWithBands, dotsByName } from '../../src/lib/charts/specs.ts';
import { sparkline } from '../../src/lib/charts/sparkline.ts';
import { compareByNameChart, gapChart, yearLinesChart } from '../../src/lib/site/charts.ts';

const series = [
  { name: 'Школа', role: 'school' as const, points: [ { year: 2019, value: 60 }, { year: 2020, value: null }, { year: 2021, value: 64 }, { year: 2022, value: 66 } ] },
  { name: 'Регион', role: 'region' as const, points: [ { year: 2019, value: 62 }, { year: 2020, value: 63 }, { year: 2021, value: 63 }, { year: 2022, value: 64 } ] },
];

describe('chart renderer', () => {
  it('renders the same SVG twice (no clock, no randomness)', () => {
    const a = renderPlot(linesOverYears(series, { yLabel: 'Балл' }), 'Тест');
    const b = renderPlot(linesOverYears(series, { yLabel: 'Балл' }), 'Тест');
    expect(a).toBe(b);
  });
  it('moves Plot’s constant <style> to the site CSS and marks the SVG as an image', () => {
    const svg = renderPlot(linesOverYears(series, { yLabel: 'Балл' }), 'Тест');
    expect(svg).not.toContain('<style>');
    expect(svg.startsWith('<svg role="img"')).toBe(true);
    expect(svg).toContain('aria-label="Тест"');
    // Only the root's Russian label is left: Plot's English group names («y-axis tick») go.
    expect(svg.match(/aria-label="[^"]*"/g)).toEqual(['aria-label="Тест"']);
  });
  it('breaks the line at a missing year instead of interpolating', () => {
    const svg = renderPlot(linesOverYears([series[0]], { yLabel: 'Балл' }), 'Тест');
    // The school's line: 2019 alone, then 2021–2022: the path has two "M" (move) commands.
    const paths = [...svg.matchAll(/<path[^>]* d="([^"]+)"/g)].map((m) => m[1]).filter((d) => d.includes('L') || d.split('M').length > 2);
    const line = paths.find((d) => (d.match(/M/g) ?? []).length === 2);
    expect(line).toBeDefined();
    // Three dots for three known values, none for 2020.
    expect((svg.match(/<path d="M[^"]*A/g) ?? []).length + (svg.match(/<circle/g) ?? []).length).toBeGreaterThanOrEqual(3);
  });
  it('escapes text from data', () => {
    const svg = renderPlot(dotsByName([{ name: '<script>alert(1)</script>', value: 3 }, { name: 'B', value: 2 }], { xLabel: 'x' }), 'T');
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
  });
  it('draws the 10 % bands at the given cuts', () => {
    const svg = renderPlot(
      stripWithBands([{ x0: 0, x1: 50, count: 3 }, { x0: 50, x1: 100, count: 5 }], [{ id: 'a', value: 70 }], { xLabel: 'Балл', bottomCut: 10, topCut: 90 }),
      'Место',
    );
    expect(svg).toContain('fill-opacity="0.18"');
  });
});

describe('sparkline', () => {
  it('breaks at null and ends with a dot on the last value', () => {
    const svg = sparkline([{ year: 2019, value: 1 }, { year: 2020, value: null }, { year: 2021, value: 3 }, { year: 2022, value: 2 }], { label: 'a<b', width: 90, height: 22 });
    expect((svg.match(/<path /g) ?? []).length).toBe(2);
    // x: 2019 → 3, 2022 → 87; y: value 2 of [1,3] → middle of [19, 3] = 11
    expect(svg).toContain('<circle cx="87.0" cy="11.0"');
    expect(svg).toContain('aria-label="a&#60;b"');
  });
});

describe('comparison by name: the summary sentence', () => {
  it('names the highest and the lowest and reads the reference as its own sentence', () => {
    const chart = compareByNameChart({
      id: 'region/municipalities',
      title: 'Муниципалитеты',
      xLabel: 'Средний балл',
      unit: 'балл',
      rows: [{ name: 'Б-район', value: 61.64 }, { name: 'А-город', value: 68.25 }, { name: 'В-район', value: 65 }],
      // (61,64 + 68,25 + 65) / 3 = 64,96 → «65,0»
      reference: { label: 'в среднем по региону', value: (61.64 + 68.25 + 65) / 3 },
    });
    expect(chart.summary).toBe('Самый высокий показатель — А-город (68,3), самый низкий — Б-район (61,6). В среднем по региону: 65,0.');
  });
});

describe('yearly lines: the summary says why each hidden year is hidden', () => {
  it('groups hidden years by their reason', () => {
    const chart = yearLinesChart({
      id: 'school/x/ege-russian',
      title: 'Русский язык',
      yLabel: 'Средний балл',
      unit: 'балл',
      minParticipants: 10,
      series: [
        {
          name: 'Школа',
          role: 'school',
          points: [{ year: 2019, value: 50 }, { year: 2020, value: null }, { year: 2021, value: null }, { year: 2022, value: null }, { year: 2023, value: 60 }],
          reasons: {
            2020: { state: 'suppressed', reason: 'скрыто: менее 10 участников' },
            2021: { state: 'suppressed', reason: 'скрыто издателем данных' },
            2022: { state: 'suppressed', reason: 'скрыто: менее 10 участников' },
          },
        },
      ],
    })!;
    expect(chart.summary).toBe('Школа: 50,0 в 2019 году и 60,0 в 2023 году (+10,0). Значения за 2020, 2022 — скрыто: менее 10 участников; за 2021 — скрыто издателем данных.');
  });
});

describe('gap chart: the summary speaks of the gap itself', () => {
  const base = { id: 'region/gap', title: 'Разрыв', yLabel: 'Средний балл', unit: 'балл', groups: { top: '10 % лучших', bottom: '10 % худших' }, hiddenReason: 'скрыто: среднее группы' };
  it('says whether the gap narrowed, from the first year to the last, with both groups', () => {
    const chart = gapChart({
      ...base,
      points: [
        { year: 2019, top: 74.6, bottom: 59.8, gap: 14.8 },
        { year: 2020, top: 75.0, bottom: null, gap: null, hidden: true },
        { year: 2021, top: 74.5, bottom: 61.4, gap: 13.1 },
      ],
    })!;
    expect(chart.summary).toBe(
      'Разрыв между 10 % лучших и 10 % худших школ сократился: 14,8 в 2019 году и 13,1 в 2021 году (−1,7). В 2021 году: 10 % лучших — 74,5, 10 % худших — 61,4. Разрыв за 2020 не показан: скрыто: среднее группы.',
    );
    // The table has the gap beside both groups; the withheld year says why.
    expect(chart.table.columns.map((c) => c.key)).toEqual(['year', 'top', 'bottom', 'gap']);
    expect(chart.table.rows[1].bottom.state).toBe('suppressed');
    // The band is drawn, and the axis does not start at 0 for scores around 60–75.
    expect(chart.svg).toContain('fill-opacity="0.25"');
    expect(chart.svg).not.toMatch(/>0<\/text>/);
  });
  it('never compares across a change of scale', () => {
    const chart = gapChart({
      ...base,
      points: [
        { year: 2022, top: 4.6, bottom: 3.1, gap: 1.5 },
        { year: 2023, top: 71, bottom: 52, gap: 19, scaleBreak: true },
        { year: 2024, top: 72, bottom: 55, gap: 17 },
      ],
    })!;
    expect(chart.summary).toMatch(/^Разрыв между 10 % лучших и 10 % худших школ сократился: 19,0 в 2023 году и 17,0 в 2024 году \(−2,0\)\. Раньше 2023 года шкала была другой/);
    const one = gapChart({ ...base, points: [{ year: 2022, top: 4.6, bottom: 3.1, gap: 1.5 }, { year: 2023, top: 71, bottom: 52, gap: 19, scaleBreak: true }] })!;
    expect(one.summary).toMatch(/^Разрыв между 10 % лучших и 10 % худших школ в 2023 году — 19,0; с прошлыми годами он не сравнивается: изменилась шкала\./);
  });
});

describe('axis titles', () => {
  it('a long measure name (Moscow\'s) is cut at a word to fit the chart; a short one stays', () => {
    expect(axisLabel('Доля выпускников, набравших более 220 баллов по трём предметам, %')).toBe('Доля выпускников, набравших более 220…');
    expect(axisLabel('Средний балл')).toBe('Средний балл');
    // The title of a Moscow chart axis, drawn: the SVG holds the cut title, not the whole one.
    const svg = renderPlot(linesOverYears([{ name: 'Школа', role: 'school', points: [{ year: 2016, value: 4.7 }] }], { yLabel: 'Доля выпускников, набравших более 220 баллов по трём предметам, %' }), 't');
    expect(svg).toContain('Доля выпускников, набравших более 220…');
    expect(svg).not.toContain('по трём предметам');
  });

  it('a mean on a scale that does not start at zero (SAT) is drawn without a zero baseline', () => {
    const series = [
      { name: 'Школа', role: 'school' as const, points: [{ year: 2011, value: 374 }, { year: 2012, value: 384 }] },
      { name: 'Регион', role: 'region' as const, points: [{ year: 2011, value: 434.6 }, { year: 2012, value: 461.5 }] },
    ];
    const ticks = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    const withZero = renderPlot(linesOverYears(series, { yLabel: 'Средний балл' }), 't');
    const without = renderPlot(linesOverYears(series, { yLabel: 'Средний балл', zero: false }), 't');
    expect(ticks(withZero)).toContain('0');
    expect(ticks(without)).not.toContain('0');
    // The axis then spans the data (about 370–470), not 0–500.
    const scoreTicks = ticks(without).filter((t) => /^\d{3}$/.test(t)).map(Number);
    expect(scoreTicks.length).toBeGreaterThan(2);
    expect(scoreTicks.every((v) => v >= 360 && v <= 480)).toBe(true);
  });
});

