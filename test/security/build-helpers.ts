/**
 * Helpers for the tests that build a site themselves.
 *
 * Tests that build a site themselves (determinism, atomic publishing) run in parallel
 * test files, but two Astro builds must not run at once: they share the project's .astro/
 * folder. This lock (a directory, created atomically) makes them take turns.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { walk } from '../helpers/site-files.ts';

/** sha256 of every file of a folder, by relative path. */
export function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of walk(dir).sort()) out[f.slice(dir.length + 1)] = createHash('sha256').update(readFileSync(f)).digest('hex');
  return out;
}

const LOCK = join(tmpdir(), `school-site-build-${process.cwd().replace(/[^\w]/g, '_')}.lock`);

export async function withBuildLock<T>(fn: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock older than ten minutes belongs to a test run that died.
      const age = Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 600_000) rmSync(LOCK, { recursive: true, force: true });
      await sleep(200);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
