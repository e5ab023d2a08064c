/**
 * Charts are never rendered twice: an SVG is kept under a key made of the renderer's code
 * version, the chart kind, its inputs and its label (the spec functions are pure, so equal
 * inputs give an equal SVG). The build hands in a disk store, so a rebuild with unchanged
 * data renders nothing; without a store (tests) charts are rendered each time.
 */
import { createHash } from 'node:crypto';

export interface SvgStore {
  get(key: string): string | undefined;
  set(key: string, svg: string): void;
}

let store: SvgStore | null = null;
let version = '';
const stats = { hits: 0, renders: 0 };

/** Installed by the build (src/lib/build/pipeline.ts); `codeVersion` changes with the chart code. */
export function useChartStore(s: SvgStore | null, codeVersion = ''): void {
  store = s;
  version = codeVersion;
  stats.hits = 0;
  stats.renders = 0;
}

export function chartCacheStats(): { hits: number; renders: number } {
  return { ...stats };
}

/** The SVG of a chart kind for these inputs: from the store, or rendered and stored. */
export function cachedSvg<T extends string>(kind: string, inputs: unknown, label: string, render: () => T): T {
  if (!store) {
    stats.renders++;
    return render();
  }
  const key = createHash('sha256').update(version).update('\0').update(kind).update('\0').update(label).update('\0').update(JSON.stringify(inputs)).digest('hex');
  const hit = store.get(key);
  if (hit !== undefined) {
    stats.hits++;
    return hit as T;
  }
  const svg = render();
  stats.renders++;
  store.set(key, svg);
  return svg;
}
