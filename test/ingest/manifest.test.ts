import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../src/lib/ingest/manifest.ts';
import { evaluate, parseExpression, type Val } from '../../src/lib/ingest/expression.ts';
import { expandVars, REPO_ROOT } from '../../src/lib/ingest/index.ts';
import path from 'node:path';

describe('manifest', () => {
  it('reports every schema problem in Russian, with the line of the key and a hint', () => {
    const r = parseManifest(
      ['region:', '  name: X', '  dem: true', 'settings:', '  gap_score: foo', 'files:', '  - path: a.csv', '    kind: school', '    columns: { school_id: A }', ''].join('\n'),
      'dataset.yml',
    );
    expect(r.manifest).toBeUndefined();
    expect(r.problems.map((p) => [p.line, p.message])).toEqual([
      [3, 'region: неизвестный ключ «dem»'],
      [5, 'settings.gap_score: ожидается mean, share_high, share_below или share_good'],
      [8, 'files[1].kind: ожидается одно из: municipalities, schools, results, indicators, targets, partnerships'],
    ]);
    expect(r.problems.every((p) => p.hint)).toBe(true);
    expect(r.problems[1].value).toBe('foo');
  });
  it('missing required fields and source are reported per file', () => {
    const r = parseManifest('region: { name: X }\nfiles:\n  - path: r.csv\n    kind: results\n    columns: { school_id: A }\n', 'dataset.yml');
    const msgs = r.problems.map((p) => p.message);
    expect(msgs).toContain('files[1] (r.csv): не указан источник (source: publisher, title)');
    expect(msgs).toContain('files[1] (r.csv): не задано обязательное поле year для файла вида results');
    expect(r.problems.every((p) => p.line === 3 || p.line === 5)).toBe(true);
  });
  it('YAML syntax errors carry line and column', () => {
    const r = parseManifest('region:\n  name: [unclosed\nfiles: []\n', 'dataset.yml');
    expect(r.problems[0]).toMatchObject({ code: 'manifest-yaml', severity: 'error' });
    expect(r.problems[0].line).toBeGreaterThan(1);
  });
  it('${SHARED_DIR} expands from env, defaulting to ../shared beside the repository', () => {
    expect(expandVars('${SHARED_DIR}/datasets', { SHARED_DIR: '/data' })).toBe('/data/datasets');
    expect(expandVars('${SHARED_DIR}/x', {})).toBe(path.resolve(REPO_ROOT, '../shared') + '/x');
    const problems: never[] = [];
    expect(expandVars('${NOPE}/x', {}, problems)).toBeUndefined();
    expect(problems).toHaveLength(1);
  });
});

describe('expressions', () => {
  const env = (vals: Record<string, Val>) => ({
    get: (n: string) => vals[n] ?? { t: 'num' as const, state: 'missing' as const, value: null },
    toNum: (v: Val) => (v.t === 'num' ? v : { t: 'num' as const, state: 'value' as const, value: Number(v.s) }),
  });
  const num = (value: number): Val => ({ t: 'num', state: 'value', value });
  it('arithmetic with precedence and parentheses', () => {
    expect(evaluate(parseExpression('100 * a / (b + 1) - -2'), env({ a: num(3), b: num(5) }))).toEqual(num(52));
  });
  it('left and concat for identifiers', () => {
    const e = env({ DBN: { t: 'str', s: '01M292' } });
    expect(evaluate(parseExpression("concat('Округ ', left(DBN, 2))"), e)).toEqual({ t: 'str', s: 'Округ 01' });
    expect(evaluate(parseExpression('left(`DBN`, 3)'), e)).toEqual({ t: 'str', s: '01M' });
  });
  it('rejects anything else', () => {
    for (const bad of ['a.b', 'process.exit(1)', 'a ** 2', 'eval("1")', '1 +', 'a[0]', 'x = 1']) {
      expect(() => parseExpression(bad), bad).toThrow();
    }
  });
});
