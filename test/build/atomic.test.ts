/**
 * Atomic publishing, end to end in child processes: a build that fails — on bad data, or
 * by crashing after everything was staged, or by being killed outright — leaves the
 * previously published site byte for byte as it was, and (once the next build has run,
 * for a killed one) no staging folders beside it.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCli, runScript } from '../helpers/build-cli.ts';
import { site } from '../helpers/site-files.ts';
import { fingerprint, withBuildLock } from '../security/build-helpers.ts';

const FIXTURE = resolve('test/fixtures/site-small');

/** A published site to protect: a copy of the fixture's build. */
function published(): { root: string; out: string; before: Record<string, string> } {
  const root = mkdtempSync(join(tmpdir(), 'atomic-'));
  const out = join(root, 'public_html');
  cpSync(site('small'), out, { recursive: true });
  return { root, out, before: fingerprint(out) };
}

/** A copy of the fixture with one mean score spoiled: `54,7` becomes `5x,1` in ege.csv, line 2. */
function corruptFixture(root: string): { data: string; file: string; line: number } {
  const data = join(root, 'data');
  cpSync(FIXTURE, data, { recursive: true });
  const file = join(data, 'ege.csv');
  const lines = readFileSync(file, 'utf8').split('\n');
  const cells = lines[1].split(';');
  expect(cells[4]).toMatch(/^\d+,\d$/);
  cells[4] = '5x,1';
  lines[1] = cells.join(';');
  writeFileSync(file, lines.join('\n'));
  return { data, file: 'ege.csv', line: 2 };
}

/** Runs `body` as a script of its own (a child process, under the build lock), with `buildSite` imported. */
function runBuildScript(root: string, name: string, body: string, imports = '') {
  const script = join(root, name);
  writeFileSync(script, `${imports}import { buildSite } from ${JSON.stringify(resolve('src/lib/build/pipeline.ts'))};\n${body}`);
  return withBuildLock(() => runScript(script, []));
}

function leftovers(root: string): string[] {
  return readdirSync(root).filter((e) => e.includes('.staging-') || e.includes('.old-') || e.endsWith('.model'));
}

describe('a failed build leaves the published site untouched', () => {
  it('bad CSV: exits 1, prints file:line:column, changes nothing', async () => {
    const { root, out, before } = published();
    const bad = corruptFixture(root);
    const r = await buildCli(bad.data, out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`ege.csv:${bad.line}:5: `);
    expect(r.stderr).toContain('5x,1');
    expect(fingerprint(out)).toEqual(before);
    expect(leftovers(root)).toEqual([]);
    expect(readdirSync(root).sort()).toEqual(['data', 'public_html']);
  });

  it('crash after the whole site was staged: old site stays, staging is removed', async () => {
    const { root, out, before } = published();
    const marker = join(root, 'staged-at.txt');
    const r = await runBuildScript(
      root,
      'crash.ts',
      `await buildSite({
  dataDir: ${JSON.stringify(FIXTURE)},
  outDir: ${JSON.stringify(out)},
  beforeCommit: (dir) => {
    writeFileSync(${JSON.stringify(marker)}, dir + '\\n' + existsSync(dir + '/index.html'));
    throw new Error('simulated crash before the swap');
  },
});
`,
      `import { writeFileSync, existsSync } from 'node:fs';\n`,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('simulated crash before the swap');
    // The hook really ran on a complete staged site…
    const [stagedDir, hadIndex] = readFileSync(marker, 'utf8').split('\n');
    expect(stagedDir).toContain('.public_html.staging-');
    expect(hadIndex).toBe('true');
    // …and none of it reached the published folder.
    expect(existsSync(stagedDir)).toBe(false);
    expect(fingerprint(out)).toEqual(before);
    expect(leftovers(root)).toEqual([]);
  });

  it('failure while Astro is already rendering the pages written so far: old site stays, the build ends', async () => {
    const { root, out, before } = published();
    // The Astro thread is waiting for the thirteenth page. The build must stop it: the
    // script ends by itself (no process.exit), so a thread left running would hang it
    // until the test's time limit, and could write into the staging folder it removed.
    const r = await runBuildScript(
      root,
      'model-fails.ts',
      `let written = 0;
try {
  await buildSite({
    dataDir: ${JSON.stringify(FIXTURE)},
    outDir: ${JSON.stringify(out)},
    afterPage: () => {
      if (++written === 12) throw new Error('simulated failure of the site model');
    },
  });
} catch (err) {
  console.error(err.message);
  process.exitCode = 1;
}
`,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('simulated failure of the site model');
    expect(fingerprint(out)).toEqual(before);
    expect(leftovers(root)).toEqual([]);
  });

  it('killed outright: old site stays, the next build sweeps the remains', async () => {
    const { root, out, before } = published();
    const r = await runBuildScript(
      root,
      'kill.ts',
      `await buildSite({
  dataDir: ${JSON.stringify(FIXTURE)},
  outDir: ${JSON.stringify(out)},
  beforeCommit: () => { process.kill(process.pid, 'SIGKILL'); },
});
`,
    );
    expect(r.code).not.toBe(0);
    expect(fingerprint(out)).toEqual(before);
    // No process could clean up: its staging folders are still there…
    expect(leftovers(root).length).toBeGreaterThan(0);
    // …until the next build (here one that fails on its data) sweeps them.
    const bad = corruptFixture(root);
    const again = await buildCli(bad.data, out);
    expect(again.code).toBe(1);
    expect(leftovers(root)).toEqual([]);
    expect(fingerprint(out)).toEqual(before);
  });
});
