// `npm run lint`: ESLint and Prettier over the whole tree, and dependency-cruiser's check for import cycles
// (.dependency-cruiser.cjs), side by side: each is one process on one core. Each tool's output is printed whole
// once it ends; the exit code fails if any did.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const bin = (name) => (name === 'npm' ? 'npm' : resolve(import.meta.dirname, '../node_modules/.bin', name));
const run = (name, args) =>
  new Promise((done) => {
    const child = spawn(bin(name), args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => {
      process.stdout.write(output);
      done(code ?? 1);
    });
  });

// ESLint and Prettier keep a cache of the files they found clean (in node_modules/.cache, never committed): a second
// run checks only what changed. The cycle check reads every module's imports each time (a few seconds), since a cycle
// may close anywhere.
const cache = (tool) => resolve(import.meta.dirname, '../node_modules/.cache', tool);
const codes = await Promise.all([
  run('eslint', ['.', '--max-warnings', '0', '--cache', '--cache-strategy', 'content', '--cache-location', `${cache('eslint')}/`]),
  run('prettier', ['--check', '.', '--cache', '--cache-location', cache('prettier.json')]),
  run('npm', ['run', '--silent', 'lint:cycles']),
]);
process.exit(codes.some((c) => c !== 0) ? 1 : 0);
