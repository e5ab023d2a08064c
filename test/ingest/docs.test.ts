/**
 * The message examples in docs/dataset-format.md are real output: every example line must be
 * printed, character for character, by loading the docs-examples datasets.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadDataset, REPO_ROOT } from '../../src/lib/ingest/index.ts';
import { formatProblem } from '../../src/lib/model/types.ts';
import { FIX } from './helpers.ts';
import { parse } from 'yaml';
import { makeNormalizer } from '../../src/lib/ingest/ids.ts';
import { IdRuleSchema, parseManifest } from '../../src/lib/ingest/manifest.ts';

const MARK = '<!-- примеры сообщений: test/ingest/docs.test.ts -->';

function docExamples(): string[] {
  const doc = readFileSync(path.join(REPO_ROOT, 'docs/dataset-format.md'), 'utf8');
  const at = doc.indexOf(MARK);
  expect(at, 'marker of the examples block').toBeGreaterThan(0);
  const block = /```\n([\s\S]*?)```/.exec(doc.slice(at))!;
  return block[1].split('\n').filter((l) => l.trim() !== '');
}

describe('docs/dataset-format.md', () => {
  it('message examples match real output and put the location first', async () => {
    const printed = new Set<string>();
    for (const d of ['data', 'manifest', 'paths']) {
      const ds = await loadDataset(path.join(FIX, 'docs-examples', d), { env: {} });
      for (const p of ds.problems) printed.add(formatProblem(p));
    }
    const examples = docExamples();
    expect(examples.length).toBeGreaterThanOrEqual(5);
    for (const e of examples) {
      expect(e).toMatch(/^[^:\s]+(:\d+){0,2}: (ошибка|предупреждение): /);
      expect(printed, `not printed: ${e}`).toContain(e);
    }
  });
  it('the format line of the docs is location-first', () => {
    const doc = readFileSync(path.join(REPO_ROOT, 'docs/dataset-format.md'), 'utf8');
    expect(doc).toContain('файл:строка:колонка: ошибка: что не так (значение «…»). Подсказка: как исправить');
    expect(doc).not.toMatch(/^ошибка: \S+:\d+/m);
  });
  it('the normalize example works as its comments say', () => {
    const doc = readFileSync(path.join(REPO_ROOT, 'docs/dataset-format.md'), 'utf8');
    const at = doc.indexOf('### Нормализация идентификаторов');
    const y = parse(/```yaml\n([\s\S]*?)```/.exec(doc.slice(at))![1]);
    const rule = (r: unknown) => makeNormalizer(IdRuleSchema.parse(r));
    const school = rule(y.normalize.school_id);
    expect(['105 201', '105-201', '105\u00a0201', '105201'].map(school)).toEqual(Array(4).fill('105201'));
    expect(rule(y.normalize.municipality_id)('МО 5')).toBe('05');
    expect(rule(y.files[0].normalize.school_id)('5201')).toBe('005201');
  });
  it('the full example is a valid manifest', () => {
    const doc = readFileSync(path.join(REPO_ROOT, 'docs/dataset-format.md'), 'utf8');
    const r = parseManifest(/```yaml\n([\s\S]*?)```/.exec(doc)![1], 'dataset.yml');
    expect(r.problems).toEqual([]);
    expect(r.manifest).toMatchObject({ current_year: 2025, normalize: { school_id: { digits: true } } });
    expect(r.manifest!.files.map((f) => f.kind)).toEqual(['schools', 'results']);
  });
});
