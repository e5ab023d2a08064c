import { describe, expect, it } from 'vitest';
import { typeset } from '../../src/lib/format/typography.ts';

const NB = '\u00a0';

describe('typeset (display text only; CSV keeps the published spelling)', () => {
  it('binds «№» to its number', () => {
    expect(typeset('МБОУ «СОШ № 44» и №5')).toBe(`МБОУ «СОШ №${NB}44» и №${NB}5`);
  });
  it('turns paired straight quotes into «ёлочки», leaving an odd one alone', () => {
    expect(typeset('МАОУ "Гимназия № 1" г. Северогорска')).toBe(`МАОУ «Гимназия №${NB}1» г.${NB}Северогорска`);
    expect(typeset('Лицей "Вектор')).toBe('Лицей "Вектор');
  });
  it('keeps a unit with its number and «п. п.», «г.» with what follows', () => {
    expect(typeset('рост на 3,5 % и 2,1 п. п.')).toBe(`рост на 3,5${NB}% и 2,1${NB}п.${NB}п.`);
    expect(typeset('1 сентября 2025 г.')).toBe(`1 сентября 2025${NB}г.`);
  });
  it('leaves text without these alone', () => {
    expect(typeset('Средний балл по годам')).toBe('Средний балл по годам');
  });
});
