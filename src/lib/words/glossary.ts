/**
 * The glossary (issue: ГИА, ШНРО, z-оценка and the gap were never explained): each term
 * with a plain definition, shown on /glossary/ and linked at its first use on every page.
 * Only the terms this dataset and its settings use are listed. The words are in the
 * catalogue (words/{ru,en}/glossary.ts), in the site's locale.
 */
import type { Settings } from '../model/config.ts';
import { shareText } from '../format/index.ts';
import { t } from './index.ts';

export interface Term {
  id: string;
  term: string;
  /** How the term appears in running text (matched as a whole word). */
  forms: string[];
  definition: string;
}

export function glossary(settings: Settings, exams: string[], identifies: boolean): Term[] {
  const g = t().glossary.terms;
  const term = (id: keyof typeof g, definition: string): Term => ({ id, term: g[id].term, forms: [...g[id].forms], definition });
  const str = (id: 'gia' | 'ege' | 'oge' | 'vpr' | 'shnro' | 'nsu' | 'z' | 'pp') => term(id, g[id].definition);
  const terms: (Term | false)[] = [
    exams.some((e) => e === 'ЕГЭ' || e === 'ОГЭ') && str('gia'),
    exams.includes('ЕГЭ') && str('ege'),
    exams.includes('ОГЭ') && str('oge'),
    exams.includes('ВПР') && str('vpr'),
    identifies && str('shnro'),
    identifies && str('nsu'),
    term('gap', g.gap.definition(shareText(settings.gap_share))),
    str('z'),
    str('pp'),
    term('hidden', g.hidden.definition(settings.min_participants)),
  ];
  return terms.filter((x): x is Term => x !== false);
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
