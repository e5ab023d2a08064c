/**
 * Atomic publishing: the site is built into a staging folder beside the target and
 * swapped into place only after every check passed. A failed build removes its
 * staging folder and leaves the previously published site exactly as it was. A build
 * killed outright (power cut, SIGKILL, out of memory) cannot clean up after itself: the
 * next build calls `sweepStale`, which removes what dead builds left beside the target and
 * puts the old site back if one died between the two renames of `commit`.
 */
import { existsSync, rmSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
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

/**
 * This process's own staging folders, removed synchronously: what a build stopped by
 * SIGINT or SIGTERM does before it exits (a SIGKILL leaves them to the next sweepStale).
 */
export function removeOwnStaging(target: string, tag = String(process.pid)): void {
  const abs = resolve(target);
  const dir = join(dirname(abs), `.${basename(abs)}.staging-${tag}`);
  rmSync(dir, { recursive: true, force: true });
  rmSync(`${dir}.model`, { recursive: true, force: true });
}

/** True while a process with this id runs (a tag that is not a pid counts as dead). */
function alive(tag: string): boolean {
  if (!/^\d+$/.test(tag)) return false;
  try {
    process.kill(Number(tag), 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the staging folders (`.<name>.staging-<pid>` and its `.model` twin) and old
 * copies (`.<name>.old-<pid>`) of builds that are no longer running, restoring an old copy
 * first when the target itself is missing. Folders of running builds are left alone.
 */
export async function sweepStale(target: string): Promise<string[]> {
  const abs = resolve(target);
  const parent = dirname(abs);
  const name = basename(abs);
  if (!existsSync(parent)) return [];
  const pattern = new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(staging|old)-([^.]+)(\\.model)?$`);
  const removed: string[] = [];
  for (const entry of (await readdir(parent)).sort()) {
    const m = pattern.exec(entry);
    if (!m || alive(m[2])) continue;
    const path = join(parent, entry);
    if (m[1] === 'old' && !m[3] && !existsSync(abs)) {
      await rename(path, abs);
      continue;
    }
    await rm(path, { recursive: true, force: true });
    removed.push(path);
  }
  return removed;
}
