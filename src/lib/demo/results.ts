/**
 * Exam result files. ЕГЭ is one wide table (a group of columns per subject under a
 * two-row header, as regional exam centres publish it); ОГЭ and ВПР are long tables.
 * Rows are simulated participant by participant, so counts, means and shares agree
 * and small groups are as lumpy as real ones. Text is built year by year in chunks
 * of at most CHUNK school-years, so memory stays flat at national scale.
 */
import { DEFAULT_SETTINGS } from '../model/config.ts';
import { dec, encodeUtf8, field } from './encode.ts';
import { stream, type Rng } from './rng.ts';
import { ability, studentsIn, type School, type World } from './world.ts';

export interface Chunk {
  data: Uint8Array;
  rows: number;
}

const CHUNK = 5000;

interface EgeSubject {
  name: string;
  /** Regional mean, between-school SD and within-school SD (test points). */
  mean: number;
  between: number;
  within: number;
  /** Share of graduates who sit it (electives). */
  take: number;
}

export const EGE_SUBJECTS: EgeSubject[] = [
  { name: 'Русский язык', mean: 69, between: 6.5, within: 13, take: 1 },
  { name: 'Математика (профиль)', mean: 56, between: 8, within: 17, take: 0.45 },
  { name: 'Математика (база)', mean: 0, between: 0, within: 0, take: 0 },
  { name: 'Физика', mean: 54, between: 7, within: 15, take: 0.2 },
  { name: 'Химия', mean: 55, between: 9, within: 20, take: 0.12 },
  { name: 'Информатика', mean: 60, between: 9, within: 19, take: 0.15 },
  { name: 'Биология', mean: 51, between: 8, within: 17, take: 0.18 },
  { name: 'История', mean: 55, between: 8, within: 18, take: 0.14 },
  { name: 'Обществознание', mean: 57, between: 7, within: 16, take: 0.42 },
  { name: 'Иностранный язык', mean: 66, between: 9, within: 17, take: 0.1 },
  { name: 'Литература', mean: 63, between: 8, within: 16, take: 0.05 },
  { name: 'География', mean: 58, between: 7, within: 14, take: 0.03 },
];
const BASE = 2;
export const EGE_MEASURES = ['Участников', 'Средний балл', 'Ниже порога, %', '81 и выше, %'];

/** Exams not held, as in the real calendar: ОГЭ in 2020, ЕГЭ base maths in 2020–2021. */
export const notHeld = (exam: string, subject: string, year: number): boolean =>
  (exam === 'ОГЭ' && year === 2020) || (exam === 'ЕГЭ' && subject === 'Математика (база)' && (year === 2020 || year === 2021));

/** Slowly drifting regional means: a random walk per subject, fixed by the seed. */
function drift(rng: Rng, years: number[], sd: number): Map<number, number> {
  const out = new Map<number, number>();
  let x = 0;
  for (const y of years) {
    out.set(y, x);
    x += rng.norm(0, sd);
  }
  return out;
}

/** A cohort of about `base` students, varying from year to year. */
const cohort = (rng: Rng, base: number) => Math.max(0, Math.round(base * Math.exp(rng.norm(0, 0.18))));

/** A published missing marker in about one row in 250. */
function maybeMissing(rng: Rng): string | null {
  return rng.u() < 0.004 ? (rng.u() < 0.5 ? 'н/д' : '-') : null;
}

function* yearChunks<T>(world: World, make: (year: number, s: School) => T | null, flush: (year: number, items: T[], last: boolean) => Chunk) {
  for (const year of world.years) {
    let items: T[] = [];
    for (let i = 0; i < world.schools.length; i++) {
      const s = world.schools[i];
      if (s.missingYear === year) continue;
      const item = make(year, s);
      if (item !== null) items.push(item);
      if (items.length >= CHUNK) {
        yield flush(year, items, false);
        items = [];
      }
    }
    yield flush(year, items, true);
  }
}

