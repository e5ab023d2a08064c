// Runs the ingest tests alone, without the global setup that builds whole sites:
// `npx vitest run --config test/ingest/vitest.config.ts`. Real datasets need SHARED_DIR.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/ingest/**/*.test.ts'],
    testTimeout: 120_000,
    env: { TZ: 'UTC', LANG: 'C.UTF-8' },
    pool: 'forks',
    maxWorkers: 1,
  },
});
