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

export function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

export function read(file: string): string {
  return readFileSync(file, 'utf8');
}

export { sharedDir } from './shared.ts';
