/** A generated demo region on disk, for tests that load a dataset folder. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { DemoOptions } from '../../src/lib/demo/index.ts';
import { writeDemo } from './demo-files.ts';

/** A demo region in a temporary folder, removed after the test file. Call at collection time. */
export function demoDir(prefix: string, options: Partial<DemoOptions>): () => string {
  const dir = mkdtempSync(join(os.tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let written = false;
  // Written on first use, inside the test (generating a large region takes seconds).
  return () => {
    if (!written) writeDemo(dir, options);
    written = true;
    return dir;
  };
}
