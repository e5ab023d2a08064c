/** Finding the school a reader typed in the compare box (compare.ts). */
/**
 * A name as typed and a name as shown differ in what a keyboard cannot see: quotes («»,
 * straight, curly), no-break spaces (after «№»), letter case and ё. Compared without them.
 */
export function matchKey(text: string): string {
  return text.toLocaleLowerCase('ru').replace(/ё/g, 'е').replace(/[«»"“”„'‘’]/g, '').replace(/\s+/g, ' ').trim();
}

/** The school a typed text names: its list label, its name (when only one school has it) or its code. */
export function findSchool<S extends { id: string; name: string; label: string }>(schools: S[], typed: string): S | undefined {
  const k = matchKey(typed);
  if (!k) return undefined;
  const exact = schools.find((x) => matchKey(x.label) === k || x.id === typed.trim());
  if (exact) return exact;
  const byName = schools.filter((x) => matchKey(x.name) === k);
  return byName.length === 1 ? byName[0] : undefined;
}
