/** Collecting problems per file, with a cap per code so a broken million-row file stays readable. */
import type { Problem } from '../model/types.ts';

export const MAX_PER_CODE = 100;

export interface Collector {
  list: Problem[];
  add(p: Problem): void;
  /** Append "и ещё N" summaries for capped codes. */
  finish(): Problem[];
}

export function collector(max = MAX_PER_CODE): Collector {
  const list: Problem[] = [];
  const seen = new Map<string, { n: number; first: Problem }>();
  return {
    list,
    add(p) {
      const key = `${p.file}\u0000${p.code}`;
      const s = seen.get(key);
      if (!s) {
        seen.set(key, { n: 1, first: p });
        list.push(p);
        return;
      }
      s.n++;
      if (s.n <= max) list.push(p);
    },
    finish() {
      for (const { n, first } of seen.values()) {
        if (n > max) {
          list.push({
            severity: first.severity,
            code: first.code,
            file: first.file,
            message: `Ещё ${n - max} таких же сообщений («${first.message}») не показаны`,
            hint: 'исправьте показанные случаи и запустите проверку снова',
          });
        }
      }
      return list;
    },
  };
}

/** Russian names of drop reasons, for warnings and the build summary. */
export const DROP_REASONS: Record<string, string> = {
  subtotal: 'строки «Итого»/«Всего»',
  duplicate: 'полные повторы строк',
  invalid: 'строки без обязательного поля',
  'unknown-school': 'строки о школах не из списка',
};
