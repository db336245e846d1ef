import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/** The end-to-end tests drive the built admin app, as `npm start` serves it. */
export default function buildClient(): void {
  const root = resolve(import.meta.dirname, '../..');
  execFileSync(resolve(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}
