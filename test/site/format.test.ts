import { describe, expect, it } from 'vitest';
import { countOf, formatNumber, formatPercent, formatChange, formatValue, SCHOOLS, SCHOOLS_GENITIVE, SCHOOLS_DATIVE, subjectSetText } from '../../src/lib/format/index.ts';

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
    expect([1, 2, 5, 11, 21, 22, 111].map((n) => countOf(n, SCHOOLS))).toEqual([
      '1\u00a0школа',
      '2\u00a0школы',
      '5\u00a0школ',
      '11\u00a0школ',
      '21\u00a0школа',
      '22\u00a0школы',
      '111\u00a0школ',
    ]);
    expect(countOf(21, SCHOOLS_GENITIVE)).toBe('21\u00a0школы');
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
    expect([1, 2, 21, 402, 11].map((n) => countOf(n, SCHOOLS_DATIVE).replace(/\u00a0/g, ' '))).toEqual(['1 школе', '2 школам', '21 школе', '402 школам', '11 школам']);
  });
});
