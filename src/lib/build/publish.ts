/**
 * Atomic publishing: the site is built into a staging folder beside the target and
 * swapped into place only after every check passed. A failed build removes its
 * staging folder and leaves the previously published site exactly as it was.
 */
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

export interface Staging {
  dir: string;
  /** Move the staged site into `target`; the old site is removed only after the move. */
  commit(): Promise<void>;
  /** Throw the staged files away. */
  discard(): Promise<void>;
}

export async function stage(target: string, tag = String(process.pid)): Promise<Staging> {
  const abs = resolve(target);
  const parent = dirname(abs);
  await mkdir(parent, { recursive: true });
  const dir = join(parent, `.${basename(abs)}.staging-${tag}`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  return {
    dir,
    async commit() {
      const old = join(parent, `.${basename(abs)}.old-${tag}`);
      await rm(old, { recursive: true, force: true });
      if (existsSync(abs)) await rename(abs, old);
      try {
        await rename(dir, abs);
      } catch (err) {
        if (existsSync(old)) await rename(old, abs);
        throw err;
      }
      await rm(old, { recursive: true, force: true });
    },
    async discard() {
      await rm(dir, { recursive: true, force: true });
    },
  };
}
