/**
 * Similar schools the reader chooses: the school page's table lists the default peers
 * (built with the page, readable without JavaScript); these boxes narrow the choice to the
 * same area, settlement type or size band and recompute the nearest schools in the same
 * space the build uses (island-data.ts nearestPeers).
 */
import { nearestPeers, type IslandData, type IslandSchool } from '../lib/site/island-data.ts';
import { cellTd, el, islandWords, loadIslandData, trajectorySvg, yearCell } from './island-data.ts';
import { typeset } from '../lib/format/typography.ts';

function rowsFor(data: IslandData, peers: IslandSchool[], thisSchool: HTMLTableRowElement, base: string): HTMLTableSectionElement {
  const first = Math.max(0, data.years.length - 3);
  const last = data.years.length - 1;
  const body = el('tbody');
  body.appendChild(thisSchool.cloneNode(true)); // this school first, as built
  for (const s of peers) {
    const tr = el('tr');
    const th = el('th', null, { scope: 'row' });
    th.appendChild(el('a', typeset(s.name), { href: `${base}school/${s.id}/` }));
    tr.appendChild(th);
    tr.appendChild(el('td', typeset(s.values.municipality)));
    const trend = el('td');
    trend.innerHTML = trajectorySvg(data, s); // sparkline(): numbers and an escaped label only
    tr.appendChild(trend);
    tr.appendChild(cellTd(yearCell(data, s, first), true));
    tr.appendChild(cellTd(yearCell(data, s, last), true));
    body.appendChild(tr);
  }
  return body;
}

function setUp(form: HTMLFormElement): void {
  const table = document.getElementById(form.dataset.table ?? '') as HTMLTableElement | null;
  const status = form.querySelector<HTMLElement>('.peer-status');
  if (!table?.tBodies[0] || !status) return;
  // The tbody is replaced whole, never patched: the built rows and the browser's never mix.
  const built = table.tBodies[0].cloneNode(true) as HTMLTableSectionElement;
  const base = form.dataset.base ?? '/';
  const show = (body: HTMLTableSectionElement) => table.tBodies[0].replaceWith(body);
  const boxes = [...form.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
  // The boxes show at once; the region's data (compare.json) is fetched only when a reader
  // ticks one, so a phone opening a school page does not download every school's figures.
  form.hidden = false;
  const w = islandWords().peers;
  const update = (data: IslandData) => {
    const self = data.schools.find((s) => s.id === form.dataset.school);
    if (!self?.peer) {
      status.textContent = w.noContext;
      return;
    }
    const on = new Set(boxes.filter((b) => b.checked).map((b) => b.name));
    if (!on.size) {
      show(built.cloneNode(true) as HTMLTableSectionElement);
      status.textContent = w.defaults(data.similarCount);
      return;
    }
    const keep = (s: IslandSchool) =>
      (!on.has('area') || s.mun === self.mun) &&
      (!on.has('settlement') || (self.settlement !== null && s.settlement === self.settlement)) &&
      (!on.has('band') || s.peer![2] === self.peer![2]);
    const peers = nearestPeers(self, data.schools, data.similarCount, keep);
    show(rowsFor(data, peers, built.rows[0], base));
    const chosen = boxes.filter((b) => b.checked).map((b) => b.dataset.short).join(', ');
    status.textContent = peers.length
      ? w.shown(peers.length, chosen)
      : w.none(chosen);
  };
  const onChange = () => {
    status.textContent = w.loading;
    loadIslandData(form.dataset.src!)
      .then(update)
      .catch(() => {
        status.textContent = w.failed;
        show(built.cloneNode(true) as HTMLTableSectionElement);
      });
  };
  for (const b of boxes) b.addEventListener('change', onChange);
}

for (const form of document.querySelectorAll<HTMLFormElement>('form.peer-filters')) setUp(form);
