/**
 * METRICS.md §6 on the real open data: an area's or the city's published total, less its
 * schools whose results are published, gives the rest combined. That rest must be nothing,
 * or three or more schools with at least the minimum of participants: with two, either
 * school, knowing its own figure, gets the other's back exactly (NYC district 79 had two
 * schools, of 8 and 9 test takers, and its means were published).
 *
 * Which schools have a number is read from the raw files here (papaparse, no project code);
 * what is published comes from the publication boundary run in process on each dataset.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/lib/ingest/index.ts';
import { computeAll } from '../../src/lib/metrics/index.ts';
import { siteInputsFromMetrics } from '../../src/lib/publish/index.ts';
import { MIN_PARTICIPANTS, SHARED, rawCsv, skipWithoutShared } from './shared.ts';

interface RawResult {
  school: string;
  subject: string;
  n: number;
}

const NYC_SUBJECTS: Record<string, string> = { 'SAT Critical Reading Avg. Score': 'Critical Reading', 'SAT Math Avg. Score': 'Math', 'SAT Writing Avg. Score': 'Writing' };

/** NYC: the publisher's «s» rows have no number and never entered a total. */
function nycRaw(): RawResult[] {
  return rawCsv('nyc-doe/sat_results.csv', ',').flatMap((r) => {
    const n = Number(r['Num of SAT Test Takers']);
    if (!Number.isInteger(n)) return [];
    return Object.entries(NYC_SUBJECTS).filter(([col]) => /^\d+$/.test(r[col])).map(([, subject]) => ({ school: r.DBN, subject, n }));
  });
}

function moscowRaw(): RawResult[] {
  return rawCsv('moscow-ege-2016/data-9722-2016-10-31.csv', ';').map((r) => ({ school: r.ID, subject: 'Сумма трёх предметов', n: Number(r.PASSED_NUMBER_FULL) }));
}

async function check(dir: string, raw: RawResult[], measure: 'mean' | 'share_high') {
  const ds = await loadDataset(resolve(dir), { env: { SHARED_DIR: SHARED! } });
  const inputs = siteInputsFromMetrics(ds, computeAll(ds.tables, ds.settings));
  const municipality = new Map(inputs.schools.map((s) => [s.school_id, s.municipality_id]));
  // A school's result is known to a reader when its number is published (a band is not a number).
  const known = new Set([...inputs.results].filter((r) => r[`${measure}_state`] === 'value' && r[measure] !== null).map((r) => `${r.school_id}|${r.subject}`));
  const failures: string[] = [];
  const published = inputs.aggregates.filter((a) => a[measure] !== null);
  for (const a of published) {
    const members = raw.filter((r) => r.subject === a.subject && (a.scope === 'region' || municipality.get(r.school) === a.scope_id));
    const rest = members.filter((r) => !known.has(`${r.school}|${r.subject}`));
    const restN = rest.reduce((t, r) => t + r.n, 0);
    if (rest.length > 0 && (rest.length < 3 || restN < MIN_PARTICIPANTS)) failures.push(`${a.scope_id} ${a.subject}: ${rest.map((r) => `${r.school} (${r.n})`).join(', ')}`);
  }
  return { inputs, published, failures };
}

describe.skipIf(skipWithoutShared('вычитание из итогов на реальных данных'))('real data: no published total rests on one or two unpublished schools', () => {
  it('NYC: district totals and the city total', async () => {
    const { inputs, published, failures } = await check('data/real/nyc-doe', nycRaw(), 'mean');
    expect(failures).toEqual([]);
    // District 79: two schools with numbers (8 and 9 takers), both small: no total at all.
    expect(published.filter((a) => a.scope_id === '79')).toEqual([]);
    // Worked out from the raw file alone: a district's total for a subject is published
    // exactly when its schools under 10 takers are none, or three or more with 10 together.
    const district = new Map(inputs.schools.map((x) => [x.school_id, x.municipality_id]));
    const expected = new Set<string>();
    const raw = nycRaw();
    for (const d of new Set(district.values())) {
      for (const subject of Object.values(NYC_SUBJECTS)) {
        const members = raw.filter((r) => r.subject === subject && district.get(r.school) === d);
        const small = members.filter((r) => r.n < MIN_PARTICIPANTS);
        const total = members.reduce((t, r) => t + r.n, 0);
        if (total >= MIN_PARTICIPANTS && (small.length === 0 || (small.length >= 3 && small.reduce((t, r) => t + r.n, 0) >= MIN_PARTICIPANTS))) expected.add(`${d} ${subject}`);
      }
    }
    expect(published.filter((a) => a.scope === 'municipality').map((a) => `${a.scope_id} ${a.subject}`).sort()).toEqual([...expected].sort());
    // The city: 402 schools with numbers, dozens of them small: all three subjects published.
    expect(published.filter((a) => a.scope === 'region')).toHaveLength(3);
    // No pooled figure repeats a year hidden against subtraction (one year of 10 or more).
    const rawN = new Map(nycRaw().map((r) => [r.school, r.n]));
    expect(inputs.pooled.filter((p) => (rawN.get(p.school_id) ?? 0) >= MIN_PARTICIPANTS)).toEqual([]);
  }, 120_000);

  it('Moscow: okrug totals and the city total of the share above 220 points', async () => {
    const { published, failures } = await check('data/real/moscow-ege-2016', moscowRaw(), 'share_high');
    expect(failures).toEqual([]);
    expect(published.filter((a) => a.scope === 'region')).toHaveLength(1);
  }, 120_000);
});
