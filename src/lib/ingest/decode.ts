/**
 * Bytes → text. Strict UTF-8 first (a Windows-1251 file almost never decodes as valid
 * UTF-8), then Windows-1251. Text that was already mangled once (UTF-8 read as 1251 and
 * saved again, «РЁРєРѕР»Р°») decodes "successfully" and would silently poison every name,
 * so it is refused with an error instead.
 */
import { Buffer, isUtf8 } from 'node:buffer';
import type { Problem } from '../model/types.ts';
import { sniffBytes } from './bytes.ts';

export type Encoding = 'utf-8' | 'windows-1251';

export interface Decoded {
  text: string;
  encoding: Encoding;
  bom: boolean;
  problems: Problem[];
}

/** The characters bytes 0x80–0xBF become in Windows-1251: UTF-8 continuation bytes read as 1251. */
const CONTINUATION_AS_1251 = new Set(
  new TextDecoder('windows-1251').decode(Uint8Array.from({ length: 64 }, (_, i) => 0x80 + i)),
);

/** Share of Cyrillic letters that are the first half of a UTF-8-as-1251 pair (Р/С + 0x80–0xBF). */
export function mojibakeScore(text: string, limit = 200_000): { pairs: number; cyrillic: number; sample?: string } {
  let pairs = 0;
  let cyrillic = 0;
  let sample: string | undefined;
  const n = Math.min(text.length, limit);
  for (let i = 0; i < n; i++) {
    const c = text[i];
    if (c >= '\u0400' && c <= '\u04FF') cyrillic++;
    if ((c === 'Р' || c === 'С') && i + 1 < n && CONTINUATION_AS_1251.has(text[i + 1])) {
      pairs++;
      if (sample === undefined) sample = text.slice(i, i + 12);
    }
  }
  return { pairs, cyrillic, sample };
}

export function looksLikeMojibake(text: string): { yes: boolean; sample?: string } {
  const { pairs, cyrillic, sample } = mojibakeScore(text);
  // In mangled text about every second Cyrillic character starts such a pair; in real
  // Russian text «Р»/«С» followed by «ё», «№», «—» or « » is rare.
  return { yes: pairs >= 3 && pairs / Math.max(1, cyrillic) > 0.2, sample };
}

export function decode(bytes: Uint8Array, file: string, encoding: 'auto' | Encoding = 'auto'): Decoded {
  const problems: Problem[] = [];
  const notText = sniffBytes(bytes, file);
  if (notText) return { text: '', encoding: 'utf-8', bom: false, problems: [notText] };
  let bom = false;
  let body = bytes;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    bom = true;
    body = bytes.subarray(3);
  }
  let text: string;
  let used: Encoding;
  if (encoding === 'windows-1251') {
    text = new TextDecoder('windows-1251').decode(body);
    used = 'windows-1251';
  } else {
    // isUtf8 + Buffer#toString is several times faster than a fatal TextDecoder on large files.
    if (isUtf8(body)) {
      text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
      used = 'utf-8';
    } else {
      if (encoding === 'utf-8') {
        problems.push({
          severity: 'error',
          code: 'encoding',
          file,
          message: 'Файл объявлен в кодировке UTF-8, но содержит байты, недопустимые в UTF-8',
          hint: 'уберите read.encoding или укажите encoding: windows-1251',
        });
      }
      text = new TextDecoder('windows-1251').decode(body);
      used = 'windows-1251';
    }
  }
  // A stray U+FEFF (BOM pasted inside the first header cell, e.g. after an opening quote).
  const firstBreak = text.search(/[\r\n]/);
  const head = firstBreak < 0 ? text : text.slice(0, firstBreak);
  if (head.includes('\uFEFF')) text = head.replaceAll('\uFEFF', '') + text.slice(head.length);

  const moj = looksLikeMojibake(text);
  if (moj.yes) {
    problems.push({
      severity: 'error',
      code: 'mojibake',
      file,
      value: moj.sample,
      message: 'Текст файла испорчен повторной перекодировкой: UTF-8 был прочитан как Windows-1251 и сохранён заново',
      hint: 'возьмите исходную выгрузку издателя; если её нет, перекодируйте файл обратно (прочитать как UTF-8, сохранить в Windows-1251, затем открыть как UTF-8)',
    });
  }
  return { text, encoding: used, bom, problems };
}
