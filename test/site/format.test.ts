import { describe, expect, it } from 'vitest';
import { forms, countOf, formatNumber, formatPercent, formatChange, formatValue, subjectSetText, afterColon, roundAsShown } from '../../src/lib/format/index.ts';
import { numCell } from '../../src/lib/site/cells.ts';
import { yearLinesChart } from '../../src/lib/site/charts.ts';

describe('ru-RU formatting', () => {
  it('uses a decimal comma and a no-break space between thousands', () => {
    expect(formatNumber(1234.56, 1)).toBe('1\u00a0234,6');
    expect(formatPercent(12.345)).toBe('12,3\u00a0%');
  });
  it('writes a real minus sign and signed changes', () => {
    expect(formatNumber(-3.25, 1)).toBe('−3,3'); // Intl rounds half away from zero: 3.25 → 3.3
    expect(formatChange(1.2)).toBe('+1,2');
    expect(formatChange(-0.04)).toBe('0,0');
  });
  it('chooses Russian plural forms: 1 школа, 2 школы, 5 школ, 11 школ, 21 школа, 22 школы', () => {
    expect([1, 2, 5, 11, 21, 22, 111].map((n) => countOf(n, forms().schools))).toEqual([
      '1\u00a0школа',
      '2\u00a0школы',
      '5\u00a0школ',
      '11\u00a0школ',
      '21\u00a0школа',
      '22\u00a0школы',
      '111\u00a0школ',
    ]);
    expect(countOf(21, forms().schoolsGenitive)).toBe('21\u00a0школы');
  });
  it('keeps missing, suppressed, not applicable and zero apart', () => {
    expect(formatValue(0, 'value')).toBe('0,0');
    expect(formatValue(null, 'missing')).toBe('нет данных');
    expect(formatValue(null, 'suppressed')).toBe('скрыто: менее 10 участников');
    expect(formatValue(null, 'na')).toBe('не применимо');
  });
});

describe('subject sets in words', () => {
  it('two subjects joined by «и», three by a comma and «и»', () => {
    expect(subjectSetText('Русский язык + Математика (профиль)')).toBe('Русский язык и Математика (профиль)');
    expect(subjectSetText('Чтение (SAT) + Математика + Письмо (SAT)')).toBe('Чтение (SAT), Математика и Письмо (SAT)');
    expect(subjectSetText('Сумма трёх предметов')).toBe('Сумма трёх предметов');
  });
});

describe('«по N школам»', () => {
  it('dative after «по»: 1 школе, 2 школам, 21 школе, 402 школам', () => {
    expect([1, 2, 21, 402, 11].map((n) => countOf(n, forms().schoolsDative).replace(/\u00a0/g, ' '))).toEqual(['1 школе', '2 школам', '21 школе', '402 школам', '11 школам']);
  });
});

describe('a phrase after a colon', () => {
  it('lower-cases an ordinary first word, keeps an abbreviation', () => {
    expect(afterColon('В 25 % школ с самыми низкими результатами')).toBe('в 25 % школ с самыми низкими результатами');
    expect(afterColon('Менее 60 % выпускников')).toBe('менее 60 % выпускников');
    expect(afterColon('ЕГЭ ниже порога')).toBe('ЕГЭ ниже порога');
    expect(afterColon('В')).toBe('В');
  });
});

describe('one rounding for tables, CSV and sentences', () => {
  it('3.05 is shown as 3,1 everywhere (toFixed would give 3.0: 3.05 is 3.0499… in binary)', () => {
    expect((3.05).toFixed(1)).toBe('3.0');
    expect(formatNumber(3.05, 1)).toBe('3,1');
    expect(roundAsShown(3.05, 1)).toBe(3.1);
    expect(numCell(3.05).v).toBe(3.1);
    expect(roundAsShown(-0.04, 1)).toBe(0);
  });
  it('agrees with Intl on values already round, values a hair off round, halves and the edges', () => {
    // The oracle: Intl's own rounding to the shown digits, read back as a number.
    const oracle = (v: number, d: number) => Number(new Intl.NumberFormat('en-US', { minimumFractionDigits: d, maximumFractionDigits: d, useGrouping: false }).format(v)) + 0;
    const values: number[] = [66.7, 66.75, 3.05, 2.675, 1.005, -2.5, -0.05, 0.1 + 0.2, 100, 1e-9, -0, 71.2 * 3, 1234567.89];
    // Means to one and two decimals as published, and the same plus or minus one unit in the last place.
    for (let k = -300; k <= 1000; k += 7) values.push(k / 10, k / 100, (k / 10) * (1 + Number.EPSILON), (k / 100) * (1 - Number.EPSILON));
    for (const d of [0, 1, 2]) for (const v of values) expect(roundAsShown(v, d), `${v} to ${d}`).toBe(oracle(v, d));
    expect(Object.is(roundAsShown(-0, 1), 0)).toBe(true);
  });
  it('a summary’s change is the difference of the two numbers it prints', () => {
    const chart = yearLinesChart({
      id: 'x', title: 'ОГЭ', yLabel: 'Средняя отметка', unit: 'отметка', minParticipants: 10,
      series: [{ name: 'Школа', role: 'school', points: [{ year: 2019, value: 3.05 }, { year: 2025, value: 3.46 }] }],
    })!;
    // shown 3,1 and 3,5 → +0,4 (the raw difference 0.41 would also print +0,4; 3.04 → 3,0 would give +0,5)
    expect(chart.summary).toBe('Школа: 3,1 в 2019 году и 3,5 в 2025 году (+0,4).');
    const table = chart.table.rows.map((r) => r.s0.t);
    expect(table).toEqual(['3,1', '3,5']);
  });
});
