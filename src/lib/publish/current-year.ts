/**
 * The site's current year: the newest year with results for at least half as many schools
 * as the best-covered year. One stray row dated later (a typo, a test row) does not take
 * the whole site to that year (issue: «Статус в 2031 году» from a single ОГЭ row).
 */
export function currentYear(results: { school_id: string; year: number }[]): number {
  const schools = new Map<number, Set<string>>();
  for (const r of results) {
    let s = schools.get(r.year);
    if (!s) schools.set(r.year, (s = new Set()));
    s.add(r.school_id);
  }
  const most = Math.max(0, ...[...schools.values()].map((s) => s.size));
  const years = [...schools.keys()].filter((y) => schools.get(y)!.size * 2 >= most).sort((a, b) => a - b);
  return years[years.length - 1];
}
