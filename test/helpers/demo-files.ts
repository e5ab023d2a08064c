/** Demo region files on disk (no vitest here: the global setup writes fixtures with it too). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateDemo, type DemoOptions } from '../../src/lib/demo/index.ts';

/** Write the demo region's files (dataset.yml included) into `dir`; returns them. */
export function writeDemo(dir: string, options: Partial<DemoOptions>): Record<string, Uint8Array> {
  const { files } = generateDemo(options);
  for (const [path, data] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), data);
  }
  return files;
}
