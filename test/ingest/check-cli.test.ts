/** scripts/check.ts on hostile input: Russian lines, location first, never a stack trace. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../../src/lib/ingest/index.ts';

const run = (...args: string[]) => spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts/check.ts'), ...args], { encoding: 'utf8' });

describe('npm run check on bad input', () => {
  it('an unknown option: exit 2 with usage, no stack trace', () => {
    const r = run('--dat', 'x');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("ошибка: неверные аргументы (Unknown option '--dat').");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
  it('an XLSX under a .csv name and a path out of the folder: located Russian errors, exit 1', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'check-cli-'));
    try {
      writeFileSync(path.join(dir, 'dataset.yml'), [
        'region: { name: Проверка }',
        'source: { publisher: Тест, title: Тест }',
        'files:',
        '  - path: s.csv',
        '    kind: schools',
        '    columns: { school_id: id, name: name, municipality_id: mun }',
        '',
      ].join('\n'));
      writeFileSync(path.join(dir, 's.csv'), Buffer.from('PK\u0003\u0004\u0014\u0000[Content_Types].xml xl/workbook.xml', 'latin1'));
      const r = run('--data', dir);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('s.csv:1:1: ошибка: Это не CSV-файл: книга Excel (XLSX). Подсказка: откройте файл в Excel или LibreOffice Calc и сохраните как «CSV UTF-8»');
      expect(r.stderr).toMatch(/ошибок 1, предупреждений 0\. Набор не прошёл проверку\./);
      writeFileSync(path.join(dir, 'dataset.yml'), 'region: { name: X }\nsource: { publisher: Т, title: Т }\nfiles:\n  - { path: /etc/passwd, kind: schools, columns: { school_id: a, name: b, municipality_id: c } }\n');
      const r2 = run('--data', dir);
      expect(r2.status).toBe(1);
      expect(r2.stderr).toContain('dataset.yml:4:7: ошибка: path: абсолютный путь не допускается (значение «/etc/passwd»).');
      expect(r2.stderr).not.toContain('root:');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
