/**
 * The environment each test site is built with. The demo is built as a deployed site is
 * (its address known: canonical links, sitemap, embed code); the others take their address
 * from their manifest or have none. Every build that must match a global-setup site uses this.
 */
export const SITE_ENV: Record<string, NodeJS.ProcessEnv> = {
  demo: { SITE_URL: 'https://demo.shkoly.test' },
};

export function siteEnv(name: string): NodeJS.ProcessEnv {
  return { SITE_URL: '', ...SITE_ENV[name] };
}
