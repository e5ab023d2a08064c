/**
 * Text as departments publish it: `;`-separated, decimal comma, Windows-1251 for
 * the registry (TextEncoder only writes UTF-8), CRLF where Excel on Windows wrote it.
 */

const utf8 = new TextEncoder();

export function encodeUtf8(text: string, bom = false): Uint8Array {
  const body = utf8.encode(text);
  if (!bom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

const CP1251_EXTRA: Record<number, number> = {
  0x0401: 0xa8, // Ё
  0x0451: 0xb8, // ё
  0x2116: 0xb9, // №
  0x00ab: 0xab, // «
  0x00bb: 0xbb, // »
  0x00a0: 0xa0, // no-break space
  0x2013: 0x96, // –
  0x2014: 0x97, // —
};

/** Windows-1251 for the characters the demo uses; anything else is a programming error. */
export function encodeCp1251(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) out[i] = c;
    else if (c >= 0x0410 && c <= 0x044f) out[i] = c - 0x0410 + 0xc0;
    else if (CP1251_EXTRA[c] !== undefined) out[i] = CP1251_EXTRA[c];
    else throw new Error(`encodeCp1251: no Windows-1251 byte for U+${c.toString(16).padStart(4, '0')}`);
  }
  return out;
}

/** Quote a field when it holds the delimiter, a quote or a line break (RFC 4180 style). */
export function field(s: string): string {
  if (s.indexOf(';') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
  return '"' + s.replace(/"/g, '""') + '"';
}

/** Fixed decimals with a decimal comma: 12.25 → "12,3" (toFixed is deterministic in V8). */
export function dec(x: number, digits = 1): string {
  const s = x.toFixed(digits);
  const t = s.indexOf('.') < 0 ? s : s.replace('.', ',');
  return t === '-0' || /^-0,0+$/.test(t) ? t.slice(1) : t;
}

/** Integer with a no-break space between thousands, as Excel's "number" format exports it. */
export function thousands(n: number): string {
  const s = String(Math.round(n));
  return s.length <= 3 ? s : s.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
}
