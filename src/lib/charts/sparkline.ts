/**
 * Tiny repeated charts (one per table row) as hand-written SVG: Plot costs ~1 ms and
 * ~4 KB per chart, this ~0.05 ms and a few hundred bytes (PERFORMANCE.md).
 * A null value breaks the line.
 */
import { scaleLinear } from 'd3';
import { escapeXml, trustedSvg, type SafeSvg } from './svg.ts';

export function sparkline(
  points: ReadonlyArray<{ year: number; value: number | null }>,
  opts: { label: string; width?: number; height?: number; domain?: [number, number] },
): SafeSvg {
  const width = opts.width ?? 90;
  const height = opts.height ?? 22;
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  if (values.length === 0) return trustedSvg('');
  const years = points.map((p) => p.year);
  const x = scaleLinear().domain([Math.min(...years), Math.max(...years)]).range([3, width - 3]);
  const [lo, hi] = opts.domain ?? [Math.min(...values), Math.max(...values)];
  const y = scaleLinear().domain(lo === hi ? [lo - 1, hi + 1] : [lo, hi]).range([height - 3, 3]);
  const segments: string[] = [];
  let current: string[] = [];
  for (const p of points) {
    if (p.value === null) {
      if (current.length) segments.push(current.join(' '));
      current = [];
      continue;
    }
    current.push(`${current.length ? 'L' : 'M'}${x(p.year).toFixed(1)},${y(p.value).toFixed(1)}`);
  }
  if (current.length) segments.push(current.join(' '));
  const last = [...points].reverse().find((p) => p.value !== null)!;
  return trustedSvg(
    `<svg class="spark" role="img" aria-label="${escapeXml(opts.label)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
      segments.map((d) => `<path d="${d}" fill="none" stroke="currentColor" stroke-width="1.5"/>`).join('') +
      `<circle cx="${x(last.year).toFixed(1)}" cy="${y(last.value!).toFixed(1)}" r="2.5" fill="currentColor"/></svg>`,
  );
}
