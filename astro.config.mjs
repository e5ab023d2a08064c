// Site options only; no data logic here (the site model is computed by scripts/build.ts).
import { defineConfig } from 'astro/config';

export default defineConfig({
  // The site's address comes from the manifest (site_url) or $SITE_URL via the site model;
  // without one, pages carry no absolute links rather than a placeholder domain.
  site: process.env.SITE_URL || undefined,
  output: 'static',
  outDir: process.env.ASTRO_OUT_DIR ?? 'dist',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  compressHTML: true,
  // Never inline a bundled script into the page: the Content-Security-Policy allows scripts
  // from the site's own files only ('self', no 'unsafe-inline'), so an inlined one would not run.
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
});
