import { describe, expect, it } from 'vitest';
import { findSchool } from '../../src/scripts/find-school.ts';

// Labels as the list shows them (typeset: «ёлочки», a no-break space after №).
const schools = [
  { id: '101', name: 'МАОУ "Гимназия № 1"', label: 'МАОУ «Гимназия №\u00a01» (Северный район)' },
  { id: '102', name: 'МБОУ СОШ № 2', label: 'МБОУ СОШ №\u00a02 (Северный район)' },
  { id: '201', name: 'МБОУ СОШ № 2', label: 'МБОУ СОШ №\u00a02 (Южный район)' },
  { id: '301', name: 'Школа «Берёзка»', label: 'Школа «Берёзка» (Южный район)' },
];

describe('compare: the school a reader typed', () => {
  it('finds a name typed with straight quotes and an ordinary space', () => {
    expect(findSchool(schools, 'МАОУ "Гимназия № 1"')?.id).toBe('101');
    expect(findSchool(schools, 'маоу гимназия № 1 (северный район)')?.id).toBe('101');
    expect(findSchool(schools, 'Школа "Березка"')?.id).toBe('301');
  });
  it('takes the label as the list shows it, and the code', () => {
    expect(findSchool(schools, 'МБОУ СОШ №\u00a02 (Южный район)')?.id).toBe('201');
    expect(findSchool(schools, ' 102 ')?.id).toBe('102');
  });
  it('does not guess between two schools of one name', () => {
    expect(findSchool(schools, 'МБОУ СОШ № 2')).toBeUndefined();
    expect(findSchool(schools, '""')).toBeUndefined();
  });
});
