/**
 * npm run preview [-- --dir dist] [--port 4321]
 * Serves the built site on 127.0.0.1 (static files only, for looking at a build).
 */
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { serveStatic } from '../src/lib/build/serve.ts';
import { REPO_ROOT } from '../src/lib/build/pipeline.ts';

const { values } = parseArgs({
  options: { dir: { type: 'string', default: join(REPO_ROOT, 'dist') }, port: { type: 'string', default: '4321' } },
});
const server = await serveStatic(values.dir!, Number(values.port));
console.log(`Сайт: http://127.0.0.1:${(server.address() as { port: number }).port}/  (Ctrl+C — остановить)`);
