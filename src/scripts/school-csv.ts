/**
 * A school's numbers as one small CSV. Without scripts the page links to its area's file
 * (every school of the area, each row led by the school's code: at most three files per
 * school on disk); with them, the link gives only this school's rows, as `<code>.csv`, cut
 * from that same file in the browser, so both carry the same numbers.
 */
import Papa from 'papaparse';

for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-rows-of]')) {
  const code = link.dataset.rowsOf!;
  if (link.dataset.ownText) link.textContent = link.dataset.ownText;
  link.addEventListener('click', async (event) => {
    event.preventDefault();
    try {
      const response = await fetch(link.href);
      if (!response.ok) throw new Error(String(response.status));
      const text = (await response.text()).replace(/^\ufeff/, '');
      const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
      const mine = [rows[0], ...rows.slice(1).filter((r) => r[0] === code)];
      const newline = text.includes('\r\n') ? '\r\n' : '\n';
      // The BOM keeps Excel reading the file as UTF-8, like the files on the server.
      const blob = new Blob(['\ufeff' + Papa.unparse(mine, { newline }) + newline], { type: 'text/csv;charset=utf-8' });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `${code}.csv`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch {
      // The area file itself: the same numbers, with the other schools' rows too.
      window.location.href = link.href;
    }
  });
}
