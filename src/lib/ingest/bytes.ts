/**
 * What a file is, by its first bytes, before any attempt to read it as text: spreadsheets
 * (XLSX, ODS, XLS), other ZIP archives, UTF-16/UTF-32 text (by BOM or by the NUL pattern of
 * Latin/Cyrillic text) and other binary files are refused with an explanation of what to do.
 */
import type { Problem } from '../model/types.ts';

const EXPORT_HINT = 'откройте файл в Excel или LibreOffice Calc и сохраните как «CSV UTF-8» (Файл → Сохранить как → CSV UTF-8, разделитель «;»), затем укажите в path этот CSV';

function startsWith(b: Uint8Array, sig: number[], at = 0): boolean {
  if (b.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[at + i] !== sig[i]) return false;
  return true;
}

function contains(b: Uint8Array, ascii: string, limit = 65536): boolean {
  const n = Math.min(b.length, limit) - ascii.length;
  const c0 = ascii.charCodeAt(0);
  outer: for (let i = 0; i <= n; i++) {
    if (b[i] !== c0) continue;
    for (let k = 1; k < ascii.length; k++) if (b[i + k] !== ascii.charCodeAt(k)) continue outer;
    return true;
  }
  return false;
}

/** UTF-16/32 without a BOM: NULs at a fixed stride among the first bytes. */
function nulStride(b: Uint8Array): 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be' | undefined {
  const n = Math.min(b.length, 4096) & ~3;
  if (n < 8) return undefined;
  const zeros = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) if (b[i] === 0) zeros[i & 3]++;
  const q = n / 4;
  const full = (k: number) => zeros[k] >= q * 0.9;
  const none = (k: number) => zeros[k] <= q * 0.1;
  if (full(1) && full(2) && full(3) && none(0)) return 'utf-32le';
  if (full(0) && full(1) && full(2) && none(3)) return 'utf-32be';
  if (full(1) && full(3) && none(0) && none(2)) return 'utf-16le';
  if (full(0) && full(2) && none(1) && none(3)) return 'utf-16be';
  // Russian text in UTF-16: every high byte is 0x00 (ASCII) or 0x04 (Cyrillic U+0400–U+04FF).
  let hiLE = 0;
  let hiBE = 0;
  for (let i = 0; i + 1 < n; i += 2) {
    if (b[i + 1] === 0 || b[i + 1] === 4) hiLE++;
    if (b[i] === 0 || b[i] === 4) hiBE++;
  }
  const pairs = n / 2;
  if (hiLE >= pairs * 0.95 && hiBE < pairs * 0.5) return 'utf-16le';
  if (hiBE >= pairs * 0.95 && hiLE < pairs * 0.5) return 'utf-16be';
  return undefined;
}

/** A located error when the bytes are not a text CSV; undefined when they may be one. */
export function sniffBytes(b: Uint8Array, file: string): Problem | undefined {
  const err = (what: string, hint = EXPORT_HINT): Problem => ({ severity: 'error', code: 'not-csv', file, line: 1, column: 1, message: `Это не CSV-файл: ${what}`, hint });
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06])) {
    if (contains(b, 'opendocument.spreadsheet')) return err('таблица LibreOffice/OpenOffice (ODS)');
    if (contains(b, 'xl/') || contains(b, '[Content_Types].xml')) return err('книга Excel (XLSX)');
    return err('ZIP-архив', 'распакуйте архив и укажите в path сам CSV-файл (в кодировке UTF-8)');
  }
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return err('книга Excel 97–2003 (XLS)');
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46])) return err('документ PDF', 'возьмите у издателя машиночитаемую выгрузку (CSV) вместо PDF');
  if (startsWith(b, [0x1f, 0x8b])) return err('архив gzip', 'распакуйте архив и укажите в path сам CSV-файл (в кодировке UTF-8)');
  const utfHint = 'пересохраните файл в кодировке UTF-8: в Excel — «CSV UTF-8», в Блокноте — «Сохранить как» → кодировка UTF-8';
  if (startsWith(b, [0xff, 0xfe, 0x00, 0x00])) return err('текст в кодировке UTF-32 (LE, с BOM)', utfHint);
  if (startsWith(b, [0x00, 0x00, 0xfe, 0xff])) return err('текст в кодировке UTF-32 (BE, с BOM)', utfHint);
  if (startsWith(b, [0xff, 0xfe])) return err('текст в кодировке UTF-16 (LE, с BOM; так сохраняет Excel «Текст Юникод»)', utfHint);
  if (startsWith(b, [0xfe, 0xff])) return err('текст в кодировке UTF-16 (BE, с BOM)', utfHint);
  const stride = nulStride(b);
  if (stride) return err(`текст в кодировке ${stride.toUpperCase()} (без BOM)`, utfHint);
  // A few control bytes in a text are reported cell by cell later; a binary file is full of them.
  const n = Math.min(b.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i];
    if (c < 32 && c !== 9 && c !== 10 && c !== 13) control++;
  }
  if (n >= 16 && control * 20 >= n) return err('двоичный файл (много управляющих и нулевых байтов)', 'укажите в path текстовый CSV-файл в кодировке UTF-8');
  return undefined;
}
