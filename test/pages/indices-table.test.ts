/**
 * The demo school page's indices table, read on a phone: a component whose higher value is
 * worse (METRICS.md §4: the shares of low-SES families, deviant behaviour, low motivation, weak
 * Russian, the distance to a centre, overloaded and off-profile teachers) carries a short mark,
 * «(меньше — лучше)», and one sentence under the table says what the mark means; the
 * components where more is better carry none.
 */
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { read, shouldCheck, site, walk } from '../helpers/site-files.ts';

const LOWER_IS_BETTER = [
  'Доля семей с низким социально-экономическим и культурным уровнем',
  'Доля обучающихся с девиантным поведением',
  'Доля обучающихся с низкой учебной мотивацией',
  'Доля обучающихся со слабым владением русским языком',
  'Удалённость от ближайшего образовательного центра',
  'Доля учителей, работающих на 1,5 ставки и более',
  'Доля учителей, преподающих не по профилю диплома',
];
const MARK = ' (меньше — лучше)';
const NOTE = 'У составляющих с пометкой «меньше — лучше» z-оценка взята с обратным знаком: чем меньше значение, тем выше оценка.';
const clean = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

describe.skipIf(!shouldCheck('demo'))('the indices table on demo school pages', () => {
  it('marks exactly the components where less is better, and explains the mark once', () => {
    const dir = site('demo');
    const pages = walk(join(dir, 'school')).filter((f) => f.endsWith('index.html')).slice(0, 40);
    let tables = 0;
    let marked = 0;
    for (const file of pages) {
      const { document } = parseHTML(read(file));
      const table = document.querySelector('table[id$="-indices"]');
      if (!table) continue;
      tables++;
      const names = [...table.querySelectorAll('tbody tr')].map((tr) => clean(tr.children[0].textContent)).filter((n) => n.startsWith('—'));
      for (const name of names) {
        const bare = name.replace(/^— /, '').replace(MARK, '');
        expect(name.endsWith(MARK), name).toBe(LOWER_IS_BETTER.includes(bare));
        if (name.endsWith(MARK)) marked++;
      }
      // Under the table, and the table is described by it (a screen reader reads it with the table).
      const notes = [...table.closest('section')!.querySelectorAll('p')].filter((p) => clean(p.textContent) === NOTE);
      const reversed = names.some((n) => n.endsWith(MARK));
      expect(notes.length).toBe(reversed ? 1 : 0);
      if (reversed) {
        expect(table.getAttribute('aria-describedby')).toBe(notes[0].id);
        expect(table.parentElement!.nextElementSibling).toBe(notes[0]);
      }
    }
    expect(tables).toBeGreaterThan(10);
    expect(marked).toBeGreaterThan(10);
  });
});
