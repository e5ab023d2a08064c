/**
 * Delimiter sniffing: the candidate whose per-line count (outside quotes) is the same
 * non-zero number on most of the first lines wins. Title rows above the header ("Результаты
 * ЕГЭ 2016") have none, so they do not disturb the vote.
 */
export const DELIMITERS = [';', ',', '\t', '|'] as const;

export function sniffDelimiter(text: string, maxLines = 30): string {
  const lines = firstLines(text, maxLines);
  let best = ';';
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const counts = new Map<number, number>();
    for (const l of lines) {
      const c = countOutsideQuotes(l, d);
      if (c > 0) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    let mode = 0;
    let freq = 0;
    for (const [c, f] of counts) if (f > freq || (f === freq && c > mode)) [mode, freq] = [c, f];
    // Frequency first, then the number of columns it gives.
    const score = freq * 1000 + Math.min(mode, 999);
    if (freq > 0 && score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

function firstLines(text: string, max: number): string[] {
  const out: string[] = [];
  let start = 0;
  while (out.length < max && start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const l = text.slice(start, end).replace(/\r$/, '');
    if (l.trim() !== '') out.push(l);
    start = end + 1;
  }
  return out;
}

function countOutsideQuotes(line: string, d: string): number {
  let inQ = false;
  let k = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') inQ = !inQ;
    else if (c === d && !inQ) k++;
  }
  return k;
}

/**
 * The line break of a text, for PapaParse's explicit `newline`. A text with one kind of break
 * (LF, CRLF or CR) is returned as it is; a mix (CRLF rows with LF inside Excel cells, or files
 * glued together) is normalised to LF — line numbers do not change, every break stays one line.
 */
export function sniffNewline(text: string): { text: string; newline: '\n' | '\r' | '\r\n' } {
  if (text.indexOf('\r') < 0) return { text, newline: '\n' };
  if (text.indexOf('\n') < 0) return { text, newline: '\r' };
  if (!/\r(?!\n)|(?<!\r)\n/.test(text)) return { text, newline: '\r\n' };
  return { text: text.replace(/\r\n?/g, '\n'), newline: '\n' };
}
