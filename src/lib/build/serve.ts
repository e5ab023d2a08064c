/**
 * A tiny static file server for preview and browser tests: directory URLs serve
 * index.html, and the headers of deploy/nginx.conf (src/lib/build/security.ts) are sent
 * too, so browser tests see what production sends.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { securityHeaders } from './security.ts';

export { securityHeaders };

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
};

export function serveStatic(dir: string, port = 0): Promise<Server> {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      let path = decodeURIComponent(url.pathname);
      let file = normalize(join(root, path));
      // A sibling folder sharing the prefix (dist-old/ beside dist/) is outside too.
      if (file !== root && !file.startsWith(root + sep)) {
        res.writeHead(403).end();
        return;
      }
      const s = await stat(file).catch(() => null);
      if (s?.isDirectory()) {
        if (!path.endsWith('/')) {
          res.writeHead(301, { Location: `${path}/` }).end();
          return;
        }
        file = join(file, 'index.html');
      }
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', ...securityHeaders(path) });
      res.end(body);
    } catch {
      const notFound = await readFile(join(root, '404.html')).catch(() => Buffer.from('Не найдено'));
      res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', ...securityHeaders('/404.html') }).end(notFound);
    }
  });
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(server)));
}
