/**
 * Content-Security-Policy on every built page: one <meta> policy, first in <head> (a
 * policy only governs what comes after it), equal to src/lib/build/security.ts, with no
 * 'unsafe-inline' or 'unsafe-eval' for scripts; and nothing on the page that such a
 * policy would block: no inline <script> body without a matching hash, no <style>
 * element or style="" attribute, no on* handler, no javascript: URL, no script from
 * another origin.
 */
import { createHash } from 'node:crypto';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/lib/build/security.ts';
import { shouldCheck, read, site, walk } from '../helpers/site-files.ts';

export function parsePolicy(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name && !out.has(name.toLowerCase())) out.set(name.toLowerCase(), values);
  }
  return out;
}

/** Everything on one page that the page's own policy would not allow. */
export function cspProblems(html: string): string[] {
  const problems: string[] = [];
  const { document } = parseHTML(html);
  const metas = [...document.querySelectorAll('meta[http-equiv]')].filter(
    (m) => m.getAttribute('http-equiv')!.toLowerCase() === 'content-security-policy',
  );
  if (metas.length !== 1) return [`${metas.length} CSP meta tags`];
  const meta = metas[0];
  const policy = meta.getAttribute('content') ?? '';
  if (policy !== CONTENT_SECURITY_POLICY) problems.push(`policy differs from security.ts: ${policy}`);
  // Only what follows the policy is governed by it: nothing that loads may come first.
  const before = [...document.head.children].slice(0, [...document.head.children].indexOf(meta));
  if (!document.head.contains(meta)) problems.push('CSP meta is not in <head>');
  for (const e of before) if (['script', 'link', 'style', 'base'].includes(e.localName)) problems.push(`<${e.localName}> before the CSP meta`);
  const directives = parsePolicy(policy);
  const scriptSrc = directives.get('script-src') ?? directives.get('default-src') ?? [];
  const styleSrc = directives.get('style-src') ?? directives.get('default-src') ?? [];
  if (!scriptSrc.length) problems.push('no script-src');
  for (const bad of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", '*', 'data:', 'http:', 'https:']) {
    if (scriptSrc.includes(bad)) problems.push(`script-src allows ${bad}`);
  }
  if (styleSrc.includes("'unsafe-inline'")) problems.push("style-src allows 'unsafe-inline'");
  if (!(directives.get('object-src') ?? []).includes("'none'")) problems.push("object-src is not 'none'");
  const hashOf = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
  for (const s of document.querySelectorAll('script')) {
    const src = s.getAttribute('src');
    if (src === null) {
      const type = (s.getAttribute('type') ?? '').toLowerCase();
      // Data blocks (JSON) are not executed and need no hash.
      if (type === 'application/json' || type === 'application/ld+json') continue;
      if (!scriptSrc.includes(hashOf(s.textContent ?? ''))) problems.push(`inline <script> without a hash: ${(s.textContent ?? '').slice(0, 60)}`);
    } else if (/^(?:[a-z][a-z\d+.-]*:)?\/\//i.test(src) || /^(javascript|data):/i.test(src)) {
      problems.push(`script from another origin: ${src}`);
    }
  }
  for (const s of document.querySelectorAll('style')) {
    if (!styleSrc.includes(hashOf(s.textContent ?? ''))) problems.push(`<style> without a hash: ${(s.textContent ?? '').slice(0, 60)}`);
  }
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name === 'style') problems.push(`style="" on <${el.localName}>: ${attr.value.slice(0, 60)}`);
      if (/^on[a-z]+$/.test(name)) problems.push(`${name}="" on <${el.localName}>`);
      if (/^(href|src|action|formaction|xlink:href)$/.test(name) && /^\s*javascript:/i.test(attr.value)) problems.push(`javascript: URL on <${el.localName}>`);
    }
  }
  return problems;
}

describe.each(['demo', 'small', 'moscow', 'nyc'])('CSP on every page: %s', (name) => {
  it.runIf(shouldCheck(name))('every HTML page carries the policy and nothing it would block', () => {
    const pages = walk(site(name)).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const f of pages) for (const p of cspProblems(read(f))) problems.push(`${f.slice(site(name).length)}: ${p}`);
    expect(problems.slice(0, 20)).toEqual([]);
  });
});

describe('the policy itself', () => {
  it('allows scripts only from the site, WebAssembly for Pagefind, no inline code', () => {
    const d = parsePolicy(CONTENT_SECURITY_POLICY);
    expect(d.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(d.get('style-src')).toEqual(["'self'"]);
    expect(d.get('default-src')).toEqual(["'self'"]);
    // Header-only directives are ignored (with a console error) in a <meta> policy.
    for (const headerOnly of ['frame-ancestors', 'report-uri', 'sandbox']) expect(d.has(headerOnly), headerOnly).toBe(false);
  });

  it('the checker catches what it should', () => {
    const page = (head: string, body = '') =>
      `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">${head}</head><body>${body}</body></html>`;
    expect(cspProblems(page('<script src="/a11y.js" defer></script>'))).toEqual([]);
    expect(cspProblems(page('<script>alert(1)</script>'))).toHaveLength(1);
    expect(cspProblems(page('', '<p style="color:red">x</p>'))).toHaveLength(1);
    expect(cspProblems(page('', '<img src="x" onerror="alert(1)">'))).toHaveLength(1);
    expect(cspProblems(page('<script src="https://evil.example/x.js"></script>'))).toHaveLength(1);
    expect(cspProblems(page('', '<textarea>&lt;iframe style="border:0"&gt;</textarea>'))).toEqual([]);
    expect(cspProblems('<html><head><script src="/a.js"></script></head></html>')).toEqual(['0 CSP meta tags']);
    const late = `<!doctype html><html><head><script src="/a.js"></script><meta http-equiv="content-security-policy" content="${CONTENT_SECURITY_POLICY}"></head></html>`;
    expect(cspProblems(late)).toEqual(['<script> before the CSP meta']);
  });
});
