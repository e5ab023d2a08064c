// Runs the metrics unit tests alone, without the global setup that builds whole sites:
// `npx vitest run --config test/metrics/vitest.config.ts`. `npx vitest run test/metrics`
// runs them too, after the site builds of test/global-setup.ts.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/metrics/**/*.test.ts'],
    env: { TZ: 'UTC', LANG: 'C.UTF-8' },
    pool: 'forks',
  },
});
