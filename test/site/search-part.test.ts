/** What the search index is given of a page (build/search-part.ts). */
import { describe, expect, it } from 'vitest';
import { searchablePart } from '../../src/lib/build/search-part.ts';

const page = (body: string) =>
  `<!DOCTYPE html><html lang="ru"><head><title>Школа</title></head><body><header><div class="nav">меню</div></header>${body}<section><div><table><tr><td>71,2</td></tr></table></div></section></body></html>`;

describe('searchablePart', () => {
  it('keeps the marked element whole, its nested verdict included, in a document of the page language', () => {
    const marked = '<div data-pagefind-body> <h1>МБОУ «СОШ № 5»</h1> <div class="verdict" data-pagefind-ignore><p>Результаты <div>выросли</div>.</p></div> <p class="lead">город Северогорск: результаты ЕГЭ</p></div>';
    expect(searchablePart(page(marked))).toBe(`<!DOCTYPE html><html lang="ru"><body>${marked}</body></html>`);
  });

  it('hands over the whole page when nothing is marked, or the mark is never closed', () => {
    const unmarked = page('<h1>Методика</h1>');
    expect(searchablePart(unmarked)).toBe(unmarked);
    const unclosed = '<html lang="en"><body><div data-pagefind-body><h1>P.S. 1</h1><div>';
    expect(searchablePart(unclosed)).toBe(unclosed);
  });
});