/** ЕГЭ: one row per school and year, four columns per subject (three for base maths). */
export function* egeWide(world: World): Generator<Chunk> {
  const rng = stream(world.opts.seed, 'ege');
  const S = world.schools.length;
  const K = EGE_SUBJECTS.length;
  const dev = new Float64Array(S * K);
  for (let i = 0; i < dev.length; i++) dev[i] = rng.norm(0, 0.25);
  const drifts = EGE_SUBJECTS.map((_, k) => drift(rng, world.years, k === 0 ? 0.8 : 1.4));

  const head1 = ['Код ОО', 'Наименование ОО', 'Год'];
  const head2 = ['', '', ''];
  EGE_SUBJECTS.forEach((sub, k) => {
    const m = k === BASE ? EGE_MEASURES.slice(0, 3) : EGE_MEASURES;
    m.forEach((label, j) => {
      head1.push(j === 0 ? sub.name : '');
      head2.push(label);
    });
  });
  yield { data: encodeUtf8(head1.join(';') + '\n' + head2.join(';') + '\n', true), rows: 0 };

  // Regional totals per year for the «Итого» row: n, Σscore, below, high.
  let tot = new Float64Array(K * 4);
  const make = (year: number, s: School): string | null => {
    if (s.top < 11) return null;
    const n11 = cohort(rng, studentsIn(s, year, world.opts) * (0.9 / 11) * 0.55);
    if (n11 === 0) return null;
    const a = ability(s, year, world.opts);
    const pProfile = Math.min(0.85, Math.max(0.15, 0.45 + 0.15 * a));
    const nProfile = rng.binom(n11, pProfile);
    const ns = EGE_SUBJECTS.map((sub, k) =>
      k === 0 ? n11 : k === 1 ? nProfile : k === BASE ? n11 - nProfile : rng.binom(n11, sub.take * (s.urban ? 1.1 : 0.8)),
    );
    const cells: string[][] = [];
    let smallest = -1;
    for (let k = 0; k < K; k++) {
      const sub = EGE_SUBJECTS[k];
      const n = ns[k];
      const width = k === BASE ? 3 : 4;
      if (n === 0 || notHeld('ЕГЭ', sub.name, year)) {
        cells.push(new Array(width).fill(''));
        continue;
      }
      if (k >= 3 && (smallest < 0 || n < ns[smallest])) smallest = k;
      let sum = 0;
      let below = 0;
      let high = 0;
      if (k === BASE) {
        const mu = 0.6 * (a + dev[s.idx * K + k]) + 0.1 * drifts[k].get(year)!;
        for (let i = 0; i < n; i++) {
          const x = mu + rng.normal();
          const g = x < -1.9 ? 2 : x < -0.5 ? 3 : x < 0.6 ? 4 : 5;
          sum += g;
          if (g === 2) below++;
        }
        cells.push([String(n), dec(sum / n, 2), dec((100 * below) / n)]);
      } else {
        const thr = DEFAULT_SETTINGS.ege_pass[sub.name];
        const mu = sub.mean + drifts[k].get(year)! + sub.between * (a + dev[s.idx * K + k]);
        for (let i = 0; i < n; i++) {
          // A thin lower tail (about 4 % of candidates far below their school's level),
          // so that shares below the threshold are not all zero as a pure normal gives.
          let x = Math.round(mu + sub.within * rng.normal() - (rng.u() < 0.04 ? 22 : 0));
          x = x < 0 ? 0 : x > 100 ? 100 : x;
          sum += x;
          if (x < thr) below++;
          if (x >= DEFAULT_SETTINGS.ege_high) high++;
        }
        cells.push([String(n), dec(sum / n), dec((100 * below) / n), dec((100 * high) / n)]);
      }
      tot[k * 4] += n;
      tot[k * 4 + 1] += sum;
      tot[k * 4 + 2] += below;
      tot[k * 4 + 3] += high;
    }
    // The publisher hid the smallest elective group of this school in one year.
    if (s.suppressYear === year) {
      const k = smallest >= 0 ? smallest : ns[1] > 0 && !notHeld('ЕГЭ', EGE_SUBJECTS[1].name, year) ? 1 : 0;
      cells[k] = cells[k].map((c, j) => (j === 0 ? (ns[k] < 5 ? '<5' : c) : '*'));
    }
    const miss = maybeMissing(rng);
    if (miss) cells[0][1] = miss;
    return [s.id, field(s.name), String(year), ...cells.flat()].join(';');
  };
  yield* yearChunks(world, make, (year, rows, last) => {
    let text = rows.join('\n') + (rows.length ? '\n' : '');
    if (last) {
      const cells: string[] = [];
      for (let k = 0; k < K; k++) {
        const n = tot[k * 4];
        const width = k === BASE ? 3 : 4;
        if (n === 0) cells.push(...new Array(width).fill(''));
        else {
          cells.push(String(n), dec(tot[k * 4 + 1] / n, k === BASE ? 2 : 1), dec((100 * tot[k * 4 + 2]) / n));
          if (k !== BASE) cells.push(dec((100 * tot[k * 4 + 3]) / n));
        }
      }
      text += ['Итого по области', '', String(year), ...cells].join(';') + '\n';
      tot = new Float64Array(K * 4);
    }
    return { data: encodeUtf8(text), rows: rows.length + (last ? 1 : 0) };
  });
}

/** Cut points on a latent N(μ, 1) scale for grades 3, 4 and 5. */
type Cuts = [number, number, number];

interface GradedTest {
  subject: string;
  grade: number | null;
  cuts: Cuts;
  /** Share of the cohort that sits it (ВПР subjects other than Russian and maths are assigned). */
  take: number;
}

const OGE: GradedTest[] = [
  { subject: 'Русский язык', grade: null, cuts: [-1.8, -0.3, 0.9], take: 0.97 },
  { subject: 'Математика', grade: null, cuts: [-1.5, 0.1, 1.1], take: 0.97 },
];

