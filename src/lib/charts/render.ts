/**
 * The one place that creates a DOM document and calls Plot.plot (ARCHITECTURE.md habit 5).
 * Charts are rendered at build time to SVG text; pages inline it, so they read with
 * JavaScript off. One linkedom document per process (a fresh document per chart costs
 * ~10x, PERFORMANCE.md).
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { FONT_SIZE } from './specs.ts';

import { escapeXml, trustedSvg, type SafeSvg } from './svg.ts';
export { escapeXml, trustedSvg, type SafeSvg };

let doc: Document | undefined;
function sharedDocument(): Document {
  if (!doc) doc = parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
  return doc;
}

/** Plot's per-chart <style> is identical for every chart; the site CSS carries it instead. */
const STYLE_BLOCK = /<style>[\s\S]*?<\/style>/;
/**
 * Coordinates with 14 decimals cost bytes and say nothing at screen resolution; they
 * are rounded to 0.1 px. Short decimals (opacities like 0.18) are left alone.
 */
const LONG_DECIMALS = /\d+\.\d{3,}/g;
const roundCoordinate = (m: string) => String(Math.round(Number(m) * 10) / 10);

export const CHART_CLASS = 'chart';

export function renderPlot(options: Plot.PlotOptions, label: string): SafeSvg {
  const el = Plot.plot({ ...options, className: CHART_CLASS, document: sharedDocument(), ariaLabel: label });
  let svg = (el as unknown as { outerHTML: string }).outerHTML;
  svg = svg.replace(STYLE_BLOCK, '').replace(LONG_DECIMALS, roundCoordinate);
  // A figure is described by its caption and data table; the SVG itself is an image.
  svg = svg.replace(/^<svg /, '<svg role="img" focusable="false" ');
  // The chart scales with its column: the root keeps its viewBox and loses the fixed
  // width and height (site.css sets width: 100%). Its text size is an attribute, not a
  // style (the CSP allows no inline style), in viewBox units: see CHART_WIDTH.
  svg = svg.replace(/^<svg [^>]*>/, (root) =>
    root
      .replace(/ width="[\d.]+"/, '')
      .replace(/ height="[\d.]+"/, '')
      .replace(/ font-size="[\d.]+"/, ` font-size="${FONT_SIZE}"`),
  );
  // Plot names its mark groups in English («y-axis tick», «dot»); inside role="img" they
  // are never read, so they go (the root keeps its label, in the site's language).
  const rootEnd = svg.indexOf('>') + 1;
  svg = svg.slice(0, rootEnd) + svg.slice(rootEnd).replace(/ aria-label="[^"]*"/g, '');
  return svg as SafeSvg;
}

/** Escape text for hand-written SVG (sparklines). */
