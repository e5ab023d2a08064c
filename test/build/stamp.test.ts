/**
 * A rebuild with nothing changed is skipped (issue 13): the same data, code and options as
 * the site already in the output folder give the same bytes, so the build says so and
 * leaves the folder as it is. A changed value, or a folder someone edited, builds again.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCli, runScript } from '../helpers/build-cli.ts';
import { fingerprint, withBuildLock } from '../security/build-helpers.ts';

describe('build stamp', () => {
  it('skips an unchanged rebuild, and rebuilds after a data change or an edited output', async () => {
    const root = mkdtempSync(join(tmpdir(), 'stamp-'));
    const data = join(root, 'data');
    const out = join(root, 'site');
    cpSync(resolve('test/fixtures/site-small'), data, { recursive: true });
    await withBuildLock(async () => {
      const first = await buildCli(data, out);
      expect(first.code, first.stderr).toBe(0);
      const built = fingerprint(out);
      const indexTime = statSync(join(out, 'index.html')).mtimeMs;

      const again = await buildCli(data, out);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).toContain('уже собран из этих данных этим кодом');
      expect(fingerprint(out)).toEqual(built);
      expect(statSync(join(out, 'index.html')).mtimeMs).toBe(indexTime);

      // One mean changed in the data: a real build, and the page shows the new number.
      const ege = join(data, 'ege.csv');
      const lines = readFileSync(ege, 'utf8').split('\n');
      const cells = lines[1].split(';');
      const before = cells.join(';');
      cells[4] = '64,7'; // the mean score, 54,7 in the fixture
      lines[1] = cells.join(';');
      expect(before).toContain(';54,7;');
      writeFileSync(ege, lines.join('\n'));
      const changed = await buildCli(data, out);
      expect(changed.code, changed.stderr).toBe(0);
      expect(changed.stdout).not.toContain('уже собран');
      expect(fingerprint(out)).not.toEqual(built);

      // A file removed from the output: the folder is no longer what was built, so it is built again.
      rmSync(join(out, 'robots.txt'));
      const repaired = await buildCli(data, out);
      expect(repaired.stdout).not.toContain('уже собран');
      expect(statSync(join(out, 'robots.txt')).isFile()).toBe(true);

      // --force builds even when nothing changed.
      const forced = await runScript('build.ts', ['--data', data, '--out', out, '--force']);
      expect(forced.code, forced.stderr).toBe(0);
      expect(forced.stdout).not.toContain('уже собран');
    });
  }, 300_000);
});
