import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stage } from '../../src/lib/build/publish.ts';

describe('atomic publishing', () => {
  it('replaces the old site only on commit', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pub-'));
    const target = join(root, 'dist');
    mkdirSync(target);
    writeFileSync(join(target, 'index.html'), 'old');
    const s = await stage(target, 't1');
    writeFileSync(join(s.dir, 'index.html'), 'new');
    expect(readFileSync(join(target, 'index.html'), 'utf8')).toBe('old');
    await s.commit();
    expect(readFileSync(join(target, 'index.html'), 'utf8')).toBe('new');
    expect(readdirSync(root)).toEqual(['dist']);
  });
  it('leaves the old site untouched on discard', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pub-'));
    const target = join(root, 'dist');
    mkdirSync(target);
    writeFileSync(join(target, 'index.html'), 'old');
    const s = await stage(target, 't2');
    writeFileSync(join(s.dir, 'index.html'), 'half-built');
    await s.discard();
    expect(readFileSync(join(target, 'index.html'), 'utf8')).toBe('old');
    expect(readdirSync(root)).toEqual(['dist']);
  });
});
