/** What the search index is given of a page (build/search-part.ts). */
import { describe, expect, it } from 'vitest';
import { searchablePart, searchablePartOfBytes } from '../../src/lib/build/search-part.ts';
import { hasDemoBanner } from '../../src/lib/build/verify.ts';

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

  it('reads the same part from the page bytes, decoding only what it needs', () => {
    const utf8 = (html: string) => new TextEncoder().encode(html);
    const marked = '<div data-pagefind-body> <h1>МБОУ «СОШ № 5»</h1> <div class="verdict"><p>Результаты выросли</p></div></div>';
    // The element far into a long page, and the tables after it long enough to be cut.
    const long = (body: string) => page(`<p>${'ё'.repeat(3000)}</p>${body}<p>${'Ж'.repeat(20000)}</p>`);
    // The element itself longer than the first prefix, so that the prefix grows, cut
    // inside two-byte letters (4096 bytes past the start falls in the middle of one).
    const big = `<div data-pagefind-body> <h1>${'Щ'.repeat(2500)}</h1> <div><p>${'я'.repeat(9000)}</p></div></div>`;
    for (const html of [page(marked), long(marked), long(big), page('<h1>Методика</h1>'), '<html lang="en"><body><div data-pagefind-body><h1>P.S. 1</h1><div>']) {
      expect(searchablePartOfBytes(utf8(html))).toBe(searchablePart(html));
    }
    expect(searchablePartOfBytes(utf8(long(big)))).toBe(`<!DOCTYPE html><html lang="ru"><body>${big}</body></html>`);
    // A view into a larger buffer (as a stream's chunk may be) is read from its own offset.
    const other = page('<div data-pagefind-body><h1>Другая школа</h1></div>');
    const both = utf8(other + page(marked));
    expect(searchablePartOfBytes(both.subarray(utf8(other).length))).toBe(searchablePart(page(marked)));
  });

  it('finds the demo banner in the page bytes as in its text', () => {
    const banner = page('<p class="demo-banner">Данные выдуманы</p>');
    const enc = new TextEncoder();
    expect([hasDemoBanner(enc.encode(banner)), hasDemoBanner(banner)]).toEqual([true, true]);
    expect([hasDemoBanner(enc.encode(page('<p>Данные</p>'))), hasDemoBanner(page('<p>Данные</p>'))]).toEqual([false, false]);
    // Bytes before a view's start are not the page's.
    expect(hasDemoBanner(enc.encode(`demo-banner${page('')}`).subarray(11))).toBe(false);
  });
});