const VPR: GradedTest[] = [
  { subject: 'Русский язык', grade: 4, cuts: [-1.7, -0.4, 0.8], take: 0.92 },
  { subject: 'Математика', grade: 4, cuts: [-1.8, -0.6, 0.6], take: 0.92 },
  { subject: 'Окружающий мир', grade: 4, cuts: [-2.0, -0.6, 0.9], take: 0.9 },
  { subject: 'Русский язык', grade: 5, cuts: [-1.4, -0.1, 1.1], take: 0.9 },
  { subject: 'Математика', grade: 5, cuts: [-1.4, -0.2, 1.0], take: 0.9 },
  { subject: 'История', grade: 5, cuts: [-1.6, -0.3, 1.0], take: 0.45 },
  { subject: 'Биология', grade: 5, cuts: [-1.6, -0.2, 1.1], take: 0.45 },
  { subject: 'Русский язык', grade: 8, cuts: [-1.2, 0.1, 1.3], take: 0.88 },
  { subject: 'Математика', grade: 8, cuts: [-1.1, 0.3, 1.4], take: 0.88 },
  { subject: 'Физика', grade: 8, cuts: [-1.3, 0.2, 1.4], take: 0.4 },
  { subject: 'География', grade: 8, cuts: [-1.4, 0.0, 1.3], take: 0.4 },
];

function simulateGrades(rng: Rng, n: number, mu: number, cuts: Cuts): [number, number, number, number] {
  const g: [number, number, number, number] = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) {
    const x = mu + rng.normal();
    g[x < cuts[0] ? 0 : x < cuts[1] ? 1 : x < cuts[2] ? 2 : 3]++;
  }
  return g;
}

/**
 * ОГЭ or ВПР as a long table. ОГЭ publishes the shares itself; ВПР leaves them to the
 * manifest's `derive`. ВПР has a document title row above the header.
 */
export function* gradedLong(world: World, exam: 'ОГЭ' | 'ВПР'): Generator<Chunk> {
  const rng = stream(world.opts.seed, exam === 'ОГЭ' ? 'oge' : 'vpr');
  const tests = exam === 'ОГЭ' ? OGE : VPR;
  const T = tests.length;
  const dev = new Float64Array(world.schools.length * T);
  for (let i = 0; i < dev.length; i++) dev[i] = rng.norm(0, 0.25);
  const drifts = tests.map(() => drift(rng, world.years, 0.08));

  const head =
    exam === 'ОГЭ'
      ? 'Код ОО;Год;Предмет;Участников;Средняя оценка;Получили «2»;Получили «3»;Получили «4»;Получили «5»;Не справились, %;Качество знаний, %\n'
      : `Результаты ВПР по общеобразовательным организациям: ${world.regionName}, ${world.opts.yearFrom}–${world.opts.yearTo} гг.\n` +
        'Код ОО;Год;Класс;Предмет;Участников;«2»;«3»;«4»;«5»;Средняя отметка\n';
  yield { data: encodeUtf8(head), rows: 0 };

  const make = (year: number, s: School): string[] | null => {
    if (exam === 'ОГЭ' && (s.top < 9 || notHeld('ОГЭ', '', year))) return null;
    const a = ability(s, year, world.opts);
    const perGrade = studentsIn(s, year, world.opts) * (0.9 / (s.top === 4 ? 4 : 9));
    const cohorts = new Map<number, number>();
    const lines: string[] = [];
    let suppressed = false;
    for (let t = 0; t < T; t++) {
      const test = tests[t];
      const grade = test.grade ?? 9;
      if (grade > s.top) continue;
      if (!cohorts.has(grade)) cohorts.set(grade, cohort(rng, perGrade));
      const n = rng.binom(cohorts.get(grade)!, test.take);
      if (n === 0) continue;
      const mu = 0.55 * (a + dev[s.idx * T + t]) + drifts[t].get(year)!;
      const g = simulateGrades(rng, n, mu, test.cuts);
      const mean = dec((2 * g[0] + 3 * g[1] + 4 * g[2] + 5 * g[3]) / n, 2);
      let cells: string[] =
        exam === 'ОГЭ'
          ? [String(n), mean, ...g.map(String), dec((100 * g[0]) / n), dec((100 * (g[2] + g[3])) / n)]
          : [String(n), ...g.map(String), mean];
      // ОГЭ maths is where a school without grade 11 has its hidden cell.
      if (exam === 'ОГЭ' && s.suppressYear === year && s.top === 9 && test.subject === 'Математика' && !suppressed) {
        cells = cells.map((c, j) => (j === 0 ? (n < 5 ? '<5' : c) : '*'));
        suppressed = true;
      }
      const miss = maybeMissing(rng);
      if (miss) cells[exam === 'ОГЭ' ? 1 : 5] = miss;
      const key = exam === 'ОГЭ' ? [s.id, String(year), test.subject] : [s.id, String(year), String(grade), test.subject];
      lines.push([...key, ...cells].join(';'));
    }
    return lines.length ? lines : null;
  };
  yield* yearChunks(world, make, (_year, groups) => {
    let rows = 0;
    const parts: string[] = [];
    for (const g of groups) {
      rows += g.length;
      parts.push(g.join('\n'));
    }
    return { data: encodeUtf8(parts.length ? parts.join('\n') + '\n' : ''), rows };
  });
}
