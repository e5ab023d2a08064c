/**
 * A build with the same data, code and options as the site already in the output folder
 * would write the same bytes (the build is deterministic: test/build/determinism), so it
 * is skipped. The stamp is a hash of every byte the loader read, of the code that turns
 * them into pages, and of the options and environment that change the output; it is kept
 * beside the chart cache with the output's file count, which is checked again before a
 * build is skipped (a folder someone emptied or edited is built anew).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from './root.ts';
import { folderSize } from './folder.ts';

const CODE = ['src', 'public', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json'];
const STAMPS = join(REPO_ROOT, 'node_modules', '.cache', 'school-builds');

function hashTree(h: ReturnType<typeof createHash>, path: string, name: string): void {
  if (!existsSync(path)) return;
  if (statSync(path).isDirectory()) {
    for (const e of readdirSync(path).sort()) hashTree(h, join(path, e), `${name}/${e}`);
    return;
  }
  h.update(name).update('\0').update(readFileSync(path)).update('\0');
}

let codeHash: string | null = null;
function codeVersion(): string {
  if (!codeHash) {
    const h = createHash('sha256');
    for (const f of CODE) hashTree(h, join(REPO_ROOT, f), f);
    codeHash = h.digest('hex');
  }
  return codeHash;
}

export function buildStamp(inputHash: string, opts: { buildDate?: string | null; skipSearch?: boolean }): string {
  return createHash('sha256')
    .update(inputHash)
    .update('\0')
    .update(codeVersion())
    .update('\0')
    .update(JSON.stringify({ date: opts.buildDate ?? null, search: !opts.skipSearch, site: process.env.SITE_URL ?? null, node: process.version }))
    .digest('hex');
}

interface Recorded {
  stamp: string;
  pages: number;
  files: number;
  bytes: number;
}

const recordFile = (outDir: string) => join(STAMPS, `${createHash('sha256').update(resolve(outDir)).digest('hex').slice(0, 32)}.json`);

/** The recorded build of outDir, if it was made from this stamp and is still all there. */
export async function unchangedBuild(outDir: string, stamp: string): Promise<{ pages: number; files: number; bytes: number; stages: never[] } | null> {
  const file = recordFile(outDir);
  if (!existsSync(file) || !existsSync(outDir)) return null;
  let rec: Recorded;
  try {
    rec = JSON.parse(readFileSync(file, 'utf8')) as Recorded;
  } catch {
    return null;
  }
  if (rec.stamp !== stamp) return null;
  const now = folderSize(outDir);
  if (now.files !== rec.files || now.bytes !== rec.bytes) return null;
  return { pages: rec.pages, files: rec.files, bytes: rec.bytes, stages: [] };
}

export function recordBuild(outDir: string, rec: Recorded): void {
  mkdirSync(STAMPS, { recursive: true });
  writeFileSync(recordFile(outDir), JSON.stringify(rec));
}
