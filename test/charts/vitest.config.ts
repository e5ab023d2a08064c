// Chart tests alone, without the global setup that builds whole sites:
// `npx vitest run --config test/charts/vitest.config.ts`. `npm test` runs them too.
// UPDATE_SNAPSHOTS=1 writes a missing snapshot under test/charts/snapshots/.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/charts/**/*.test.ts'],
    env: { TZ: 'UTC', LANG: 'C.UTF-8' },
    pool: 'forks',
  },
});
