/**
 * Stray quotes, repaired before PapaParse sees the text.
 *
 * Published Russian files put unescaped quotes inside quoted fields:
 * `"Лицей № 1546 "Плехановец"",` (the data.mos.ru export). Read by RFC 4180 (PapaParse),
 * the `""` before the delimiter is an escaped quote and the field swallows its neighbour,
 * so the row comes out one cell short. The lenient reading: a quoted field ends at the first
 * quote followed by the delimiter or a line end; inside it `""` is one quote and any other
 * quote is text. `escapeStrayQuotes` rewrites every such field into its RFC form (each
 * literal quote doubled), so that PapaParse then reads the lenient meaning. Only quote
 * characters are rewritten; line breaks stay where they are, so line numbers are unchanged.
 *
 * Linear: each search starts where the previous one stopped. Field starts are found by a
 * regex (a quote right after the delimiter or a line break, outside any quoted field: the
 * search always starts outside one), closing quotes by another.
 */

export interface Escaped {
  text: string;
  /** Quotes that were read as text (they were neither `""` nor a closing quote). */
  stray: number;
  /** Offset of the first one in the text (-1 when none). */
  firstStray: number;
}

const reEscape = (s: string) => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');

export function escapeStrayQuotes(text: string, delimiter: string): Escaped {
  const d = reEscape(delimiter);
  const opener = new RegExp(`(?:^|[${d}\\r\\n])"`, 'g');
  const closer = new RegExp(`"(?=[${d}\\r\\n]|$)`, 'g');
  const parts: string[] = [];
  let last = 0;
  let pos = 0;
  let stray = 0;
  let firstStray = -1;
  for (;;) {
    opener.lastIndex = pos;
    const m = opener.exec(text);
    if (!m) break;
    const open = m.index + m[0].length - 1;
    closer.lastIndex = open + 1;
    const c = closer.exec(text);
    if (!c) break; // an unterminated field: left as it is, PapaParse reports it
    const close = c.index;
    const content = text.slice(open + 1, close);
    if (content.includes('"')) {
      let lone = 0;
      const fixed = content.replace(/""|"/g, (q: string, off: number) => {
        if (q.length === 2) return q;
        if (lone++ === 0 && firstStray < 0) firstStray = open + 1 + off;
        return '""';
      });
      if (lone) {
        stray += lone;
        parts.push(text.slice(last, open + 1), fixed);
        last = close;
      }
    }
    pos = close + 1;
  }
  if (parts.length === 0) return { text, stray: 0, firstStray: -1 };
  parts.push(text.slice(last));
  return { text: parts.join(''), stray, firstStray };
}
