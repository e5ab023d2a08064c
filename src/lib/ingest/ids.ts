/**
 * Identifier normalisation declared in the manifest (`normalize: { school_id: { … } }`), so
 * that «105 201», «105201» and «105-201» are one school. Steps, in this order:
 *   replace — regular expression → replacement, in the order written;
 *   digits  — keep only the digits 0–9;
 *   pad     — zeros on the left up to this width («5201» with pad 6 → «005201»).
 */
export interface IdRule {
  digits?: boolean;
  replace?: Record<string, string>;
  pad?: number;
}

export function makeNormalizer(rule: IdRule): (s: string) => string {
  // A pattern that does not compile is reported by the manifest check and skipped here.
  const replace: Array<readonly [RegExp, string]> = [];
  for (const [re, to] of Object.entries(rule.replace ?? {})) {
    try {
      replace.push([new RegExp(re, 'gu'), to]);
    } catch {
      /* reported by manifest.ts */
    }
  }
  return (s: string) => {
    let v = s.trim();
    if (v === '') return s;
    for (const [re, to] of replace) v = v.replace(re, to);
    if (rule.digits) v = v.replace(/\D+/g, '');
    if (rule.pad && v !== '' && v.length < rule.pad) v = v.padStart(rule.pad, '0');
    return v;
  };
}
