/**
 * The invisible truth behind the demo files: municipalities, schools and the latent
 * quantities every published number is drawn from. Published figures follow
 *   result = regional mean + f(social risk) + school effect + slow trend
 *            + partnership effect + noise that shrinks with the number of participants.
 * Schools are plain objects (tens of thousands at most); rows are never kept here.
 */
import { address, districtName, townGenitive, townName, villageAdjective, villageName, villagePool } from './names.ts';
import { clamp, stream, type Rng } from './rng.ts';

export interface DemoOptions {
  seed: number;
  schools: number;
  municipalities: number;
  yearFrom: number;
  yearTo: number;
}

export const DEFAULT_OPTIONS: DemoOptions = { seed: 2026, schools: 250, municipalities: 10, yearFrom: 2019, yearTo: 2025 };

/** Fill in the municipality count (≈ schools / 25, at least 1) and check ranges. */
export function resolveOptions(o: Partial<DemoOptions>): DemoOptions {
  const schools = o.schools ?? DEFAULT_OPTIONS.schools;
  const municipalities = o.municipalities ?? Math.max(1, Math.round(schools / 25));
  const out: DemoOptions = {
    seed: o.seed ?? DEFAULT_OPTIONS.seed,
    schools,
    municipalities,
    yearFrom: o.yearFrom ?? DEFAULT_OPTIONS.yearFrom,
    yearTo: o.yearTo ?? DEFAULT_OPTIONS.yearTo,
  };
  if (!Number.isInteger(out.seed)) throw new Error('seed должен быть целым числом');
  if (!Number.isInteger(schools) || schools < 1) throw new Error('число школ должно быть целым и не меньше 1');
  if (!Number.isInteger(municipalities) || municipalities < 1 || municipalities > schools)
    throw new Error('число муниципалитетов должно быть от 1 до числа школ');
  if (!(out.yearFrom >= 2000 && out.yearTo <= 2100 && out.yearFrom <= out.yearTo))
    throw new Error('годы должны быть в виде 2019-2025, начало не позже конца');
  return out;
}

export type SchoolType = 'СОШ' | 'ООШ' | 'НОШ' | 'Гимназия' | 'Лицей';

export interface Municipality {
  id: string;
  name: string;
  kind: 'городской округ' | 'муниципальный район';
  urban: boolean;
  monotown: number;
  unemployment: number;
}

export interface School {
  idx: number;
  id: string;
  name: string;
  muni: number;
  urban: boolean;
  type: SchoolType;
  /** Highest grade taught: 4, 9 or 11. */
  top: number;
  address: string;
  students0: number;
  studentTrend: number;
  /** Social risk, standardised-ish: higher is harder. */
  z: number;
  /** School effect in between-school SD units. */
  u: number;
  slope: number;
  distance: number;
  pension: number;
  resilient: boolean;
  /** Partnership effect: first year after the start, gain per year, cap (0 = none). */
  boostFrom: number;
  boostRate: number;
  /** Year with a publisher-suppressed cell (0 = none). */
  suppressYear: number;
  /** Year missing from every results file (0 = none). */
  missingYear: number;
}

export interface Partnership {
  strong: number;
  supported: number;
  start: number;
  end: number | null;
  improves: boolean;
}

export interface World {
  opts: DemoOptions;
  regionName: string;
  years: number[];
  munis: Municipality[];
  schools: School[];
  partnerships: Partnership[];
}

export const REGION_NAME = 'Северо-Озёрская область (демонстрационные данные)';

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const digits = (n: number) => String(n).length;

/** Largest-remainder allocation of `total` over weights, each part at least 1. */
function allocate(total: number, weights: number[]): number[] {
  const k = weights.length;
  const out = new Array<number>(k).fill(1);
  let left = total - k;
  if (left <= 0) return out;
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (w / sum) * left);
  const floors = raw.map(Math.floor);
  floors.forEach((f, i) => (out[i] += f));
  left -= floors.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - floors[i], i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let j = 0; j < left; j++) out[order[j % k][1]]++;
  return out;
}

const logUniform = (rng: Rng, lo: number, hi: number) => Math.round(Math.exp(Math.log(lo) + rng.u() * (Math.log(hi) - Math.log(lo))));

