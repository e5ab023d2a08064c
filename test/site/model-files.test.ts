/**
 * How the site model reaches Astro and the site: pages through one pack with an index
 * (site/page-pack.ts), downloads moved into the built site (build/folder.ts moveInto).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { PageSignal, pageWriter, readPage } from '../../src/lib/site/page-pack.ts';
import { moveInto } from '../../src/lib/build/folder.ts';

describe('page pack', () => {
  it('gives each page back as written, Cyrillic included, and nothing for a page it lacks', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pages-'));
    const w = pageWriter(dir);
    const pages = { index: { title: 'Регион' }, 'school/001001': { title: 'Гимназия № 1', n: [1, 2.5, null], svg: '<svg aria-label="Средний балл">…</svg>' }, 'municipality/001': {} };
    for (const [name, page] of Object.entries(pages)) w.add(name, page);
    w.close();
    // Two files, whatever the number of pages.
    expect(readdirSync(dir).sort()).toEqual(['pages-index.tsv', 'pages.bin']);
    for (const [name, page] of Object.entries(pages)) expect(readPage(dir, name)).toStrictEqual(page);
    expect(readPage(dir, 'school/999999')).toBeUndefined();
    // A later build in the same process writes another model to the same folder: its pages are read, not the first one's.
    const again = pageWriter(dir);
    again.add('index', { title: 'Другой регион' });
    again.close();
    expect(readPage(dir, 'index')).toStrictEqual({ title: 'Другой регион' });
    expect(readPage(dir, 'school/001001')).toBeUndefined();
  });
});

/** Starts a reader thread on the pack; returns what it sends, and a promise of each answer. */
function readerThread(dir: string, signal: PageSignal, names: string[]) {
  const asked: string[] = [];
  const answers: Array<{ name: string; page?: unknown; error?: string }> = [];
  const thread = new Worker(new URL('./fixtures/page-reader-thread.ts', import.meta.url), { workerData: { dir, buffer: signal.buffer, names } });
  const waiters: Array<() => void> = [];
  thread.on('message', (m: { asking?: string; name?: string }) => {
    if (m.asking) asked.push(m.asking);
    else answers.push(m as (typeof answers)[number]);
    for (const w of waiters.splice(0)) w();
  });
  const until = (test: () => boolean) =>
    new Promise<void>((resolve) => {
      const check = () => (test() ? resolve() : waiters.push(check));
      check();
    });
  return { asked, answers, until, done: new Promise((r) => thread.on('exit', r)) };
}

describe('page pack read while it is written (Astro renders beside the model)', () => {
  it('waits for a page not written yet, and answers «no such page» only once the pack is complete', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pages-'));
    const signal = new PageSignal();
    const w = pageWriter(dir, signal);
    w.add('index', { title: 'Регион' });
    const reader = readerThread(dir, signal, ['index', 'school/001001', 'school/999999']);
    // The thread is asking for the school page before it exists; it must not answer yet.
    await reader.until(() => reader.asked.includes('school/001001'));
    await new Promise((r) => setTimeout(r, 50));
    expect(reader.answers).toEqual([{ name: 'index', page: { title: 'Регион' } }]);
    w.add('school/001001', { title: 'Школа № 1' });
    await reader.until(() => reader.asked.includes('school/999999'));
    await new Promise((r) => setTimeout(r, 50));
    // A page the model has not written may still come: no answer while the pack is open.
    expect(reader.answers).toHaveLength(2);
    expect(reader.answers[1]).toEqual({ name: 'school/001001', page: { title: 'Школа № 1' } });
    w.close();
    await reader.done;
    expect(reader.answers[2]).toEqual({ name: 'school/999999', page: null });
  });

  it('waits when asked before the model has begun its pack', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pages-'));
    const signal = new PageSignal();
    const reader = readerThread(dir, signal, ['index']);
    await reader.until(() => reader.asked.length === 1);
    await new Promise((r) => setTimeout(r, 50));
    expect(reader.answers).toEqual([]);
    const w = pageWriter(dir, signal);
    w.add('index', { title: 'Регион' });
    w.close();
    await reader.done;
    expect(reader.answers).toEqual([{ name: 'index', page: { title: 'Регион' } }]);
  });

  it('stops a waiting reader with an error when the model fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pages-'));
    const signal = new PageSignal();
    const w = pageWriter(dir, signal);
    const reader = readerThread(dir, signal, ['school/001001']);
    await reader.until(() => reader.asked.length === 1);
    signal.fail();
    // Closing the writer after a failure does not make the pack complete.
    w.close();
    await reader.done;
    expect(reader.answers).toHaveLength(1);
    expect(reader.answers[0].error).toMatch(/not finished/);
  });
});

describe('moveInto', () => {
  it('merges folders present in both, replaces a file present in both, moves the rest whole', () => {
    const root = mkdtempSync(join(tmpdir(), 'move-'));
    const from = join(root, 'model/files');
    const to = join(root, 'site');
    // Astro has written the page; the model has the page's CSV beside it and a folder of its own.
    mkdirSync(join(to, 'school/001001'), { recursive: true });
    writeFileSync(join(to, 'school/001001/index.html'), '<html>');
    writeFileSync(join(to, 'robots.txt'), 'old');
    mkdirSync(join(from, 'school/001001'), { recursive: true });
    mkdirSync(join(from, 'page-data/schools'), { recursive: true });
    writeFileSync(join(from, 'school/001001/school.csv'), 'a,b');
    writeFileSync(join(from, 'page-data/schools/001.csv'), 'c,d');
    writeFileSync(join(from, 'robots.txt'), 'new');
    moveInto(from, to);
    expect(readFileSync(join(to, 'school/001001/index.html'), 'utf8')).toBe('<html>');
    expect(readFileSync(join(to, 'school/001001/school.csv'), 'utf8')).toBe('a,b');
    expect(readFileSync(join(to, 'page-data/schools/001.csv'), 'utf8')).toBe('c,d');
    expect(readFileSync(join(to, 'robots.txt'), 'utf8')).toBe('new');
    // Moved, not copied: nothing is left behind but the emptied folders that were merged.
    expect(existsSync(join(from, 'page-data'))).toBe(false);
    expect(existsSync(join(from, 'robots.txt'))).toBe(false);
    expect(readdirSync(join(from, 'school/001001'))).toEqual([]);
  });
});

describe('site info', () => {
  it('is read again when a later build in the same process writes another model to the same folder', async () => {
    const { siteInfo } = await import('../../src/lib/site/store.ts');
    const dir = mkdtempSync(join(tmpdir(), 'model-'));
    const before = process.env.SITE_MODEL_DIR;
    process.env.SITE_MODEL_DIR = dir;
    try {
      writeFileSync(join(dir, 'site.json'), JSON.stringify({ title: 'Первый регион', settings: { locale: 'ru' } }));
      expect((siteInfo() as unknown as { title: string }).title).toBe('Первый регион');
      rmSync(join(dir, 'site.json'));
      writeFileSync(join(dir, 'site.json'), JSON.stringify({ title: 'Второй регион, другой', settings: { locale: 'ru' } }));
      expect((siteInfo() as unknown as { title: string }).title).toBe('Второй регион, другой');
    } finally {
      if (before === undefined) delete process.env.SITE_MODEL_DIR;
      else process.env.SITE_MODEL_DIR = before;
    }
  });
});
