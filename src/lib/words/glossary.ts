/**
 * The glossary (issue: ГИА, ШНРО, z-оценка and the gap were never explained): each term
 * with a plain definition, shown on /glossary/ and linked at its first use on every page.
 * Only the terms this dataset and its settings use are listed.
 */
import type { Settings } from '../model/config.ts';
import { shareText } from '../format/index.ts';

export interface Term {
  id: string;
  term: string;
  /** How the term appears in running text (matched as a whole word). */
  forms: string[];
  definition: string;
}

export function glossary(settings: Settings, exams: string[], identifies: boolean): Term[] {
  const share = shareText(settings.gap_share);
  const terms: (Term | false)[] = [
    exams.some((e) => e === 'ЕГЭ' || e === 'ОГЭ') && { id: 'gia', term: 'ГИА', forms: ['ГИА'], definition: 'Государственная итоговая аттестация: экзамены в конце 9 класса (ОГЭ) и 11 класса (ЕГЭ).' },
    exams.includes('ЕГЭ') && { id: 'ege', term: 'ЕГЭ', forms: ['ЕГЭ'], definition: 'Единый государственный экзамен в 11 классе; результат — тестовый балл от 0 до 100 по каждому предмету, у каждого предмета есть минимальный порог.' },
    exams.includes('ОГЭ') && { id: 'oge', term: 'ОГЭ', forms: ['ОГЭ'], definition: 'Основной государственный экзамен в 9 классе; результат — отметка от 2 до 5.' },
    exams.includes('ВПР') && { id: 'vpr', term: 'ВПР', forms: ['ВПР'], definition: 'Всероссийские проверочные работы в 4–11 классах: диагностика, а не рейтинг; сайт не сравнивает по ним школы.' },
    identifies && { id: 'shnro', term: 'ШНРО', forms: ['ШНРО'], definition: 'Школа с низкими результатами обучения: относится к ней по правилам региональной программы (они перечислены на странице «Методика»).' },
    identifies && { id: 'nsu', term: 'НСУ', forms: ['НСУ'], definition: 'Школа, функционирующая в неблагоприятных социальных условиях: по индексу социального благополучия её учеников.' },
    { id: 'gap', term: 'Разрыв', forms: ['разрыв', 'Разрыв'], definition: `Разница между средним результатом ${share} лучших и ${share} худших школ по набору обязательных предметов. Отношение — то же, но делением: во сколько раз лучшие впереди.` },
    { id: 'z', term: 'z-оценка', forms: ['z-оценка', 'z-оценки', 'z-оценку'], definition: 'На сколько стандартных отклонений значение школы выше (плюс) или ниже (минус) среднего по школам региона; 0 — средняя школа.' },
    { id: 'pp', term: 'п. п.', forms: ['п. п.'], definition: 'Процентные пункты: разница двух долей в процентах (с 40 % до 45 % — это +5 п. п.).' },
    { id: 'hidden', term: 'Скрыто', forms: ['скрыто'], definition: `Значение не публикуется, потому что по нему можно узнать результат отдельных детей: в группе меньше ${settings.min_participants} участников, или скрытое значение можно восстановить вычитанием из других.` },
  ];
  return terms.filter((t): t is Term => t !== false);
}

/** A term's forms as whole-word patterns, compiled once per term (pages reuse one glossary). */
const patterns = new WeakMap<Term, RegExp[]>();
function formPatterns(t: Term): RegExp[] {
  let list = patterns.get(t);
  if (!list) {
    list = t.forms.map((f) => new RegExp(`(^|[^\\p{L}\\p{N}-])(${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})(?![\\p{L}\\p{N}])`, 'u'));
    patterns.set(t, list);
  }
  return list;
}

export type Segment = string | { text: string; href: string; title: string };

/**
 * Splits running text so that the first use of each glossary term on the page becomes a
 * link; `used` carries the terms already linked on this page.
 */
export function linkTerms(text: string, terms: Term[], href: (id: string) => string, used: Set<string>): Segment[] {
  const out: Segment[] = [];
  let rest = text;
  for (;;) {
    let best: { at: number; form: string; term: Term } | null = null;
    for (const t of terms) {
      if (used.has(t.id)) continue;
      for (const re of formPatterns(t)) {
        const m = re.exec(rest);
        if (m && (!best || m.index + m[1].length < best.at)) best = { at: m.index + m[1].length, form: m[2], term: t };
      }
    }
    if (!best) break;
    if (best.at > 0) out.push(rest.slice(0, best.at));
    out.push({ text: best.form, href: href(best.term.id), title: best.term.definition });
    used.add(best.term.id);
    rest = rest.slice(best.at + best.form.length);
  }
  if (rest) out.push(rest);
  return out;
}
