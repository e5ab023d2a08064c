/**
 * The edition of the data a report rests on. There is no edition number yet, so a report
 * states what it knows and nothing else: the years the data covers, the newest date a
 * source was published (from dataset.yml, where given) and the build date, only when the
 * build was given one (scripts/build.ts: --date or SOURCE_DATE_EPOCH). A build never
 * reads the clock: the same input gives the same bytes.
 */

import { t } from '../../words/index.ts';
import type { Source } from '../../model/types.ts';

/** A source file as the manifest describes it. */
export type { Source };

export interface Edition {
  /** The release the manifest names (`edition: {name, date}`), when it names one. */
  release: { name: string; date: string } | null;
  firstYear: number | null;
  lastYear: number | null;
  /** Newest source date as written in the manifest (ISO form), or null if none is given. */
  sourceDate: string | null;
  /** The build date passed in (YYYY-MM-DD), or null. */
  buildDate: string | null;
  sources: Source[];
}

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** YYYY-MM-DD → 31.10.2016; YYYY-MM → 10.2016; YYYY → 2016; anything else as written. */
export function formatDate(date: string): string {
  const m = ISO.exec(date.trim());
  if (!m) return date;
  return t().report.date(m[1], m[2], m[3]);
}

/** The newest of the sources' dates; dates not in ISO form cannot be ordered and are skipped. */
export function newestSourceDate(dates: Array<string | undefined | null>): string | null {
  let best: string | null = null;
  for (const d of dates) {
    const t = d?.trim();
    if (!t || !ISO.test(t)) continue;
    if (best === null || t > best) best = t;
  }
  return best;
}

export function editionOf(years: number[], sources: Source[], buildDate?: string | null, release?: { name: string; date: string } | null): Edition {
  return {
    release: release ?? null,
    sources,
    firstYear: years.length ? Math.min(...years) : null,
    lastYear: years.length ? Math.max(...years) : null,
    sourceDate: newestSourceDate(sources.map((s) => s.date)),
    buildDate: buildDate ?? null,
  };
}

/** A build date from the command line or SOURCE_DATE_EPOCH (seconds), as YYYY-MM-DD; throws on nonsense. */
export function buildDateFrom(arg: string | undefined, epoch: string | undefined): string | null {
  if (arg) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(arg);
    const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
    if (!d || d.toISOString().slice(0, 10) !== arg) throw new Error(`--date: ожидается дата вида 2026-09-01, получено «${arg}»`);
    return arg;
  }
  if (epoch) {
    if (!/^\d+$/.test(epoch)) throw new Error(`SOURCE_DATE_EPOCH: ожидается число секунд, получено «${epoch}»`);
    // 0 is what CI and benchmarks set to make builds reproducible, not a date: a report
    // saying «собран 01.01.1970» would mislead.
    if (Number(epoch) === 0) return null;
    return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  }
  return null;
}
