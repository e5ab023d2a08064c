/**
 * «Что изменилось» (issue: editions and what changed). An earlier release of the demo is
 * made by hand from the demo files: school 01003 is not in its list yet, school 01001's
 * 2019 ОГЭ Russian mean reads 4,20 instead of 4,38, and its edition is «Выпуск 2024 года».
 * Building the demo against that release must list exactly these changes, the school's own
 * revision on its page, and two releases in the feed.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/lib/ingest/index.ts';
import { metricsForSite } from '../../src/lib/metrics/index.ts';
import { buildSiteModel, type PreviousRelease } from '../../src/lib/site/model.ts';
import { fileText } from '../../src/lib/build/csv.ts';
import type { FileSink } from '../../src/lib/site/types.ts';

async function modelOf(dir: string, previous?: PreviousRelease) {
  const ds = await loadDataset(dir);
  return buildSiteModel(ds, (await metricsForSite(ds)), { previous });
}

function earlierDemo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'earlier-demo-'));
  cpSync(resolve('data/demo'), dir, { recursive: true });
  const oge = readFileSync(join(dir, 'oge.csv'), 'utf8');
  const line = '01001;2019;Русский язык;94;4,38;';
  expect(oge).toContain(line);
  writeFileSync(join(dir, 'oge.csv'), oge.replace(line, '01001;2019;Русский язык;94;4,20;'));
  // schools.csv is Windows-1251: drop 01003's line byte-wise (ASCII digits and «;» are the same bytes).
  const bytes = readFileSync(join(dir, 'schools.csv'));
  const lines = bytes.toString('latin1').split('\r\n');
  const kept = lines.filter((l) => !l.startsWith('01003;'));
  expect(kept.length).toBe(lines.length - 1);
  writeFileSync(join(dir, 'schools.csv'), Buffer.from(kept.join('\r\n'), 'latin1'));
  const yml = readFileSync(join(dir, 'dataset.yml'), 'utf8').replace(/edition:\n  name: .*\n  date: .*\n/, 'edition:\n  name: "Выпуск 2024 года"\n  date: 2024-09-01\n');
  writeFileSync(join(dir, 'dataset.yml'), yml);
  return dir;
}

describe('what changed since the previous release', () => {
  it('lists the added school, the revised value and two releases', async () => {
    const before = await modelOf(earlierDemo());
    const file = (m: Awaited<ReturnType<typeof modelOf>>, p: string) => {
      const c = m.files.find((f) => f.path === p)?.content;
      return c === undefined ? undefined : fileText(c);
    };
    const previous: PreviousRelease = {
      files: { schools: file(before, 'data/schools.csv'), results: file(before, 'data/results.csv'), gap: file(before, 'data/gap.csv'), flags: file(before, 'data/flags.csv') },
      releases: JSON.parse(file(before, 'data/releases.json')!),
    };
    const after = await modelOf(resolve('data/demo'), previous);
    const page = [...after.pages()].find((p) => p.path === 'changes')!;
    const stats = Object.fromEntries(page.sections[0].stats!.map((s) => [s.label, s.value]));
    expect(stats['Школ добавлено']).toBe('1');
    expect(stats['Школ исчезло']).toBe('0');
    const schools = page.sections.find((s) => s.id === 'schools')!.list!;
    expect(schools.map((i) => [i.note, i.href])).toEqual([['добавлена', '/school/01003/']]);
    // The revision: 4.2 → 4.38 (2 decimals in results.csv).
    const csv = file(after, 'data/changes.csv')!;
    expect(csv).toContain('01001,2019,ОГЭ,Русский язык,,mean,4.2,4.38');
    const mine = [...after.pages()].find((p) => p.path === 'school/01001')!.sections.find((s) => s.id === 'revisions')!;
    const row = mine.tables![0].rows.find((r) => r.measure.t === 'Средний балл' && r.what.t === '2019, ОГЭ, Русский язык')!;
    expect([row.before.t, row.after.t]).toEqual(['4,2', '4,38']);
    // The feed: this release first, then the earlier one.
    const feed = file(after, 'feed.xml')!;
    const titles = [...feed.matchAll(/<entry>\s*<id>[^<]*<\/id>\s*<title>([^<]*)<\/title>/g)].map((m) => m[1]);
    expect(titles).toEqual(['Демонстрационный выпуск 2025 года', 'Выпуск 2024 года']);
    expect(feed).toContain('Школ добавлено: 1, исчезло: 0');
  });

  it('finds the same changes when the files stream to a sink, as in a build, and keeps none', async () => {
    const before = await modelOf(earlierDemo());
    const text = (p: string) => fileText(before.files.find((f) => f.path === p)!.content);
    const previous: PreviousRelease = {
      files: { schools: text('data/schools.csv'), results: text('data/results.csv'), gap: text('data/gap.csv'), flags: text('data/flags.csv') },
      releases: JSON.parse(text('data/releases.json')),
    };
    const written = new Map<string, string>();
    const files: FileSink = {
      write(path, parts) {
        expect(written.has(path), `${path} written twice`).toBe(false);
        written.set(path, [...parts].join(''));
      },
    };
    const ds = await loadDataset(resolve('data/demo'));
    const after = buildSiteModel(ds, await metricsForSite(ds), { previous, files });
    expect(after.files).toEqual([]);
    expect(written.get('data/changes.csv')).toContain('01001,2019,ОГЭ,Русский язык,,mean,4.2,4.38');
    // Every download, the data package among them, arrived before the first page is made.
    expect([...written.keys()].sort()).toEqual(['data/changes.csv', 'data/compare.json', 'data/context.csv', 'data/datapackage.json', 'data/flags.csv', 'data/gap.csv', 'data/indicators.csv', 'data/pooled.csv', 'data/releases.json', 'data/results.csv', 'data/schools.csv', 'feed.xml']);
    const pkg = JSON.parse(written.get('data/datapackage.json')!) as { resources: { path: string }[] };
    expect(pkg.resources.map((r) => r.path)).toContain('changes.csv');
  });

  it('without a previous release the page says so and the feed has one entry', async () => {
    const m = await modelOf(resolve('test/fixtures/site-small'));
    const page = [...m.pages()].find((p) => p.path === 'changes')!;
    expect(page.sections[0].heading).toBe('Сравнение не проводилось');
    const feed = fileText(m.files.find((f) => f.path === 'feed.xml')!.content);
    expect([...feed.matchAll(/<entry>/g)]).toHaveLength(1);
    expect(feed).toContain('<link href="https://shkoly.test/changes/"/>');
  });
});
