/**
 * Response headers: deploy/nginx.conf (production) and the preview server serve.ts
 * (browser tests) send the same security and cache headers, both equal to
 * src/lib/build/security.ts; pages with charts (their embed views) may be framed by any
 * site, nothing else by any.
 * The nginx config is read by a small evaluator of its `map` and `add_header` lines and,
 * where an nginx binary is installed, also run for real against the fixture site.
 */
import { spawnSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../src/lib/build/serve.ts';
import { CONTENT_SECURITY_POLICY, securityHeaders } from '../../src/lib/build/security.ts';
import { site } from '../helpers/site-files.ts';

const CONF = resolve('deploy/nginx.conf');
const conf = readFileSync(CONF, 'utf8').replace(/#.*$/gm, '');

/** The URL paths compared; their files exist in the small fixture's site. */
const PATHS = [
  '/',
  '/school/003/',
  '/municipality/M2/',
  '/search/',
  '/indicators/',
  '/methodology/',
  '/site.css',
  '/a11y.js',
  '/data/schools.csv',
  '/pagefind/pagefind.js',
  '/sitemap.xml',
];

function unquote(v: string): string {
  return /^".*"$/s.test(v) ? v.slice(1, -1) : v;
}

/** `map $uri $name { … }` blocks: the value for a URI (regexes in order, then default). */
function maps(): Map<string, (uri: string) => string> {
  const out = new Map<string, (uri: string) => string>();
  for (const m of conf.matchAll(/map\s+\$uri\s+\$(\w+)\s*\{([^}]*)\}/g)) {
    const rules = [...m[2].matchAll(/^\s*(\S+)\s+("[^"]*"|\S+)\s*;/gm)].map((r) => [r[1], unquote(r[2])] as const);
    out.set(m[1], (uri) => {
      for (const [k, v] of rules) {
        if (k.startsWith('~*') && new RegExp(k.slice(2), 'i').test(uri)) return v;
        if (k.startsWith('~') && !k.startsWith('~*') && new RegExp(k.slice(1)).test(uri)) return v;
        if (k === uri) return v;
      }
      return rules.find(([k]) => k === 'default')?.[1] ?? '';
    });
  }
  return out;
}

/** Headers nginx adds for a URI, by this config's `add_header` lines (empty ones dropped). */
function nginxHeaders(uri: string): Record<string, string> {
  const vars = maps();
  const out: Record<string, string> = {};
  for (const m of conf.matchAll(/add_header\s+([\w-]+)\s+("[^"]*"|\S+)(\s+always)?\s*;/g)) {
    const value = unquote(m[2]).replace(/\$(\w+)/g, (_, v: string) => {
      if (!vars.has(v)) throw new Error(`unknown variable $${v}`);
      return vars.get(v)!(uri);
    });
    if (value) out[m[1]] = value;
  }
  return out;
}

describe('deploy/nginx.conf', () => {
  it('lets any site frame the pages with charts and no site frame the others', () => {
    for (const uri of ['/', '/index.html', '/school/003/', '/municipality/M2/', '/indicators/']) {
      const h = nginxHeaders(uri);
      expect(h['Content-Security-Policy'], uri).toMatch(/frame-ancestors \*$/);
      expect(h['X-Frame-Options'], uri).toBeUndefined();
    }
    for (const uri of ['/search/', '/methodology/', '/compare/', '/data/', '/data/schools.csv', '/report/M2/', '/schools/', '/x/school/']) {
      const h = nginxHeaders(uri);
      expect(h['Content-Security-Policy'], uri).toMatch(/frame-ancestors 'none'$/);
      expect(h['X-Frame-Options'], uri).toBe('DENY');
    }
  });

  it('sends the headers of security.ts for every kind of URL', () => {
    for (const uri of [...PATHS, '/pagefind/fragment/ru_626f3fa.pf_fragment', '/_astro/x.1a2b3c.js', '/404.html']) {
      expect(nginxHeaders(uri), uri).toEqual(securityHeaders(uri));
    }
    expect(nginxHeaders('/search/')['Content-Security-Policy']).toBe(`${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
  });

  it('sends every header on every response: `always`, and no add_header inside a location', () => {
    const lines = [...conf.matchAll(/add_header\s+[\w-]+\s+(?:"[^"]*"|[^\s;]+)[^;]*;/g)];
    expect(lines.length).toBeGreaterThanOrEqual(6);
    for (const m of lines) expect(m[0]).toMatch(/\salways;$/);
    for (const loc of conf.matchAll(/location[^{]*\{([^}]*)\}/g)) expect(loc[1]).not.toMatch(/add_header/);
  });

  it('caches content-hashed files for a year and revalidates pages', () => {
    expect(nginxHeaders('/pagefind/index/ru_1a2b3c4.pf_index')['Cache-Control']).toBe('public, max-age=31536000, immutable');
    expect(nginxHeaders('/school/003/')['Cache-Control']).toBe('no-cache');
    expect(nginxHeaders('/pagefind/pagefind.js')['Cache-Control']).not.toMatch(/immutable/);
  });
});

async function headersOf(base: string, uri: string): Promise<Record<string, string>> {
  const res = await fetch(base + uri, { redirect: 'manual' });
  await res.arrayBuffer();
  const keys = Object.keys(securityHeaders('/x/'));
  const out: Record<string, string> = { status: String(res.status) };
  for (const k of [...keys, 'X-Frame-Options']) {
    const v = res.headers.get(k);
    if (v !== null) out[k] = v;
  }
  const type = res.headers.get('content-type') ?? '';
  if (/html|css|csv/.test(type)) out['Content-Type'] = type.replace(/\s+/g, '').toLowerCase();
  return out;
}

describe('serve.ts (preview and browser tests)', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = await serveStatic(site('small'));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

  it('sends what production sends, on pages, files and errors', async () => {
    for (const uri of [...PATHS, '/no-such-page/']) {
      const h = await headersOf(base, uri);
      const expected = securityHeaders(uri === '/no-such-page/' ? '/404.html' : uri);
      for (const [k, v] of Object.entries(expected)) expect(h[k], `${uri} ${k}`).toBe(v);
      if (!expected['X-Frame-Options']) expect(h['X-Frame-Options'], uri).toBeUndefined();
    }
  });

  it('does not serve files outside the site folder', async () => {
    for (const uri of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json']) {
      const res = await fetch(base + uri);
      expect(res.status, uri).not.toBe(200);
    }
  });
});

const nginx = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));

describe.runIf(nginx)('nginx itself, with deploy/nginx.conf, against serve.ts', () => {
  let proc: ChildProcess;
  let server: Server;
  let nginxBase: string;
  let previewBase: string;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nginx-'));
    const port = await new Promise<number>((ok) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as AddressInfo).port;
        s.close(() => ok(p));
      });
    });
    const mime = ['/etc/nginx/mime.types', '/usr/local/nginx/conf/mime.types'].find((p) => existsSync(p))!;
    const siteConf = readFileSync(CONF, 'utf8')
      .replace(/root \/srv\/school-site\/dist;/, `root ${site('small')};`)
      .replace(/listen 80;/, `listen 127.0.0.1:${port};`)
      .replace(/listen \[::\]:80;/, '')
      .replace(/include mime\.types;/, `include ${mime};`);
    writeFileSync(join(dir, 'site.conf'), siteConf);
    const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${dir}/${t};`).join(' ');
    writeFileSync(
      join(dir, 'nginx.conf'),
      `daemon off; ${process.getuid?.() === 0 ? 'user root;' : ''} worker_processes 1; pid ${dir}/nginx.pid; error_log ${dir}/error.log;
events { worker_connections 64; }
http { include ${mime}; access_log off; ${temp} include ${dir}/site.conf; }
`,
    );
    const check = spawnSync(nginx!, ['-t', '-q', '-c', join(dir, 'nginx.conf'), '-p', dir], { encoding: 'utf8' });
    expect(check.status, check.stderr).toBe(0);
    proc = spawn(nginx!, ['-c', join(dir, 'nginx.conf'), '-p', dir], { stdio: 'ignore' });
    nginxBase = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 50; i++) {
      if (await fetch(nginxBase + '/').then(() => true, () => false)) break;
      await sleep(100);
    }
    server = await serveStatic(site('small'));
    previewBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    proc?.kill('SIGTERM');
    await new Promise<void>((ok) => (server ? server.close(() => ok()) : ok()));
  });

  it('config passes `nginx -t` and both servers send the same headers', async () => {
    for (const uri of [...PATHS, '/no-such-page/']) {
      expect(await headersOf(nginxBase, uri), uri).toEqual(await headersOf(previewBase, uri));
    }
  });
});
