/**
 * The chart cache shared by builds that run at once (a checkout and its worktrees share
 * node_modules): a build of another code version does not delete this one's folder, and a
 * cache folder that vanishes mid-build costs the reuse, never the build.
 */
import { existsSync, mkdtempSync, rmSync, utimesSync, mkdirSync, readdirSync, readFileSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diskChartStore, PackWriter } from '../../src/lib/build/chart-store.ts';
import { startChartPool } from '../../src/lib/build/chart-pool.ts';
import { renderChart } from '../../src/lib/charts/kinds.ts';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const KEY = 'ab' + '0'.repeat(62);

describe('chart cache on disk', () => {
  it('two code versions keep their own folders; a day-old other version goes', () => {
    const root = mkdtempSync(join(tmpdir(), 'charts-'));
    const a = diskChartStore(root, A);
    a.set(KEY, '<svg>a</svg>');
    const b = diskChartStore(root, B);
    b.set(KEY, '<svg>b</svg>');
    // Each build reads its own version's SVG, from disk (fresh SVGs are taken once).
    expect(a.get(KEY)).toBe('<svg>a</svg>');
    expect(diskChartStore(root, A).get(KEY)).toBe('<svg>a</svg>');
    expect(diskChartStore(root, B).get(KEY)).toBe('<svg>b</svg>');
    // A version untouched for more than a day is removed by the next build of another one.
    const old = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    utimesSync(join(root, `${A.slice(0, 16)}-packs`), old, old);
    diskChartStore(root, B);
    expect(existsSync(join(root, `${A.slice(0, 16)}-packs`))).toBe(false);
    expect(existsSync(join(root, `${B.slice(0, 16)}-packs`))).toBe(true);
  });

  it('an SVG just drawn is still there for its page when the folder vanished', () => {
    const root = mkdtempSync(join(tmpdir(), 'charts-'));
    const store = diskChartStore(root, A);
    rmSync(root, { recursive: true, force: true });
    store.set(KEY, '<svg>drawn</svg>');
    expect(store.get(KEY)).toBe('<svg>drawn</svg>');
    // Taken once; after that only the disk answers, and the disk has it again (the write recreated the folder).
    mkdirSync(root, { recursive: true });
    expect(store.get(KEY)).toBe('<svg>drawn</svg>');
  });

  it('charts drawn by the pool are written to disk by the drawing threads, and a later build reads them', async () => {
    const root = mkdtempSync(join(tmpdir(), 'charts-'));
    const store = diskChartStore(root, A);
    const pool = startChartPool(store, 2);
    // Forty charts (more than two batches), each a different ranking of three schools.
    const jobs = Array.from({ length: 40 }, (_, i) => ({
      key: i.toString(16).padStart(2, '0') + 'f'.repeat(62),
      inputs: [[{ name: 'Школа А', value: 50 + i }, { name: 'Школа Б', value: 60 }, { name: 'Школа В', value: 40 }], 'Балл', null] as [
        { name: string; value: number }[],
        string,
        null,
      ],
    }));
    try {
      for (const j of jobs) pool.request(j.key, 'dots', j.inputs, `Рейтинг ${j.key}`);
      await pool.settle();
    } finally {
      await pool.close();
    }
    const later = diskChartStore(root, A);
    for (const j of jobs) {
      const drawnHere = renderChart('dots', j.inputs, `Рейтинг ${j.key}`);
      // The waiting page gets it from memory; a second page showing the same chart, from
      // where the thread said it put it; the next build from the pack the thread wrote.
      expect(store.get(j.key)).toBe(drawnHere);
      expect(store.get(j.key)).toBe(drawnHere);
      expect(later.get(j.key)).toBe(drawnHere);
    }
    store.close?.();
    later.close?.();
    // Forty SVGs in at most one file per drawing thread, not forty files.
    const files = readdirSync(join(root, `${A.slice(0, 16)}-packs`));
    expect(files.length).toBeGreaterThanOrEqual(1);
    expect(files.length).toBeLessThanOrEqual(2);
    expect(files.every((f) => f.endsWith('.pack'))).toBe(true);
  });

  it('a pack cut short by a killed build keeps its whole records and drops the cut one', () => {
    const root = mkdtempSync(join(tmpdir(), 'charts-'));
    const dir = join(root, `${A.slice(0, 16)}-packs`);
    mkdirSync(dir, { recursive: true });
    const k1 = '1'.repeat(64);
    const k2 = '2'.repeat(64);
    const k3 = '3'.repeat(64);
    const writer = new PackWriter(dir);
    writer.append([{ key: k1, svg: '<svg>один</svg>' }, { key: k2, svg: '<svg>два</svg>' }]);
    writer.append([{ key: k3, svg: '<svg>три</svg>' }]);
    const [pack] = readdirSync(dir);
    // Each record: 64 + 1 + 10 + 1 header bytes, then the SVG in UTF-8 (Cyrillic letters two bytes each).
    const sizes = ['<svg>один</svg>', '<svg>два</svg>', '<svg>три</svg>'].map((s) => 76 + 11 + 2 * (s.length - 11));
    expect(statSync(join(dir, pack)).size).toBe(sizes[0] + sizes[1] + sizes[2]);
    // The build was killed three bytes before the end of the third record.
    truncateSync(join(dir, pack), sizes[0] + sizes[1] + sizes[2] - 3);
    const store = diskChartStore(root, A);
    expect(store.get(k1)).toBe('<svg>один</svg>');
    expect(store.get(k2)).toBe('<svg>два</svg>');
    expect(store.get(k3)).toBeUndefined();
    store.close?.();
    expect(readFileSync(join(dir, pack), 'utf8').startsWith(`${k1} 0000000019\n<svg>один</svg>${k2} `)).toBe(true);
  });

  it('past its size limit, the oldest packs a day old or more go; a newer pack stays whatever the size', () => {
    const root = mkdtempSync(join(tmpdir(), 'charts-'));
    const dir = join(root, `${A.slice(0, 16)}-packs`);
    mkdirSync(dir, { recursive: true });
    const keys = ['1', '2', '3'].map((d) => d.repeat(64));
    // One record per pack: 76 header bytes + '<svg>N</svg>' (12 bytes) = 88 bytes each.
    const packs = keys.map((key, i) => {
      const before = new Set(readdirSync(dir));
      new PackWriter(dir).append([{ key, svg: `<svg>${i + 1}</svg>` }]);
      return join(dir, readdirSync(dir).find((f) => !before.has(f))!);
    });
    for (const p of packs) expect(statSync(p).size).toBe(88);
    // Packs 1 and 2 were last written three and two days ago; pack 3 just now.
    utimesSync(packs[0], new Date(Date.now() - 3 * 86400e3), new Date(Date.now() - 3 * 86400e3));
    utimesSync(packs[1], new Date(Date.now() - 2 * 86400e3), new Date(Date.now() - 2 * 86400e3));
    // 264 bytes against a limit of 176: the oldest pack alone goes.
    const store = diskChartStore(root, A, { maxBytes: 176 });
    expect(packs.map((p) => existsSync(p))).toEqual([false, true, true]);
    expect(keys.map((k) => store.get(k))).toEqual([undefined, '<svg>2</svg>', '<svg>3</svg>']);
    store.close?.();
    // With no room at all, every pack a day old goes, and the fresh one stays.
    diskChartStore(root, A, { maxBytes: 0 }).close?.();
    expect(packs.map((p) => existsSync(p))).toEqual([false, false, true]);
  });
});
