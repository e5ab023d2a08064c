/**
 * Lint rule: `set:html` bypasses Astro's escaping. It is allowed only for SVG made by
 * src/lib/charts (typed SafeSvg) in the two components that show charts; any other use
 * could publish unescaped data.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ALLOWED: Record<string, string[]> = {
  'src/components/ChartFigure.astro': ['chart.svg'],
  'src/components/DataTableView.astro': ['cell.spark'],
};

function astroFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? astroFiles(join(dir, e.name)) : e.name.endsWith('.astro') ? [join(dir, e.name)] : [],
  );
}

export function setHtmlViolations(root: string): string[] {
  const out: string[] = [];
  for (const file of astroFiles(join(root, 'src'))) {
    const rel = file.slice(root.length + 1);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/set:html=\{([^}]*)\}/g)) {
      if (!(ALLOWED[rel] ?? []).includes(m[1].trim())) out.push(`${rel}: set:html={${m[1]}}`);
    }
    if (/innerHTML|dangerouslySetInnerHTML/.test(text)) out.push(`${rel}: innerHTML`);
  }
  return out;
}

describe('no set:html with data', () => {
  it('uses set:html only for renderer-made SVG', () => {
    expect(setHtmlViolations(process.cwd())).toEqual([]);
  });
});
