/**
 * Registries and context files: municipalities, schools (Windows-1251, CRLF, as an
 * Excel export on Windows), school indicators (long), programme targets (seed 003's
 * table, long) and partnerships (seed 004).
 */
import { SCHOOL_INDICATORS } from '../model/config.ts';
import { dec, encodeCp1251, encodeUtf8, field, thousands } from './encode.ts';
import type { Chunk } from './results.ts';
import { clamp, stream } from './rng.ts';
import { ability, studentsIn, type World } from './world.ts';

export function municipalitiesCsv(world: World): Uint8Array {
  const lines = ['Код МО;Наименование МО;Тип МО'];
  for (const m of world.munis) lines.push([m.id, field(m.name), m.kind].join(';'));
  return encodeUtf8(lines.join('\n') + '\n');
}

export function schoolsCsv(world: World): Uint8Array {
  const last = world.opts.yearTo;
  const lines = ['Код ОО;Наименование ОО;Код МО;Тип местности;Вид ОО;Адрес;Численность обучающихся'];
  for (const s of world.schools) {
    const students = Math.max(1, Math.round(studentsIn(s, last, world.opts)));
    lines.push([s.id, field(s.name), world.munis[s.muni].id, s.urban ? 'город' : 'село', s.type, field(s.address), thousands(students)].join(';'));
  }
  return encodeCp1251(lines.join('\r\n') + '\r\n');
}

const CHUNK = 5000;

/** One row per school × year × indicator; ids from SCHOOL_INDICATORS. */
export function* indicatorsLong(world: World): Generator<Chunk> {
  const rng = stream(world.opts.seed, 'indicators');
  const S = world.schools.length;
  const I = SCHOOL_INDICATORS.length;
  const dev = new Float64Array(S * I);
  for (let i = 0; i < dev.length; i++) dev[i] = rng.normal();
  yield { data: encodeUtf8('Код ОО;Год;Код показателя;Значение\n'), rows: 0 };

  for (const year of world.years) {
    const t = year - world.opts.yearFrom;
    let lines: string[] = [];
    for (let i = 0; i < S; i++) {
      const s = world.schools[i];
      const m = world.munis[s.muni];
      const z = s.z;
      const d = (k: number) => dev[i * I + k];
      const e = (sd: number) => rng.norm(0, sd);
      const a = ability(s, year, world.opts);
      const rural = s.urban ? 0 : 1;
      const values: (string | null)[] = [
        dec(clamp(16 + 9 * z + 4 * d(0) + e(1.5), 0, 85)),
        dec(clamp(2.5 + 1.8 * z + d(1) + e(0.4), 0, 25)),
        dec(clamp(22 + 8 * z + 4 * d(2) + e(2), 2, 80)),
        dec(clamp(1.5 + 2.5 * Math.max(0, z) + 1.5 * Math.abs(d(3)) + e(0.4), 0, 40)),
        dec(s.distance),
        String(Math.max(1, Math.round(studentsIn(s, year, world.opts) * Math.exp(e(0.02))))),
        dec(clamp(62 - 8 * z + 8 * d(6) + e(3), 10, 100)),
        dec(clamp(22 + 6 * z + 8 * rural + 6 * d(7) + e(3), 0, 80)),
        dec(clamp(14 - 4 * z + 4 * (1 - rural) + 5 * d(8) + e(3), 0, 70)),
        dec(clamp(6 + 5 * z + 8 * rural + 4 * d(9) + e(2), 0, 60)),
        dec(clamp(45 - 5 * z + 10 * d(10) + 2 * t + e(4), 5, 100)),
        dec(clamp((s.urban ? 4 : 1) - z + 1.5 * d(11) + e(0.6), 0, 30)),
        dec(clamp(6 + 3 * d(12) + e(2), 0, 40)),
        String(m.monotown),
        String(s.pension),
        dec(clamp(m.unemployment + e(0.05), 0.2, 5), 2),
        // Not applicable to a primary school: no row at all.
        s.top < 9 ? null : dec(clamp(75 - 7 * z + 4 * a + 6 * d(16) + e(4), 15, 100)),
        dec(clamp(Math.exp(1.8 - 0.8 * z + 0.8 * s.u + 0.4 * d(17) + e(0.2)), 0, 60)),
        dec(clamp(72 - 6 * z + 8 * s.u + 6 * d(18) + e(4), 20, 99)),
      ];
      for (let k = 0; k < I; k++) {
        const v = values[k];
        if (v === null) continue;
        // About one value in a hundred was not reported.
        lines.push(`${s.id};${year};${SCHOOL_INDICATORS[k].id};${rng.u() < 0.01 ? 'н/д' : v}`);
      }
      if (lines.length >= CHUNK * 10) {
        yield { data: encodeUtf8(lines.join('\n') + '\n'), rows: lines.length };
        lines = [];
      }
    }
    if (lines.length) yield { data: encodeUtf8(lines.join('\n') + '\n'), rows: lines.length };
  }
}

