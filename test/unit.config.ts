// Unit tests without the global setup that builds whole sites:
// `npx vitest run --config test/unit.config.ts [filter]`. `npm test` runs them too.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/{metrics,publish,site,release}/**/*.test.ts'],
    testTimeout: 300_000,
    env: { TZ: 'UTC', LANG: 'C.UTF-8' },
    pool: 'forks',
  },
});
