/**
 * Compare up to five schools: the latest published figures side by side and each school's
 * trajectory (its published score by year, a sparkline and one row per year). Reads the
 * already-disclosed data/compare.json; the chosen schools live in the address (?ids=).
 */
import type { IslandData, IslandSchool } from '../lib/site/island-data.ts';
import { cellTd, el, islandWords, loadIslandData, trajectorySvg, yearCell } from './island-data.ts';
import { typeset } from '../lib/format/typography.ts';
import { capitalize } from '../lib/format/index.ts';
import { findSchool } from './find-school.ts';

const MAX = 5;

function table(data: IslandData, schools: IslandSchool[], base: string, remove: (s: IslandSchool) => void): HTMLElement {
  const w = islandWords().compare;
  const t = el('table');
  t.appendChild(el('caption', w.caption));
  const head = el('tr');
  head.appendChild(el('th', w.indicator, { scope: 'col' }));
  for (const s of schools) {
    const th = el('th', null, { scope: 'col' });
    th.appendChild(el('a', typeset(s.name), { href: `${base}school/${s.id}/` }));
    th.appendChild(el('br'));
    const rm = el('button', w.remove, { type: 'button', 'aria-label': w.removeLabel(s.name) });
    rm.addEventListener('click', () => remove(s));
    th.appendChild(rm);
    head.appendChild(th);
  }
  const thead = el('thead');
  thead.appendChild(head);
  t.appendChild(thead);
  const body = el('tbody');
  for (const f of data.fields) {
    const tr = el('tr');
    tr.appendChild(el('th', f.label, { scope: 'row' }));
    for (const s of schools) tr.appendChild(el('td', typeset(s.values[f.key] ?? '—'), { class: 'num' }));
    body.appendChild(tr);
  }
  if (data.basis) {
    // The trajectory: a line per school, then the numbers it is drawn from.
    const tr = el('tr');
    tr.appendChild(el('th', w.byYear(capitalize(data.basis)), { scope: 'row' }));
    // One vertical scale for all the lines, so their heights compare as the numbers do.
    const shown = schools.flatMap((s) => s.series.filter((v, i): v is number => v !== null && s.states[i] === 'v'));
    const domain: [number, number] | undefined = shown.length ? [Math.min(...shown), Math.max(...shown)] : undefined;
    for (const s of schools) {
      const td = el('td');
      td.innerHTML = trajectorySvg(data, s, domain); // sparkline(): numbers and an escaped label only
      tr.appendChild(td);
    }
    body.appendChild(tr);
    data.years.forEach((year, i) => {
      const row = el('tr');
      row.appendChild(el('th', String(year), { scope: 'row' }));
      for (const s of schools) row.appendChild(cellTd(yearCell(data, s, i), true));
      body.appendChild(row);
    });
  }
  t.appendChild(body);
  const wrap = el('div', null, { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': w.region });
  wrap.appendChild(t);
  return wrap;
}


function setUp(form: HTMLFormElement): void {
  const input = document.getElementById('compare-input') as HTMLInputElement;
  const list = document.getElementById('compare-options')!;
  const status = document.getElementById('compare-status')!;
  const out = document.getElementById('compare-result')!;
  const base = form.dataset.base ?? '/';
  let data: IslandData | null = null;
  let chosen: string[] = (new URLSearchParams(location.search).get('ids') ?? '').split(',').filter(Boolean).slice(0, MAX);

  const render = () => {
    out.textContent = '';
    if (!data || !chosen.length) return;
    const schools = chosen.map((id) => data!.schools.find((s) => s.id === id)).filter((s): s is IslandSchool => Boolean(s));
    out.appendChild(
      table(data, schools, base, (s) => {
        chosen = chosen.filter((x) => x !== s.id);
        sync();
        // The button is gone with its column: focus goes back to the box, not to the page.
        input.focus();
      }),
    );
  };
  const sync = () => {
    history.replaceState(null, '', chosen.length ? `?ids=${chosen.join(',')}` : location.pathname);
    status.textContent = islandWords().compare.chosen(chosen.length, MAX);
    render();
  };
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (!data) return;
    const v = input.value.trim();
    const s = findSchool(data.schools, v);
    if (!s) {
      status.textContent = islandWords().compare.notFound(v);
      return;
    }
    if (chosen.includes(s.id)) {
      status.textContent = islandWords().compare.already;
      return;
    }
    if (chosen.length >= MAX) {
      status.textContent = islandWords().compare.tooMany(MAX);
      return;
    }
    chosen.push(s.id);
    input.value = '';
    sync();
    input.focus();
  });
  loadIslandData(form.dataset.src!).then((json) => {
    data = json;
    for (const s of json.schools) list.appendChild(el('option', null, { value: s.label }));
    form.hidden = false;
    sync();
  });
}

const form = document.getElementById('compare-form') as HTMLFormElement | null;
if (form) setUp(form);

