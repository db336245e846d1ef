import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { build, recordBuild, inputsHash, staleReason } from '../../scripts/build.mjs';
import { tempDir } from '../helpers/test-app.js';

// `npm start` builds only what is missing or stale (scripts/build.mjs). Here on a
// small stand-in project: the real build is what the e2e tests use and check.

let root: string;

function write(path: string, text: string) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** As after a successful build of both parts. */
function built() {
  write('dist/client/index.html', '<!doctype html>');
  write('dist/server/main.js', 'export {}');
  for (const part of ['client', 'server'] as const) recordBuild(root, part, inputsHash(root, part));
}

beforeEach(() => {
  root = tempDir('accueil-build-');
  write('client/index.html', '<div id="app"></div>');
  write('client/src/main.ts', 'export const a = 1;');
  write('vite.config.ts', 'export default {}');
  write('server/main.ts', 'export const b = 2;');
  write('tsconfig.json', '{}');
  write('tsconfig.server.json', '{}');
  write('package.json', '{"name":"x"}');
  write('package-lock.json', '{"lockfileVersion":3}');
});

describe('what needs a build', () => {
  it('everything, before the first build', () => {
    expect(staleReason(root, 'client')).toBe('not built yet');
    expect(staleReason(root, 'server')).toBe('not built yet');
  });

  it('nothing, right after a build: a restart builds nothing', () => {
    built();
    expect(staleReason(root, 'client')).toBeNull();
    expect(staleReason(root, 'server')).toBeNull();
    expect(build(root, { ifStale: true, log: () => {} })).toEqual([]);
  });

  it('the part whose sources changed, and only that one', () => {
    built();
    write('client/src/main.ts', 'export const a = 2;');
    expect(staleReason(root, 'client')).toBe('sources changed');
    expect(staleReason(root, 'server')).toBeNull();
    write('client/src/main.ts', 'export const a = 1;'); // undone: the build matches again
    expect(staleReason(root, 'client')).toBeNull();
    write('server/new-feature/thing.ts', 'export {}'); // a new file counts
    expect(staleReason(root, 'server')).toBe('sources changed');
  });

  it('both parts when the lockfile or package.json changes; each part when its config changes', () => {
    built();
    write('package-lock.json', '{"lockfileVersion":3,"packages":{}}');
    expect(staleReason(root, 'client')).toBe('sources changed');
    expect(staleReason(root, 'server')).toBe('sources changed');
    built();
    write('vite.config.ts', 'export default { base: "/" }');
    expect(staleReason(root, 'client')).toBe('sources changed');
    write('tsconfig.server.json', '{"compilerOptions":{}}');
    expect(staleReason(root, 'server')).toBe('sources changed');
  });

  it('a part whose output is gone or was rebuilt by other means (a development bundle, say)', () => {
    built();
    write('dist/client/index.html', '<!doctype html><!-- dev -->');
    utimesSync(join(root, 'dist/client/index.html'), new Date(), new Date(Date.now() + 5000));
    expect(staleReason(root, 'client')).toBe('built by other means since');
    write('dist/.build/server.json', 'not json');
    expect(staleReason(root, 'server')).toBe('built by other means');
  });

  it('a file only touched (same content) needs no build', () => {
    built();
    utimesSync(join(root, 'server/main.ts'), new Date(), new Date(Date.now() + 5000));
    expect(staleReason(root, 'server')).toBeNull();
  });
});
