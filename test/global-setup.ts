/**
 * Builds the sites the build, disclosure and browser tests read, once per `npm test`:
 * the demo region, a small fixture full of tiny schools and hostile names, and (where
 * ../shared is present) the Moscow and NYC open-data sites.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from '../src/lib/build/pipeline.ts';
import { sharedDir } from './helpers/shared.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    sites: Record<string, string>;
  }
}

export default async function setup(project: TestProject) {
  const root = mkdtempSync(join(tmpdir(), 'sites-'));
  const sites: Record<string, string> = {};
  const targets: Record<string, string> = { demo: 'data/demo', small: 'test/fixtures/site-small' };
  const shared = sharedDir();
  if (shared) {
    process.env.SHARED_DIR = shared;
    targets.moscow = 'data/real/moscow-ege-2016';
    targets.nyc = 'data/real/nyc-doe';
  }
  for (const [name, data] of Object.entries(targets)) {
    const out = join(root, name);
    await buildSite({ dataDir: resolve(data), outDir: out });
    sites[name] = out;
  }
  project.provide('sites', sites);
}
