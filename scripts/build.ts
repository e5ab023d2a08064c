/**
 * npm run build [-- --data DIR] [--out DIR] [--previous DIR] [--date YYYY-MM-DD] [--force]
 * Builds the site from a dataset folder (default: the demo region) into dist/
 * (scripts/build-main.ts), with the C allocator's settings a large build needs
 * (src/lib/build/allocator.ts): started without them, it runs itself again with them.
 */
import { needsAllocatorRelaunch, relaunchWithAllocatorEnv } from '../src/lib/build/allocator.ts';

if (needsAllocatorRelaunch(process.env, process.platform)) process.exit(await relaunchWithAllocatorEnv());
await import('./build-main.ts');
