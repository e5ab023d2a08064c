import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where ../shared is: $SHARED_DIR, or the folder beside the repository. */
export function sharedDir(): string | null {
  const candidates = [process.env.SHARED_DIR, resolve(process.cwd(), '../shared')].filter(Boolean) as string[];
  return candidates.find((d) => existsSync(join(d, 'datasets'))) ?? null;
}
