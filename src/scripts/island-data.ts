/** Loading data/compare.json once per page, and the cells both islands draw from it. */
import { locale, setLocale } from '../lib/words/locale.ts';
import { islands as ruIslands } from '../lib/words/ru/islands.ts';
import { islands as enIslands } from '../lib/words/en/islands.ts';
import type { IslandData, IslandSchool } from '../lib/site/island-data.ts';
import { numCell } from '../lib/site/cells.ts';
import { sparkline } from '../lib/charts/sparkline.ts';
import type { Cell } from '../lib/site/types.ts';
import { typeset } from '../lib/format/typography.ts';

/**
 * The islands run in the reader's browser, where the locale state starts as ru: the page's
 * lang attribute says which language it was built in. Set before any number is formatted.
 */
setLocale(document.documentElement.lang === 'en' ? 'en' : 'ru');

/** The islands' words in the page's language (only these two small catalogues are bundled). */
export function islandWords(): typeof ruIslands {
  return locale() === 'en' ? enIslands : ruIslands;
}

const loads = new Map<string, Promise<IslandData>>();
export function loadIslandData(src: string): Promise<IslandData> {
  let p = loads.get(src);
  if (!p) {
    p = fetch(src).then((r) => {
      if (!r.ok) throw new Error(`${src}: ${r.status}`);
      return r.json() as Promise<IslandData>;
    });
    loads.set(src, p);
  }
  return p;
}

/** The school's published score in year index i, as the server's table cell shows it. */
export function yearCell(data: IslandData, s: IslandSchool, i: number): Cell {
  const state = s.states[i];
  if (state === 'v') return numCell(s.series[i], 'value');
  if (state === 'h') return numCell(null, 'suppressed', { minParticipants: data.minParticipants, reason: s.why?.[i] });
  return numCell(null, 'missing');
}

export function trajectorySvg(data: IslandData, s: IslandSchool, domain?: [number, number]): string {
  const points = data.years.map((year, i) => ({ year, value: s.states[i] === 'v' ? s.series[i] : null }));
  return sparkline(points, { label: islandWords().sparkLabel(s.name, data.basis ?? ''), domain });
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string | null, attrs?: Record<string, string>): HTMLElementTagNameMap[K] {
  const n = document.createElement(tag);
  if (text !== undefined && text !== null) n.textContent = text;
  if (attrs) for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v);
  return n;
}

/** A table cell with the state class the server's tables use. */
export function cellTd(c: Cell, numeric: boolean): HTMLTableCellElement {
  const cls = [numeric ? 'num' : '', c.state ? `state-${c.state}` : ''].filter(Boolean).join(' ');
  return el('td', typeset(c.t), cls ? { class: cls } : undefined);
}
