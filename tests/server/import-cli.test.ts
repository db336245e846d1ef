import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/test-app.js';

const root = resolve(import.meta.dirname, '../..');

// `npm run import -- FILE [--mode …] [--dry-run]`: an operator's import with a progress bar and the summary.
describe('npm run import', () => {
  const run = (dir: string, args: string[]) =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/imports/import-cli.ts', ...args], {
      cwd: root,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        TMPDIR: dir,
        DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}`,
        ADMIN_EMAIL: 'admin@cli.example.org',
        ADMIN_PASSWORD: 'correct horse battery staple',
        EMAIL_DOMAIN_CHECK: 'off',
        IMPORT_DIR: join(dir, 'uploads'),
      },
    }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );

  it('previews, imports, prints the summary and writes the failed rows next to the file', async () => {
    const dir = tempDir();
    const file = join(dir, 'people.csv');
    writeFileSync(file, 'name,email,role\nCli One,cli.one@cli.example.org,agent\nBad,not-an-email,\n');
    const preview = await run(dir, [file, '--dry-run']);
    expect(preview.code, preview.stderr).toBe(0);
    expect(preview.stdout).toContain('PREVIEWED: 2 rows read, 1 would be created, 0 would be updated, 0 unchanged, 1 failed.');
    const done = await run(dir, [file, '--mode', 'CREATE']);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toMatch(/100% 2\/2 rows/);
    expect(done.stdout).toContain('DONE: 2 rows read, 1 created, 0 updated, 0 unchanged, 1 failed.');
    expect(done.stdout).toContain('row 3, email: ');
    expect(existsSync(`${file}.failed.csv`)).toBe(true);
    expect(readFileSync(`${file}.failed.csv`, 'utf8').split('\r\n')[0]).toBe('name,email,role,errors');
    // cli.example.org is a reserved name: the row is written, with createUser's warning, listed next to the file.
    expect(done.stdout).toContain('Warnings: 1 (about rows written, or that would be).');
    expect(readFileSync(`${file}.warnings.csv`, 'utf8').split('\r\n')).toEqual([
      'row,column,code,message',
      expect.stringMatching(/^2,email,UNDELIVERABLE_RESERVED,.*cli\.one@cli\.example\.org/),
      '',
    ]);
    const bad = await run(dir, [file, '--mode', 'MERGE']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--mode must be one of CREATE, CREATE_OR_UPDATE, UPDATE.');
  }, 120_000);
});
