/**
 * Charts are never rendered twice: an SVG is kept under a key made of the renderer's code
 * version, the chart kind, its inputs and its label (the spec functions are pure, so equal
 * inputs give an equal SVG). The build hands in a disk store, so a rebuild with unchanged
 * data renders nothing; without a store (tests) charts are rendered each time.
 *
 * With a renderer installed (the build's worker pool, build/chart-pool.ts) a chart that is
 * not in the store is not drawn here: its SVG is a placeholder token, sent off to be
 * drawn in another thread, and swapped for the SVG when the page is written.
 */
import { locale } from '../words/locale.ts';
import { createHash } from 'node:crypto';
import { renderChart, type ChartInputs, type ChartKind } from './kinds.ts';
import type { SafeSvg } from './svg.ts';

/** Where an SVG lies in a cache file on disk (build/chart-store.ts). */
export interface PackLocation {
  file: string;
  offset: number;
  length: number;
}

export interface SvgStore {
  get(key: string): string | undefined;
  set(key: string, svg: string): void;
  /**
   * A store on disk names its folder, so the threads that draw charts write their SVGs
   * there themselves and the main thread only keeps, in memory, what a waiting page needs
   * (and where on disk the thread put it, for a second page that shows the same chart).
   */
  readonly disk?: { dir: string; keep(key: string, svg: string, at?: PackLocation | null): void };
  /** Releases the files the store holds open. */
  close?(): void;
}

/** Draws a chart elsewhere; the SVG comes back through the store. */
export interface DeferredRenderer {
  request(key: string, kind: ChartKind, inputs: unknown, label: string): void;
}

let store: SvgStore | null = null;
let deferred: DeferredRenderer | null = null;
let version = '';
const stats = { hits: 0, renders: 0 };

/** Installed by the build (src/lib/build/pipeline.ts); `codeVersion` changes with the chart code. */
export function useChartStore(s: SvgStore | null, codeVersion = '', renderer: DeferredRenderer | null = null): void {
  store = s;
  version = codeVersion;
  deferred = renderer;
  stats.hits = 0;
  stats.renders = 0;
}

export function chartCacheStats(): { hits: number; renders: number } {
  return { ...stats };
}

/** Marks a chart still being drawn; never occurs in SVG, JSON or page text otherwise. */
export const PENDING = '\u0001chart:';
export const PENDING_END = '\u0001';
/** The store key a placeholder stands for. */
export function pendingKey(svg: string): string {
  return svg.slice(PENDING.length, -PENDING_END.length);
}

/** The SVG of a chart kind for these inputs: from the store, drawn here, or a placeholder. */
export function chartSvg<K extends ChartKind>(kind: K, inputs: ChartInputs[K], label: string): SafeSvg {
  if (!store) {
    stats.renders++;
    return renderChart(kind, inputs, label);
  }
  // The locale is part of the key: the worker formats tick labels in it.
  const key = createHash('sha256').update(version).update('\0').update(locale()).update('\0').update(kind).update('\0').update(label).update('\0').update(JSON.stringify(inputs)).digest('hex');
  const hit = store.get(key);
  if (hit !== undefined) {
    stats.hits++;
    return hit as SafeSvg;
  }
  stats.renders++;
  if (deferred) {
    deferred.request(key, kind, inputs, label);
    return `${PENDING}${key}${PENDING_END}` as SafeSvg;
  }
  const svg = renderChart(kind, inputs, label);
  store.set(key, svg);
  return svg;
}
