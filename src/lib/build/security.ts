/**
 * The site's security policy, in one place. Every page carries `CONTENT_SECURITY_POLICY`
 * in a <meta http-equiv> (src/layouts/Base.astro), deploy/nginx.conf sends the same
 * policy as a header plus the header-only rules (frame-ancestors, X-Frame-Options), and
 * the preview server (serve.ts) sends exactly what nginx sends; test/security checks
 * all three against this file.
 *
 * No inline script or style is allowed anywhere: the pages load their scripts from
 * public/ and the Pagefind folder ('self'); Pagefind compiles its WebAssembly search
 * engine, which needs 'wasm-unsafe-eval' (it permits WebAssembly compilation only, not
 * JavaScript eval).
 */

/** Directives that work in a <meta> policy (frame-ancestors does not). */
export const CSP_DIRECTIVES: readonly string[] = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.join('; ');

/**
 * The pages with charts (the region page, programme indicators, areas, schools) may be
 * framed by any site: a chart's embed view is its page opened at the chart (…/#c-…).
 * They are read-only public pages with no form or action to trick a reader into. Every
 * other page may be framed by none.
 */
export function isFramablePath(urlPath: string): boolean {
  return /^\/(index\.html)?$/.test(urlPath) || /^\/(school|municipality|indicators)\//.test(urlPath);
}

/**
 * Cache lifetime by URL: content-hashed files (Pagefind's index and fragments, Astro's
 * _astro/ bundles) forever, pages always revalidated, everything else for an hour.
 */
export function cacheControl(urlPath: string): string {
  if (urlPath.startsWith('/_astro/') || /\.(pf_fragment|pf_index|pf_meta)$/.test(urlPath)) {
    return 'public, max-age=31536000, immutable';
  }
  if (urlPath.endsWith('/') || urlPath.endsWith('.html')) return 'no-cache';
  return 'public, max-age=3600';
}

/** The response headers production (deploy/nginx.conf) sends for a URL path. */
export function securityHeaders(urlPath: string): Record<string, string> {
  const embed = isFramablePath(urlPath);
  return {
    'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors ${embed ? '*' : "'none'"}`,
    ...(embed ? {} : { 'X-Frame-Options': 'DENY' }),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
    'Cache-Control': cacheControl(urlPath),
  };
}
