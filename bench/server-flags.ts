import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The flags `npm start` gives Node (package.json's start script is their one
 * place), so the benches measure the server as it is run. BENCH_NODE_DEFAULTS=1:
 * none, to measure Node's defaults.
 */
export function serverNodeFlags(): string[] {
  if (process.env.BENCH_NODE_DEFAULTS === '1') return [];
  const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, '../package.json'), 'utf8')) as { scripts: { start: string } };
  const m = /node((?: --\S+)*) dist\/server\/main\.js/.exec(pkg.scripts.start);
  if (!m) throw new Error('package.json: the start script does not run dist/server/main.js');
  return m[1].trim().split(/\s+/).filter(Boolean);
}
