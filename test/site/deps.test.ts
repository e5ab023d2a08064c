/**
 * Every package the code imports is declared (issue: d3-random was imported, not declared),
 * and what the build needs at run time is a runtime dependency, so `npm ci --omit=dev &&
 * npm run build` works.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? (e.name === 'node_modules' ? [] : walk(join(d, e.name))) : [join(d, e.name)]));

/** Bare package names a file imports at run time (`import type` is erased and does not count). */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*import\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*export\s+(?!type\s)[^'";]*?\sfrom\s+['"]([^'"]+)['"]/gm)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (spec.startsWith('.') || spec.startsWith('/') || spec.startsWith('node:')) continue;
    out.push(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
  }
  return out;
}

describe('declared dependencies', () => {
  it('every package imported by src/, scripts/ and astro.config.mjs is a runtime dependency', () => {
    const files = [...walk('src'), ...walk('scripts'), 'astro.config.mjs'].filter((f) => /\.(ts|mjs|astro)$/.test(f));
    const used = new Set(files.flatMap(imports));
    expect(used.size).toBeGreaterThan(5);
    expect([...used].filter((p) => !(p in pkg.dependencies)).sort()).toEqual([]);
  });

  it('every package imported by the tests is declared', () => {
    const used = new Set(walk('test').filter((f) => f.endsWith('.ts')).flatMap(imports));
    expect(used.has('vitest')).toBe(true);
    expect([...used].filter((p) => !(p in pkg.dependencies) && !(p in pkg.devDependencies)).sort()).toEqual([]);
  });
});
