import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// `npm run lint`, as part of `npm test`: ESLint (typescript-eslint, eslint-plugin-vue,
// import cycles refused) and Prettier over the whole tree.
//
// EXPECTED TO FAIL until issue 7's branches are merged and the lead runs
// `npm run format` and the lint fixes over the whole tree: the tooling came in
// while other branches were still editing the code, so the tree was not
// reformatted then. It is not skipped: a red line here is work left to do.

const root = resolve(import.meta.dirname, '../..');

function run(bin: string, args: string[]) {
  const r = spawnSync(resolve(root, 'node_modules/.bin', bin), args, { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const output = `${r.stdout}${r.stderr}`.trim();
  // Enough of the report to act on, without flooding the run's log.
  return { status: r.status, report: output.length > 6000 ? `${output.slice(0, 6000)}\n… (run \`npm run lint\` for the rest)` : output };
}

describe('lint (fails until the tree is formatted and fixed after issue 7 is merged)', () => {
  it('ESLint finds no problem', () => {
    const { status, report } = run('eslint', ['.', '--max-warnings', '0']);
    expect(status, report).toBe(0);
  });

  it('every file is formatted as Prettier formats it (`npm run format`)', () => {
    const { status, report } = run('prettier', ['--check', '.']);
    expect(status, report).toBe(0);
  });
});
