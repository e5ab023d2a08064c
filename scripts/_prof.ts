import { readFileSync, readdirSync } from 'node:fs';
const dir = process.argv[2];
const f = readdirSync(dir).filter((x) => x.endsWith('.cpuprofile')).map((x) => `${dir}/${x}`);
for (const file of f) {
  const p = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(p.nodes.map((n: any) => [n.id, n]));
  const self = new Map<number, number>();
  const dt = p.timeDeltas as number[];
  p.samples.forEach((id: number, i: number) => self.set(id, (self.get(id) ?? 0) + (dt[i] ?? 0)));
  const byFn = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (const [id, t] of self) {
    const n: any = byId.get(id);
    const cf = n.callFrame;
    const k = `${cf.functionName || '(anon)'} ${cf.url.replace(/.*\/(node_modules\/[^/]+|src\/.*)/, '$1')}:${cf.lineNumber}`;
    byFn.set(k, (byFn.get(k) ?? 0) + t);
    const fk = cf.url.replace(/.*\/(node_modules\/(@[^/]+\/)?[^/]+|src\/lib\/[^/]+|src\/[^/]+).*/, '$1') || cf.functionName;
    byFile.set(fk, (byFile.get(fk) ?? 0) + t);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(file, 'total', (total / 1e6).toFixed(1), 's');
  console.log([...byFile].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, t]) => `${(t / 1e6).toFixed(2)}s ${k}`).join('\n'));
  console.log('---');
  console.log([...byFn].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, t]) => `${(t / 1e6).toFixed(2)}s ${k}`).join('\n'));
}
