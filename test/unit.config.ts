// The tests that need no built site, without the global setup that builds whole sites:
// `npx vitest run --config test/unit.config.ts [filter]` (for example `test/ingest`).
// `npm test` runs them too. Real datasets need SHARED_DIR; UPDATE_SNAPSHOTS=1 writes a
// missing chart snapshot under test/charts/snapshots/.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/{metrics,publish,site,release,ingest,charts,threads}/**/*.test.ts'],
    testTimeout: 300_000,
    env: { TZ: 'UTC', LANG: 'C.UTF-8' },
    pool: 'forks',
  },
});
