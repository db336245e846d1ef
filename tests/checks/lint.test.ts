import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// `npm run lint`, as part of `npm test`: ESLint (typescript-eslint, eslint-plugin-vue) and Prettier over the whole
// tree, and no import cycle (dependency-cruiser, `npm run lint:cycles`).

const root = resolve(import.meta.dirname, '../..');

function run(bin: string, args: string[]) {
  const r = spawnSync(resolve(root, 'node_modules/.bin', bin), args, { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const output = `${r.stdout}${r.stderr}`.trim();
  // Enough of the report to act on, without flooding the run's log.
  return { status: r.status, report: output.length > 6000 ? `${output.slice(0, 6000)}\n… (run \`npm run lint\` for the rest)` : output };
}

describe('lint', () => {
  it('ESLint finds no problem', () => {
    const { status, report } = run('eslint', ['.', '--max-warnings', '0']);
    expect(status, report).toBe(0);
  });

  it('every file is formatted as Prettier formats it (`npm run format`)', () => {
    const { status, report } = run('prettier', ['--check', '.']);
    expect(status, report).toBe(0);
  });

  it('no module imports itself back through others (import cycles)', () => {
    const r = spawnSync('npm', ['run', '--silent', 'lint:cycles'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
    // It read the tree: the summary counts the modules it followed (hundreds, .vue files included).
    expect(Number(/\((\d+) modules/.exec(r.stdout)?.[1] ?? 0)).toBeGreaterThan(500);
  });
});
