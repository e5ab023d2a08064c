import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder (Astro's root; the caches live under its node_modules). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
