/**
 * The site's current year: the newest year with results for at least half as many schools
 * as the best-covered year. One stray row dated later (a typo, a test row) does not take
 * the whole site to that year (issue: «Статус в 2031 году» from a single ОГЭ row).
 */
export function currentYear(results: { readonly school_id: ReadonlyArray<string>; readonly year: ReadonlyArray<number> }): number {
  const schools = new Map<number, Set<string>>();
  for (let i = 0; i < results.year.length; i++) {
    let s = schools.get(results.year[i]);
    if (!s) schools.set(results.year[i], (s = new Set()));
    s.add(results.school_id[i]);
  }
  const most = Math.max(0, ...[...schools.values()].map((s) => s.size));
  const years = [...schools.keys()].filter((y) => schools.get(y)!.size * 2 >= most).sort((a, b) => a - b);
  return years[years.length - 1];
}
