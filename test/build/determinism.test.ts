/**
 * Same input, same bytes: a second build of a dataset, made in another process, into
 * another folder, in another time zone and locale, gives a dist/ whose every file has
 * the same sha256 as the first (the global setup's build). Nothing random or time-based
 * (build dates, hashes of temp paths, Pagefind's file order) may reach the site.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCli } from '../helpers/build-cli.ts';
import { siteEnv } from '../helpers/site-env.ts';
import { site } from '../helpers/site-files.ts';
import { fingerprint, withBuildLock } from '../security/build-helpers.ts';

describe.each([
  ['small', 'test/fixtures/site-small'],
  ['demo', 'data/demo'],
])('deterministic build: %s', (name, data) => {
  it('builds byte-identical files twice', async () => {
    const root = mkdtempSync(join(tmpdir(), `again-${name}-`));
    const out = join(root, 'elsewhere');
    try {
      const r = await withBuildLock(() => buildCli(data, out, { ...siteEnv(name), TZ: 'Pacific/Chatham', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' }));
      expect(r.code, r.stderr).toBe(0);
      const first = fingerprint(site(name));
      const second = fingerprint(out);
      expect(Object.keys(first).length).toBeGreaterThan(50);
      const differing = Object.keys({ ...first, ...second }).filter((f) => first[f] !== second[f]);
      expect(differing).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
