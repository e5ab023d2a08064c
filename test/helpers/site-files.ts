/** Reading a built site the way a visitor (or a scraper) would. */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';

export function site(name: string): string {
  const dir = inject('sites')[name];
  if (!dir) throw new Error(`site ${name} was not built`);
  return dir;
}

export function hasSite(name: string): boolean {
  return Boolean(inject('sites')[name]);
}

/**
 * Whether a test of this site runs: when the site was built, or always under
 * REQUIRE_SHARED_DATA=1 (then a missing real-data site fails the test instead of skipping it).
 */
export function shouldCheck(name: string): boolean {
  return hasSite(name) || process.env.REQUIRE_SHARED_DATA === '1';
}

export function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

export function read(file: string): string {
  return readFileSync(file, 'utf8');
}

export { sharedDir } from './shared.ts';
