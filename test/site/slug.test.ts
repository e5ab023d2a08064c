import { describe, expect, it } from 'vitest';
import { slugify } from '../../src/lib/format/slug.ts';

describe('permalink segments', () => {
  it('keeps published codes that are already URL-safe, with leading zeros', () => {
    expect(slugify('007')).toBe('007');
    expect(slugify('01M015')).toBe('01M015');
  });
  it('transliterates other ids and keeps different ids apart', () => {
    const a = slugify('Центральный административный округ');
    expect(a.startsWith('tsentralnyy-administrativnyy-okrug-')).toBe(true);
    expect(slugify('Центральный административный округ')).toBe(a);
    expect(slugify('Центральный административный округ ')).not.toBe(a);
    expect(slugify('<script>')).toMatch(/^script-[a-z0-9]+$/);
  });
});
