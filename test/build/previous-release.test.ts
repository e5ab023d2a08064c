/**
 * «Что изменилось» through the build itself (`npm run build -- --previous DIR`), where the
 * downloads stream to disk as they are made and the comparison keeps the current release's
 * files as written. A previous release made from the small site's own data/ with one
 * published mean raised by one point must come back as exactly that revision, and nothing else.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript } from '../helpers/build-cli.ts';
import { site } from '../helpers/site-files.ts';

const FIXTURE = resolve('test/fixtures/site-small');

describe('a build against a previous release', () => {
  it('lists the one revised mean in data/changes.csv', async () => {
    const root = mkdtempSync(join(tmpdir(), 'previous-'));
    const previous = join(root, 'previous');
    cpSync(join(site('small'), 'data'), previous, { recursive: true });
    const file = join(previous, 'results.csv');
    const lines = readFileSync(file, 'utf8').split('\r\n');
    const head = lines[0].replace(/^\ufeff/, '').split(',');
    const col = (name: string) => head.indexOf(name);
    // A row without quoted cells, with a published mean.
    const i = lines.findIndex((l, k) => k > 0 && !l.includes('"') && l.split(',')[col('mean_state')] === 'value');
    expect(i).toBeGreaterThan(0);
    const cells = lines[i].split(',');
    const after = cells[col('mean')];
    const before = String((Math.round(Number(after) * 100) + 100) / 100);
    cells[col('mean')] = before;
    lines[i] = cells.join(',');
    writeFileSync(file, lines.join('\r\n'));

    const r = await runScript('build.ts', ['--data', FIXTURE, '--out', join(root, 'site'), '--previous', previous]);
    expect(r.code, r.stderr).toBe(0);
    const changes = readFileSync(join(root, 'site', 'data', 'changes.csv'), 'utf8').replace(/^\ufeff/, '').trim().split('\r\n');
    const [school, year, exam, subject, grade] = ['school_id', 'year', 'exam', 'subject', 'grade'].map((c) => cells[col(c)]);
    expect(changes).toHaveLength(2);
    expect(changes[1].startsWith(`${school},${year},${exam},${subject},${grade},mean,${before},${after}`), changes[1]).toBe(true);
  });
});