export function buildWorld(opts: DemoOptions): World {
  const rng = stream(opts.seed, 'world');
  const years: number[] = [];
  for (let y = opts.yearFrom; y <= opts.yearTo; y++) years.push(y);

  const M = opts.municipalities;
  const nUrban = Math.min(M, Math.max(1, Math.round(M * 0.25)));
  const wM = Math.max(2, digits(M));
  const munis: Municipality[] = [];
  const muniShift: number[] = [];
  for (let m = 0; m < M; m++) {
    const urban = m < nUrban;
    const name = urban ? `город ${townName(m)}` : districtName(m - nUrban);
    munis.push({
      id: pad(m + 1, wM),
      name,
      kind: urban ? 'городской округ' : 'муниципальный район',
      urban,
      monotown: urban ? (m % 3 === 2 ? 1 : 0) : rng.chance(0.05) ? 1 : 0,
      unemployment: Math.round((urban ? 0.6 + rng.u() * 0.45 : 0.85 + rng.u() * 0.85) * 100) / 100,
    });
    muniShift.push(urban ? rng.norm(-0.3, 0.2) : rng.norm(0.4, 0.3));
  }

  const S = opts.schools;
  const urbanTotal = nUrban === M ? S : Math.max(nUrban, Math.round(S * 0.45));
  const urbanCounts = allocate(urbanTotal, munis.slice(0, nUrban).map((_, i) => 1 / Math.pow(i + 1, 0.8)));
  const ruralCounts = nUrban === M ? [] : allocate(S - urbanTotal, munis.slice(nUrban).map(() => 0.7 + 0.6 * rng.u()));
  const counts = [...urbanCounts, ...ruralCounts];
  const wS = Math.max(3, digits(Math.max(...counts)));

  const schools: School[] = [];
  for (let m = 0; m < M; m++) {
    const mu = munis[m];
    const town = mu.urban ? townName(m) : '';
    const pool = mu.urban ? [] : villagePool(rng);
    const used = new Map<string, number>();
    for (let k = 0; k < counts[m]; k++) {
      let type: SchoolType;
      let name: string;
      let place: string;
      let students: number;
      let distance: number;
      if (mu.urban) {
        type = counts[m] >= 8 && k === 0 ? 'Гимназия' : counts[m] >= 8 && k === 1 ? 'Лицей' : rng.chance(0.05) ? 'ООШ' : 'СОШ';
        const num = k + 1;
        const g = townGenitive(town);
        // Gymnasiums and lyceums keep the ASCII quotes of many registries (CSV-quoted).
        name = type === 'Гимназия' || type === 'Лицей' ? `МАОУ "${type} № ${num}" г. ${g}` : `МБОУ «${type} № ${num}» г. ${g}`;
        place = town;
        students = type === 'ООШ' ? logUniform(rng, 150, 450) : logUniform(rng, 450, 1500);
        distance = Math.round((0.5 + rng.u() * 3.5) * 10) / 10;
      } else {
        const centre = k < (counts[m] >= 12 ? 2 : 1);
        const stem = pool[centre ? 0 : (k % pool.length)];
        const adj = villageAdjective(stem);
        place = villageName(stem);
        if (centre) {
          type = 'СОШ';
          name = `МБОУ «${adj} СОШ № ${k + 1}»`;
          students = logUniform(rng, 280, 750);
          distance = Math.round(rng.u() * 20) / 10;
        } else {
          const r = rng.u();
          type = r < 0.45 ? 'СОШ' : r < 0.9 ? 'ООШ' : 'НОШ';
          const base = `${adj} ${type}`;
          const seen = used.get(base) ?? 0;
          used.set(base, seen + 1);
          // A stem reused in a big district gets a number, as real registries do.
          const label = seen === 0 && k < pool.length ? base : `${base} № ${seen + 2 + Math.floor(k / pool.length)}`;
          name = `${type === 'СОШ' && rng.chance(0.5) ? 'МБОУ' : 'МКОУ'} «${label}»`;
          students = type === 'СОШ' ? logUniform(rng, 55, 260) : type === 'ООШ' ? logUniform(rng, 15, 110) : logUniform(rng, 6, 25);
          distance = Math.round(Math.exp(Math.log(8) + rng.u() * Math.log(15)) * 10) / 10;
        }
      }
      const elite = type === 'Гимназия' || type === 'Лицей';
      const small = !mu.urban && students < 120;
      const z = muniShift[m] + (mu.urban ? rng.norm(-0.1, 0.7) : rng.norm(0.2, 0.75)) - (elite ? 0.6 : 0) + (small ? 0.2 : 0);
      schools.push({
        idx: schools.length,
        id: mu.id + pad(k + 1, wS),
        name,
        muni: m,
        urban: mu.urban,
        type,
        top: type === 'НОШ' ? 4 : type === 'ООШ' ? 9 : 11,
        address: address(rng, place, mu.urban),
        students0: students,
        studentTrend: mu.urban ? rng.norm(0.005, 0.01) : rng.norm(-0.02, 0.01),
        z,
        u: rng.norm(0, 0.35) + (elite ? 0.5 : 0),
        slope: rng.norm(0, 0.03),
        distance,
        pension: !mu.urban && z > 0.6 && rng.chance(0.5) ? 1 : 0,
        resilient: false,
        boostFrom: 0,
        boostRate: 0,
        suppressYear: 0,
        missingYear: 0,
      });
    }
  }

  // Resilient schools: high social risk, strong results (about 3 % of all schools).
  const byRisk = schools.slice().sort((a, b) => b.z - a.z || a.idx - b.idx);
  const riskyQuarter = byRisk.slice(0, Math.max(1, Math.floor(S / 4))).filter((s) => s.top >= 9);
  for (const s of rng.shuffle(riskyQuarter).slice(0, Math.max(1, Math.round(S * 0.03)))) {
    s.resilient = true;
    s.u += 0.9 + 0.2 * rng.u();
  }

  const partnerships = pairSchools(rng, schools, opts);

  // About 10 % of schools have a cell the publisher hid in one year.
  for (const s of schools) if (s.top >= 9 && rng.chance(0.11)) s.suppressYear = rng.pick(years);
  // A few (one per 250) small rural schools are missing a whole year of results.
  const missingYear = Math.min(opts.yearTo, opts.yearFrom + 3);
  const candidates = schools.filter((s) => !s.urban && s.type === 'СОШ' && s.boostRate === 0 && !s.resilient);
  for (const s of rng.shuffle(candidates).slice(0, Math.max(1, Math.round(S / 250)))) s.missingYear = missingYear;

  return { opts, regionName: REGION_NAME, years, munis, schools, partnerships };
}

