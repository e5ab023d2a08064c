/**
 * The C allocator's settings a large build runs with, and the relaunch that applies them.
 *
 * glibc's malloc raises its mmap threshold each time a large buffer is freed (from 128 KB up
 * to 32 MB): later buffers of that size come from the arenas of the threads that made them,
 * and memory freed in an arena is seldom given back to the system. A build reads its files in
 * worker threads and moves typed arrays between threads, so the freed text, chunks and
 * columns of one stage stayed in the process's resident memory through the next: nationally
 * ~1.2 GB above what was in use when the metrics started (1.9 GB resident with the threshold
 * fixed, 3.1 GB without; peak of the data stages 4.1 against 5.1 GB). Fixing the threshold at
 * its first value (MALLOC_MMAP_THRESHOLD_) turns that adjustment off: every large buffer is
 * its own mapping, returned to the system when freed.
 *
 * glibc reads the variable when the process starts, so a build started without it runs itself
 * again with it, forwarding signals (a stopped build still cleans up after itself) and its
 * exit code. Elsewhere than Linux, or with the variable already set, nothing happens.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

export const ALLOCATOR_ENV: Readonly<Record<string, string>> = { MALLOC_MMAP_THRESHOLD_: '131072' };

export function needsAllocatorRelaunch(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): boolean {
  return platform === 'linux' && Object.keys(ALLOCATOR_ENV).some((k) => env[k] === undefined);
}

/** Runs this same script again with ALLOCATOR_ENV set; resolves to the exit code to leave with. */
export function relaunchWithAllocatorEnv(): Promise<number> {
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit', env: { ...process.env, ...ALLOCATOR_ENV } });
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
  for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(s, forward(s));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    // A child stopped by a signal leaves as a shell reports it: 128 + the signal's number.
    child.on('exit', (code, signal) => resolve(code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 1)));
  });
}
