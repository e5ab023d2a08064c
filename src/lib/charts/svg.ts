/**
 * SVG text the site may inline, without the renderer's DOM: sparklines are drawn with
 * this both at build time and in the browser (the peer and compare islands).
 */

/** SVG text produced by our renderers: the only markup pages may inline. */
export type SafeSvg = string & { readonly __safeSvg: unique symbol };

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function trustedSvg(svg: string): SafeSvg {
  return svg as SafeSvg;
}
