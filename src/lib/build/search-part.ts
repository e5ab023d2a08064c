/**
 * What the search index reads of a page: the element marked `data-pagefind-body` (the
 * page's name and one-line description, components/PageView.astro) in a document of its
 * own, with the page's language. Pagefind indexes only that element anyway; handing it the
 * whole page (its tables and charts, ~70 KB) made it parse everything to find ~1 KB.
 */
const BODY = '<div data-pagefind-body>';
const DIV = /<(\/?)div\b/g;

/**
 * searchablePart of a page still in bytes, as Astro hands it over: only the bytes up to the
 * marked element's end are decoded (it sits near the top; decoding a whole ~70 KB page for
 * ~1 KB was a second of Astro's thread at 2,000 schools). The result is the same string as
 * searchablePart of the whole decoded page.
 */
export function searchablePartOfBytes(bytes: Uint8Array): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = buf.indexOf(BODY);
  const decoder = new TextDecoder();
  if (start >= 0) {
    // The element is small: a prefix a few KB past its start nearly always holds its end.
    // A prefix cut inside a character ends in a replacement character, after the end found.
    for (let upTo = start + 4096; upTo < buf.length; upTo *= 2) {
      const prefix = decoder.decode(buf.subarray(0, upTo));
      const part = searchablePart(prefix);
      if (part !== prefix) return part;
    }
  }
  return searchablePart(decoder.decode(buf));
}

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
