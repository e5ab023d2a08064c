/**
 * A build stopped with SIGTERM (a CI timeout, Ctrl+C) removes its own staging folders and
 * leaves the published site as it was (issue: killed builds left `.<out>.staging-*`).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withBuildLock } from '../security/build-helpers.ts';

describe('a build stopped by a signal', () => {
  it('removes its staging folders and keeps the old site', async () => {
    const root = mkdtempSync(join(tmpdir(), 'signal-'));
    const out = join(root, 'site');
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'old site');
    const code = await withBuildLock(
      () =>
        new Promise<number | null>((done) => {
          const child = spawn(process.execPath, [resolve('scripts/build.ts'), '--data', resolve('data/demo'), '--out', out], { stdio: 'ignore' });
          // Stop it once its staging folder exists (mid-build).
          const timer = setInterval(() => {
            if (readdirSync(root).some((e) => e.startsWith('.site.staging-'))) {
              clearInterval(timer);
              child.kill('SIGTERM');
            }
          }, 20);
          child.on('exit', (c, signal) => {
            clearInterval(timer);
            done(c ?? (signal ? -1 : null));
          });
        }),
    );
    expect(code).toBe(143);
    expect(readdirSync(root).filter((e) => e.startsWith('.'))).toEqual([]);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('old site');
    expect(existsSync(join(out, 'school'))).toBe(false);
  });
});
