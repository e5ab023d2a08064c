/**
 * Runs `scripts/build.ts` in a child process. Astro keeps module and route caches per
 * process, so two sites must never be built in the same one: tests build each site
 * the way a user does, from the command line.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runScript(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((ok) => {
    execFile(
      process.execPath,
      [resolve('scripts', script), ...args],
      { cwd: process.cwd(), env: { ...process.env, ...env }, maxBuffer: 64 << 20 },
      (err, stdout, stderr) => ok({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

export function buildCli(dataDir: string, outDir: string, env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return runScript('build.ts', ['--data', resolve(dataDir), '--out', resolve(outDir)], env);
}
