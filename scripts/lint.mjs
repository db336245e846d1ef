// `npm run lint`: ESLint and Prettier over the whole tree, side by side (each
// is one process on one core; one after the other they took over 30 s, side by side about 35 s on a cold cache). Each
// tool's output is printed whole once it ends; the exit code fails if either did.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const bin = (name) => resolve(import.meta.dirname, '../node_modules/.bin', name);
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

// Both keep a cache of the files they found clean (in node_modules/.cache, never committed): a second run checks only
// what changed. A cycle that a change makes always runs through the changed file, which is checked again.
const cache = (tool) => resolve(import.meta.dirname, '../node_modules/.cache', tool);
const codes = await Promise.all([
  run('eslint', ['.', '--max-warnings', '0', '--cache', '--cache-strategy', 'content', '--cache-location', `${cache('eslint')}/`]),
  run('prettier', ['--check', '.', '--cache', '--cache-location', cache('prettier.json')]),
]);
process.exit(codes.some((c) => c !== 0) ? 1 : 0);
