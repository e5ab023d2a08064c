/**
 * How the site model reaches Astro and the site: pages through one pack with an index
 * (site/page-pack.ts), downloads moved into the built site (build/folder.ts moveInto).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageWriter, readPageJson } from '../../src/lib/site/page-pack.ts';
import { moveInto } from '../../src/lib/build/folder.ts';

describe('page pack', () => {
  it('gives each page back as written, Cyrillic included, and nothing for a page it lacks', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pages-'));
    const w = pageWriter(dir);
    const pages = { index: '{"title":"Регион"}', 'school/001001': '{"title":"Гимназия № 1","n":[1,2]}', 'municipality/001': '{}' };
    for (const [name, json] of Object.entries(pages)) w.add(name, json);
    w.close();
    // Two files, whatever the number of pages.
    expect(readdirSync(dir).sort()).toEqual(['pages-index.json', 'pages.jsonl']);
    for (const [name, json] of Object.entries(pages)) expect(readPageJson(dir, name)).toBe(json);
    expect(readPageJson(dir, 'school/999999')).toBeUndefined();
    // One page per line: 24 + 44 + 2 bytes of UTF-8 (a Cyrillic letter is two bytes, «№» three) and three newlines.
    expect(statSync(join(dir, 'pages.jsonl')).size).toBe(73);
    // A later build in the same process writes another model to the same folder: its pages are read, not the first one's.
    const again = pageWriter(dir);
    again.add('index', '{"title":"Другой регион"}');
    again.close();
    expect(readPageJson(dir, 'index')).toBe('{"title":"Другой регион"}');
    expect(readPageJson(dir, 'school/001001')).toBeUndefined();
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
