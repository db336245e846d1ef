// `npm run build`: the admin app (Vite, production mode) into dist/client and
// the server (tsc) into dist/server. `npm start` runs it with --if-stale: a part
// is built only when its output is missing or its inputs (sources, config,
// lockfile) changed since it was built, so a restart with nothing changed does
// not wait for a build.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const COMMON = ['package.json', 'package-lock.json'];

/** What each part is built from, what proves it is there, and how it is built. */
export const PARTS = {
  client: {
    inputs: ['client', 'vite.config.ts', 'schema.graphql', ...COMMON],
    output: 'dist/client/index.html',
    build: (root) =>
      // NODE_ENV and --mode both: under Vitest (NODE_ENV=test) Vite would otherwise make a development bundle.
      run(root, 'vite', ['build', '--mode', 'production', '--logLevel', 'warn'], { NODE_ENV: 'production' }),
  },
  server: {
    inputs: ['server', 'tsconfig.json', 'tsconfig.server.json', ...COMMON],
    output: 'dist/server/main.js',
    build: (root) => {
      rmSync(resolve(root, 'dist/server'), { recursive: true, force: true }); // no compiled leftovers of deleted sources
      run(root, 'tsc', ['-p', 'tsconfig.server.json']);
    },
  },
};

function run(root, bin, args, env = {}) {
  execFileSync(resolve(root, 'node_modules/.bin', bin), args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
}

function files(root, path) {
  const full = resolve(root, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full, { withFileTypes: true })
    .filter((e) => e.name !== 'node_modules' && !e.name.startsWith('.'))
    .flatMap((e) => files(root, join(path, e.name)));
}

/** A hash of the names and contents of a part's inputs. */
export function inputsHash(root, part) {
  const hash = createHash('sha256');
  for (const file of PARTS[part].inputs.flatMap((p) => files(root, p)).sort()) {
    hash.update(`${relative(root, resolve(root, file))}\0`);
    hash.update(readFileSync(resolve(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

const recordPath = (root, part) => resolve(root, 'dist/.build', `${part}.json`);

/** Why a part must be built, or null when its build is up to date. */
export function staleReason(root, part) {
  const output = resolve(root, PARTS[part].output);
  if (!existsSync(output)) return 'not built yet';
  let record;
  try {
    record = JSON.parse(readFileSync(recordPath(root, part), 'utf8'));
  } catch {
    return 'built by other means';
  }
  if (record.outputMtimeMs !== statSync(output).mtimeMs) return 'built by other means since';
  if (record.inputs !== inputsHash(root, part)) return 'sources changed';
  return null;
}

/** Notes that the part's output was built from these inputs. */
export function recordBuild(root, part, inputs) {
  mkdirSync(dirname(recordPath(root, part)), { recursive: true });
  const outputMtimeMs = statSync(resolve(root, PARTS[part].output)).mtimeMs;
  writeFileSync(recordPath(root, part), `${JSON.stringify({ inputs, outputMtimeMs }, null, 2)}\n`);
}

/** Builds every part (or, with ifStale, only those that need it). Returns the parts built. */
export function build(root, { ifStale = false, parts = Object.keys(PARTS), log = console.log } = {}) {
  const built = [];
  for (const part of parts) {
    const reason = ifStale ? staleReason(root, part) : 'asked';
    if (!reason) continue;
    if (ifStale) log(`[build] ${part}: ${reason}, building…`);
    const inputs = inputsHash(root, part); // before building: an edit made meanwhile shows next time
    PARTS[part].build(root);
    recordBuild(root, part, inputs);
    built.push(part);
  }
  return built;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    build(resolve(import.meta.dirname, '..'), { ifStale: process.argv.includes('--if-stale') });
  } catch (err) {
    console.error(`The build failed${err.status ? ` (exit ${err.status})` : ''}: see the messages above.`);
    process.exit(1);
  }
}
