/**
 * What the search index reads of a page: the element marked `data-pagefind-body` (the
 * page's name and one-line description, components/PageView.astro) in a document of its
 * own, with the page's language. Pagefind indexes only that element anyway; handing it the
 * whole page (its tables and charts, ~70 KB) made it parse everything to find ~1 KB.
 */
const BODY = '<div data-pagefind-body>';
const DIV = /<(\/?)div\b/g;

export function searchablePart(html: string): string {
  const start = html.indexOf(BODY);
  if (start < 0) return html;
  // The element ends at the </div> that closes it (it holds a nested div: the verdict).
  DIV.lastIndex = start + BODY.length;
  let depth = 1;
  let end = -1;
  for (let m = DIV.exec(html); m; m = DIV.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) {
      end = m.index + '</div>'.length;
      break;
    }
  }
  if (end < 0) return html;
  const lang = /<html\b[^>]*\blang="([^"]*)"/.exec(html)?.[1];
  return `<!DOCTYPE html><html${lang ? ` lang="${lang}"` : ''}><body>${html.slice(start, end)}</body></html>`;
}
