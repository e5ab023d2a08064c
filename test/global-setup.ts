/**
 * Builds the sites the build, disclosure and browser tests read, once per `npm test`:
 * the demo region, a small fixture full of tiny schools and hostile names, and (where
 * ../shared is present) the Moscow and NYC open-data sites. Each build runs in its own
 * process (see helpers/build-cli.ts), one after another.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildCli } from './helpers/build-cli.ts';
import { writeSettingsFixture } from './helpers/settings-fixture.ts';
import { siteEnv } from './helpers/site-env.ts';
import { sharedDir } from './helpers/shared.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    sites: Record<string, string>;
  }
}

export default async function setup(project: TestProject) {
  const root = mkdtempSync(join(tmpdir(), 'sites-'));
  // Each site's own environment (its address, if any): helpers/site-env.ts.
  const targets: [string, string][] = [
    ['demo', 'data/demo'],
    ['small', 'test/fixtures/site-small'],
    // A small demo region with every threshold changed from its default (words test).
    ['settings', writeSettingsFixture(join(root, 'settings-data'))],
    // A region without a registry: schools from yearly result files, names that change.
    ['yearly', 'test/fixtures/yearly-names'],
  ];
  const shared = sharedDir();
  const env: NodeJS.ProcessEnv = {};
  if (shared) {
    env.SHARED_DIR = shared;
    targets.push(['moscow', 'data/real/moscow-ege-2016'], ['nyc', 'data/real/nyc-doe']);
  }
  const sites: Record<string, string> = {};
  // TEST_SITES=demo,small builds only those (for running one test file while working).
  const only = process.env.TEST_SITES?.split(',').filter(Boolean);
  const queue = targets.filter(([name]) => !only || only.includes(name));
  const worker = async () => {
    for (let t = queue.shift(); t; t = queue.shift()) {
      const [name, data] = t;
      const out = join(root, name);
      const r = await buildCli(data, out, { ...env, ...siteEnv(name) });
      if (r.code !== 0) throw new Error(`build of ${name} failed:\n${r.stdout}\n${r.stderr}`);
      sites[name] = out;
    }
  };
  // One at a time: concurrent Astro builds share the temporary .astro/ folder of the project.
  await worker();
  project.provide('sites', sites);
}
