/**
 * Shared plumbing for the browser tests: finds a Chromium, serves a built site with
 * serveStatic (the production headers included), opens pages in a fresh profile and
 * records every console error, page error and failed request, and runs axe-core.
 *
 * Where no Chromium is installed the suites skip with a message; with REQUIRE_BROWSER=1
 * they fail instead.
 */
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { serveStatic } from '../../src/lib/build/serve.ts';

// CHROMIUM_PATH, when set, is the only place looked at (set it to a missing file to try the skip).
const CANDIDATES = process.env.CHROMIUM_PATH
  ? [process.env.CHROMIUM_PATH]
  : ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export const chromiumPath: string | null = CANDIDATES.find((p) => existsSync(p)) ?? null;
export const requireBrowser = process.env.REQUIRE_BROWSER === '1';
/** True when the suites must skip: no Chromium here and nobody asked for one. */
export const skipBrowser = !chromiumPath && !requireBrowser;

if (skipBrowser) {
  console.warn(
    `Browser tests skipped: no Chromium found (looked at ${CANDIDATES.join(', ')}; set CHROMIUM_PATH). ` +
      'Set REQUIRE_BROWSER=1 to make this a failure.',
  );
}

export const OUTPUT_DIR = resolve('test/output');
export const AXE_PATH = resolve('node_modules/axe-core/axe.min.js');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--lang=ru-RU',
];

export interface Problem {
  url: string;
  kind: 'console' | 'pageerror' | 'requestfailed' | 'http';
  text: string;
}

export interface Session {
  origin: string;
  context: BrowserContext;
  problems: Problem[];
  /** A new tab that reports its problems to `problems`. */
  newPage(): Promise<Page>;
  /** Opens `path` in a new tab, waits for the network to settle. */
  open(path: string): Promise<Page>;
  close(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1 and launches Chromium with a fresh profile. */
export async function startSession(dir: string, options: BrowserContextOptions = {}): Promise<Session> {
  if (!chromiumPath) throw new Error('REQUIRE_BROWSER=1 but no Chromium was found (set CHROMIUM_PATH)');
  const server: Server = await serveStatic(dir, 0);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: ARGS,
    locale: 'ru-RU',
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    ...options,
  });
  // A persistent context opens with one blank tab: close it so tabs are ours only.
  for (const p of context.pages()) await p.close();
  const problems: Problem[] = [];
  const watch = (page: Page) => {
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push({ url: page.url(), kind: 'console', text: m.text() });
    });
    page.on('pageerror', (e) => problems.push({ url: page.url(), kind: 'pageerror', text: String(e) }));
    page.on('requestfailed', (r) => {
      // A download turns its navigation into a file, which Chromium reports as aborted.
      const reason = r.failure()?.errorText ?? '';
      if (reason === 'net::ERR_ABORTED' && /\.csv$/.test(new URL(r.url()).pathname)) return;
      problems.push({ url: page.url(), kind: 'requestfailed', text: `${r.url()}: ${reason}` });
    });
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push({ url: page.url(), kind: 'http', text: `${r.status()} ${r.url()}` });
    });
  };
  const session: Session = {
    origin,
    context,
    problems,
    async newPage() {
      const page = await context.newPage();
      watch(page);
      return page;
    },
    async open(path: string) {
      const page = await session.newPage();
      const res = await page.goto(origin + path, { waitUntil: 'networkidle' });
      if (!res || res.status() !== 200) throw new Error(`${path}: HTTP ${res?.status()}`);
      return page;
    },
    async close() {
      await context.close().catch(() => {});
      await new Promise((ok) => server.close(ok));
      server.closeAllConnections?.();
      rmSync(profile, { recursive: true, force: true });
    },
  };
  return session;
}

/** Problems seen on pages whose URL path is `path` (query and hash ignored). */
export function problemsAt(session: Session, path: string): Problem[] {
  return session.problems.filter((p) => {
    try {
      return new URL(p.url).pathname === path;
    } catch {
      return false;
    }
  });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string; html: string }[];
}

/** Runs axe-core on the page with the WCAG 2.x A/AA tags; returns the violations. */
export async function axe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async (tags) => {
    const w = window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } };
    const r = await w.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary, html: n.html.slice(0, 200) })),
    }));
  }, AXE_TAGS);
}

/** A readable list of violations for a failure message. */
export function describeViolations(vs: AxeViolation[]): string {
  return vs
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\n/g, ' ')}`).join('\n')}`)
    .join('\n');
}

export function outputDir(sub = ''): string {
  const d = join(OUTPUT_DIR, sub);
  mkdirSync(d, { recursive: true });
  return d;
}

/** One page of each kind of a built site (the first municipality and school by code). */
export function pageTypes(dist: string): Record<string, string> {
  return {
    region: '/',
    municipality: `/municipality/${firstDir(join(dist, 'municipality'))}/`,
    school: `/school/${firstDir(join(dist, 'school'))}/`,
    indicators: '/indicators/',
    methodology: '/methodology/',
    data: '/data/',
    sources: '/sources/',
    compare: '/compare/',
    search: '/search/',
    embed: firstEmbed(dist),
  };
}

function firstDir(dir: string): string {
  const d = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()[0];
  if (!d) throw new Error(`no page in ${dir}`);
  return d;
}

/** The embed view of the first chart of the region page (or else of a school page): the page opened at the chart. */
export function firstEmbed(dist: string): string {
  const schools = existsSync(join(dist, 'school')) ? readdirSync(join(dist, 'school')).sort().map((d) => `school/${d}/`) : [];
  for (const path of ['', ...schools]) {
    const id = /<figure class="chart" id="(c-[\w-]+)"/.exec(readFileSync(join(dist, path, 'index.html'), 'utf8'))?.[1];
    if (id) return `/${path}#${id}`;
  }
  throw new Error('no chart in the site');
}
