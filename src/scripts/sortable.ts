/**
 * Column heads that sort a table's rows (the municipalities comparison): a button in each
 * head; numbers sort from the largest first, then back; words in Russian alphabetical
 * order. Cells without a number (hidden, not applicable) go last either way. The order is
 * announced through aria-sort on the head. Without JavaScript the table keeps its built
 * order, and the page has a second table in another order.
 */
// Names sort in the page's language (the lang attribute the build wrote).
const collator = new Intl.Collator(document.documentElement.lang || 'ru');

function sortBy(table: HTMLTableElement, col: number, numeric: boolean, descending: boolean): void {
  const body = table.tBodies[0];
  const rows = [...body.rows];
  const key = (tr: HTMLTableRowElement) => tr.cells[col];
  rows.sort((a, b) => {
    if (numeric) {
      const x = key(a)?.dataset.v ?? '';
      const y = key(b)?.dataset.v ?? '';
      if (x === '' || y === '') return x === y ? 0 : x === '' ? 1 : -1;
      return descending ? Number(y) - Number(x) : Number(x) - Number(y);
    }
    const c = collator.compare(key(a)?.textContent?.trim() ?? '', key(b)?.textContent?.trim() ?? '');
    return descending ? -c : c;
  });
  body.append(...rows);
}

for (const table of document.querySelectorAll<HTMLTableElement>('table[data-sortable]')) {
  const heads = [...(table.tHead?.rows[0]?.cells ?? [])] as HTMLTableCellElement[];
  heads.forEach((th, col) => {
    // A column is sortable if it holds numbers (data-v) or is the name column.
    const numeric = table.tBodies[0]?.rows[0]?.cells[col]?.hasAttribute('data-v') ?? false;
    if (!numeric && col !== 0) return;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort';
    button.textContent = th.textContent ?? '';
    th.textContent = '';
    th.append(button);
    button.addEventListener('click', () => {
      // First press: numbers from the largest, names alphabetically; each press turns it round.
      const current = th.getAttribute('aria-sort');
      const descending = current ? current === 'ascending' : numeric;
      for (const other of heads) other.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
      sortBy(table, col, numeric, descending);
    });
  });
}
