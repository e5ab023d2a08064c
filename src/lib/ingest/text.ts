/** Small character helpers shared by the reading stages. */

/** Characters String.prototype.trim removes (WhiteSpace + LineTerminator). */
export function isTrimSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** True when the string has nothing but trim-spaces. */
export function isBlank(s: string): boolean {
  for (let p = 0; p < s.length; p++) if (!isTrimSpace(s.charCodeAt(p))) return false;
  return true;
}

/** Occurrences of one character in a string (indexOf loop: fast on long strings). */
export function countChar(s: string, ch: string): number {
  let k = 0;
  for (let p = s.indexOf(ch); p >= 0; p = s.indexOf(ch, p + 1)) k++;
  return k;
}

/** Longest piece of a cell any message echoes. */
export const MAX_ECHO = 200;

/** At most `max` characters of s (by code points), with «…» when cut. */
export function clip(s: string, max = MAX_ECHO): string {
  if (s.length <= max) return s;
  const cps = Array.from(s.slice(0, max * 2));
  return cps.length <= max ? s : `${cps.slice(0, max).join('')}…`;
}