interface Programme {
  id: string;
  name: string;
  /** Region baseline (null: «-» as in seed 003) and targets for 2020, 2021, 2022, then yearly step. */
  baseline: number | null;
  targets: number[];
  step: number;
  /** Input indicators have published actual values; computed ones do not. */
  actual: boolean;
}

/** Seed 003's five indicators and seed 004's gap target, extended past 2022. */
export const PROGRAMME: Programme[] = [
  { id: 'equal_access_share', name: 'Доля школ с НРО и школ, функционирующих в НСУ, в которых обеспечены условия равного доступа к получению качественного общего образования', baseline: 50, targets: [80, 100, 100], step: 0, actual: true },
  { id: 'teachers_pd_share', name: 'Доля педагогических работников, прошедших переподготовку или повышение квалификации по вопросам повышения качества образования', baseline: 30, targets: [50, 75, 100], step: 0, actual: true },
  { id: 'gia_pass_share_flagged', name: 'Доля обучающихся школ с НРО и школ, функционирующих в НСУ, успешно прошедших ГИА', baseline: null, targets: [75, 90, 100], step: 0, actual: false },
  { id: 'improved_share_flagged', name: 'Доля школ с НРО и школ в НСУ, обучающиеся которых продемонстрировали более высокие результаты по итогам учебного года', baseline: null, targets: [25, 30, 35], step: 5, actual: false },
  { id: 'staffing_share_flagged', name: 'Укомплектованность школ с НРО и школ в НСУ квалифицированными педагогическими кадрами', baseline: 94, targets: [96, 98, 100], step: 0, actual: true },
  { id: 'gap_reduction_pct', name: 'Сокращение разрыва в результатах ГИА по обязательным предметам между 10 % лучших и 10 % худших школ за год', baseline: null, targets: [0.3, 0.3, 0.3], step: 0, actual: false },
];

/** Programme start: the baseline year of seed 003 (2019), kept inside the generated years. */
export const programmeStart = (world: World): number => clamp(2019, world.opts.yearFrom, world.opts.yearTo);

function targetFor(p: Programme, k: number): number {
  if (k < p.targets.length) return p.targets[k];
  return Math.min(100, p.targets[p.targets.length - 1] + p.step * (k - p.targets.length + 1));
}

/**
 * Long table: territory, indicator, year, kind, value. `region` is the scope id of the
 * regional programme; kind is `baseline`, `target` or `actual` (canonical codes, since
 * the manifest format has no value recoding).
 */
export function targetsCsv(world: World): Uint8Array {
  const rng = stream(world.opts.seed, 'targets');
  const start = programmeStart(world);
  const lines = ['Код территории;Территория;Код показателя;Целевой индикатор;Ед. изм.;Направление;Год;Вид значения;Значение'];
  const scopes = [{ id: 'region', name: world.regionName }, ...world.munis.map((m) => ({ id: m.id, name: m.name }))];
  // Actual paths of the input indicators per municipality; the region is their mean.
  const actuals = new Map<string, number[]>();
  for (const p of PROGRAMME.filter((q) => q.actual)) {
    const sums = world.years.map(() => 0);
    for (const m of world.munis) {
      const path: number[] = [];
      let x = clamp(p.baseline! + rng.norm(0, p.baseline! > 90 ? 2 : 10), 0, 100);
      const speed = p.baseline! > 90 ? rng.norm(0.8, 0.4) : rng.norm(12, 4);
      for (const y of world.years) {
        if (y > start) x = clamp(x + speed + rng.norm(0, p.baseline! > 90 ? 0.6 : 3), 0, 100);
        path.push(Math.round(x * 10) / 10);
      }
      actuals.set(`${m.id}|${p.id}`, path);
      path.forEach((v, i) => (sums[i] += v));
    }
    actuals.set(`region|${p.id}`, sums.map((v) => Math.round((v / world.munis.length) * 10) / 10));
  }
  for (const sc of scopes) {
    for (const p of PROGRAMME) {
      const pre = [sc.id, field(sc.name), p.id, field(p.name), '%', 'higher'].join(';');
      const path = actuals.get(`${sc.id}|${p.id}`);
      const base = p.baseline === null ? null : path ? path[world.years.indexOf(start)] : p.baseline;
      lines.push(`${pre};${start};baseline;${base === null ? '-' : dec(base)}`);
      for (let y = start + 1; y <= world.opts.yearTo; y++) lines.push(`${pre};${y};target;${dec(targetFor(p, y - start - 1))}`);
      if (path) world.years.forEach((y, i) => y >= start && lines.push(`${pre};${y};actual;${dec(path[i])}`));
    }
  }
  return encodeUtf8(lines.join('\n') + '\n');
}

export function partnershipsCsv(world: World): Uint8Array {
  const lines = ['Код ОО-партнёра (с высокими результатами);ОО-партнёр;Код поддерживаемой ОО;Поддерживаемая ОО;Год начала;Год окончания'];
  for (const p of world.partnerships) {
    const a = world.schools[p.strong];
    const b = world.schools[p.supported];
    lines.push([a.id, field(a.name), b.id, field(b.name), String(p.start), p.end === null ? '' : String(p.end)].join(';'));
  }
  return encodeUtf8(lines.join('\n') + '\n');
}
