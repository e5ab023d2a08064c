import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Generous: a demo model built in process takes minutes on a machine with both cores busy.
    testTimeout: 300_000,
    hookTimeout: 600_000,
    env: { TZ: 'UTC', LANG: 'C.UTF-8' },
    pool: 'forks',
    globalSetup: ['test/global-setup.ts'],
  },
});
