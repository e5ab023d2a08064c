// Site options only; no data logic here (the site model is computed by scripts/build.ts).
import { defineConfig } from 'astro/config';
// Also the bench's floor's (scripts/bench.ts): a floor without it would be slower than it can be.
export const ASTRO_CONCURRENCY = 4;

export default defineConfig({
  // The site's address comes from the manifest (site_url) or $SITE_URL via the site model;
  // without one, pages carry no absolute links rather than a placeholder domain.
  site: process.env.SITE_URL || undefined,
  output: 'static',
  outDir: process.env.ASTRO_OUT_DIR ?? 'dist',
  trailingSlash: 'always',
  // Pages are rendered while earlier ones are written: each page waits on its file write
  // (creating a file costs ~0.5 ms of kernel time on the build machine), and one at a time
  // (Astro's default) the main thread sat idle a third of the Astro stage.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: ASTRO_CONCURRENCY },
  compressHTML: true,
  // Never inline a bundled script into the page: the Content-Security-Policy allows scripts
  // from the site's own files only ('self', no 'unsafe-inline'), so an inlined one would not run.
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
});
