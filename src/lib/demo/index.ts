/**
 * Demo dataset generator: a fictional region published the way real departments
 * publish (see data/demo/README.md). Pure: no file system, no clock.
 *
 * `planDemo` returns the files as lazy chunk streams, so the national-scale run
 * (40 000 schools × 10 years) never holds a whole results file in memory;
 * `generateDemo` collects them into bytes for tests and small runs.
 */
import { indicatorsLong, municipalitiesCsv, partnershipsCsv, schoolsCsv, targetsCsv } from './context.ts';
import { encodeUtf8 } from './encode.ts';
import { datasetYml, readme } from './manifest.ts';
import { egeWide, gradedLong, type Chunk } from './results.ts';
import { buildWorld, resolveOptions, type DemoOptions, type World } from './world.ts';

export { DEFAULT_OPTIONS, resolveOptions, type DemoOptions } from './world.ts';
export type { Chunk } from './results.ts';

export interface DemoFile {
  path: string;
  chunks(): Iterable<Chunk>;
}

export interface DemoPlan {
  world: World;
  /** Data files in dependency order, then dataset.yml and README.md (which need the row counts). */
  files: DemoFile[];
}

const whole = (data: Uint8Array, rows: number): Chunk[] => [{ data, rows }];
/** Data rows of a small single-header file: lines minus the header. */
const lineRows = (data: Uint8Array) => data.reduce((n, b) => n + (b === 10 ? 1 : 0), 0) - 1;

export function planDemo(options: Partial<DemoOptions> = {}): DemoPlan {
  const world = buildWorld(resolveOptions(options));
  const counts: Record<string, number> = {};
  const counted = (path: string, make: () => Iterable<Chunk>): DemoFile => ({
    path,
    *chunks() {
      let rows = 0;
      for (const c of make()) {
        rows += c.rows;
        yield c;
      }
      counts[path] = rows;
    },
  });
  const small = (path: string, make: () => Uint8Array): DemoFile =>
    counted(path, () => {
      const data = make();
      return whole(data, lineRows(data));
    });
  const files: DemoFile[] = [
    small('municipalities.csv', () => municipalitiesCsv(world)),
    small('schools.csv', () => schoolsCsv(world)),
    counted('ege.csv', () => egeWide(world)),
    counted('oge.csv', () => gradedLong(world, 'ОГЭ')),
    counted('vpr.csv', () => gradedLong(world, 'ВПР')),
    counted('indicators.csv', () => indicatorsLong(world)),
    small('targets.csv', () => targetsCsv(world)),
    small('partnerships.csv', () => partnershipsCsv(world)),
    { path: 'dataset.yml', chunks: () => whole(encodeUtf8(datasetYml(world)), 0) },
    // README lists row counts, so it must come after every data file has been streamed.
    { path: 'README.md', chunks: () => whole(encodeUtf8(readme(world, counts)), 0) },
  ];
  return { world, files };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Every file of the demo in memory: relative path → bytes. */
export function generateDemo(options: Partial<DemoOptions> = {}): { files: Record<string, Uint8Array> } {
  const files: Record<string, Uint8Array> = {};
  for (const f of planDemo(options).files) files[f.path] = concat([...f.chunks()].map((c) => c.data));
  return { files };
}