/** Strong / supported pairs as in seed 004's partnership agreement (≈ 6 % of schools). */
function pairSchools(rng: Rng, schools: School[], opts: DemoOptions): Partnership[] {
  const strength = (s: School) => s.u - 0.55 * s.z;
  const withExams = schools.filter((s) => s.top >= 9);
  const byStrength = withExams.slice().sort((a, b) => strength(b) - strength(a) || a.idx - b.idx);
  const q = Math.max(1, Math.floor(withExams.length * 0.2));
  const strong = byStrength.filter((s) => s.top === 11).slice(0, q);
  const weak = byStrength.slice(-Math.max(1, Math.floor(withExams.length * 0.3))).filter((s) => s.z > 0 && !s.resilient);
  const want = Math.min(weak.length, Math.max(1, Math.round(schools.length * 0.06)));
  const out: Partnership[] = [];
  const load = new Map<number, number>();
  const clampYear = (y: number) => Math.max(Math.min(y, opts.yearTo), Math.min(opts.yearFrom + 1, opts.yearTo));
  for (const w of rng.shuffle(weak).slice(0, want)) {
    // Prefer a strong school in the same municipality, else any with spare capacity.
    const free = strong.filter((s) => (load.get(s.idx) ?? 0) < 2);
    const local = free.filter((s) => s.muni === w.muni);
    const partner = local.length ? local[0] : free.length ? rng.pick(free) : null;
    if (!partner) break;
    load.set(partner.idx, (load.get(partner.idx) ?? 0) + 1);
    const start = clampYear(rng.int(2020, 2023));
    const end = rng.chance(0.3) && start + 2 <= opts.yearTo ? start + 2 : null;
    const improves = rng.chance(0.75);
    if (improves) {
      w.boostFrom = start + 1;
      w.boostRate = clamp(rng.norm(0.13, 0.03), 0.06, 0.2);
    }
    out.push({ strong: partner.idx, supported: w.idx, start, end, improves });
  }
  return out.sort((a, b) => a.start - b.start || a.supported - b.supported);
}

/** Latent performance of a school in a year, in between-school SD units. */
export function ability(s: School, year: number, opts: DemoOptions): number {
  const mid = (opts.yearFrom + opts.yearTo) / 2;
  let a = -0.55 * s.z + s.u + s.slope * (year - mid);
  if (s.boostRate > 0 && year >= s.boostFrom) a += Math.min(0.45, s.boostRate * (year - s.boostFrom + 1));
  return a;
}

/** Expected number of students in a year (before yearly noise). */
export const studentsIn = (s: School, year: number, opts: DemoOptions): number =>
  s.students0 * Math.pow(1 + s.studentTrend, year - opts.yearFrom);
