import { createServer, type Server } from 'node:net';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectMysql } from '../../server/db/data-source.js';
import { dropMysqlDatabase, mysqlBaseUrl, testDialects } from '../helpers/databases.js';
import { startServerProcess } from '../helpers/server-process.js';
import { removeTempDir, tempDir } from '../helpers/test-app.js';

// `server/main.ts` in a child process, as a person starts it: what it prints and how it ends.

let tmp: string;
let occupied: Server;
let busyPort: number;

/** A port nothing listens on (taken, then given back). */
async function closedPort(): Promise<number> {
  const s = createServer().listen(0, '127.0.0.1');
  await new Promise((ok) => s.once('listening', ok));
  const { port } = s.address() as { port: number };
  await new Promise((ok) => s.close(ok));
  return port;
}

async function mysqlDatabaseExists(name: string): Promise<boolean> {
  const conn = await connectMysql(`${mysqlBaseUrl}/x`);
  try {
    const [rows] = await conn.query('SHOW DATABASES LIKE ?', [name]);
    return (rows as unknown[]).length > 0;
  } finally {
    await conn.end();
  }
}

/** Starts the server and expects it to stop with exactly this one line on stderr. */
async function expectRefusal(env: Record<string, string>, line: string | RegExp, exitCode = 1) {
  const ended = await startServerProcess(env, tmp).exited();
  expect(ended.stderr.trim().split('\n')).toEqual([typeof line === 'string' ? line : expect.stringMatching(line)]);
  expect(ended.code).toBe(exitCode);
  expect(ended.stdout).not.toContain('listening');
  return ended;
}

beforeAll(async () => {
  tmp = tempDir('accueil-startup-');
  occupied = createServer().listen(0, '0.0.0.0');
  await new Promise((ok) => occupied.once('listening', ok));
  busyPort = (occupied.address() as { port: number }).port;
});

afterAll(async () => {
  await new Promise((ok) => occupied?.close(ok));
  removeTempDir(tmp);
});

describe.each(testDialects())('a port already in use (%s)', (dialect) => {
  it('stops at once with one line naming the port, before it creates anything', async () => {
    const name = `accueil_port_${randomBytes(4).toString('hex')}`;
    const sqliteDir = join(tmp, name);
    const databaseUrl = dialect === 'mysql' ? `${mysqlBaseUrl}/${name}` : `sqlite:${join(sqliteDir, 'accueil.sqlite')}`;
    try {
      await expectRefusal(
        { PORT: String(busyPort), DATABASE_URL: databaseUrl },
        `Accueil cannot start: port ${busyPort} is already in use (set PORT to another port).`,
      );
      // No database, so no first admin and no migration either.
      if (dialect === 'mysql') expect(await mysqlDatabaseExists(name)).toBe(false);
      else expect(existsSync(sqliteDir)).toBe(false);
    } finally {
      if (dialect === 'mysql') await dropMysqlDatabase(name);
    }
  });
});

describe('a database that cannot be reached', () => {
  it('names the MySQL server that refuses connections', async () => {
    const port = await closedPort();
    await expectRefusal(
      { PORT: '0', DATABASE_URL: `mysql://root:secret-pw@127.0.0.1:${port}/accueil` },
      new RegExp(`^Accueil cannot start: cannot reach MySQL at 127\\.0\\.0\\.1:${port}: connection refused`),
    );
  });

  it('names a host that does not exist', async () => {
    await expectRefusal(
      { PORT: '0', DATABASE_URL: 'mysql://root@no-such-host.invalid:3306/accueil' },
      /^Accueil cannot start: cannot reach MySQL at no-such-host\.invalid:3306: unknown host/,
    );
  });

  it('says a file is in the way of the SQLite folder', async () => {
    const file = join(tmp, 'a-file');
    writeFileSync(file, 'not a folder');
    await expectRefusal(
      { PORT: '0', DATABASE_URL: `sqlite:${join(file, 'accueil.sqlite')}` },
      `Accueil cannot start: cannot create the SQLite database at ${join(file, 'accueil.sqlite')}: a file is in the way of its folder.`,
    );
  });

  it('says a file is not a SQLite database', async () => {
    const file = join(tmp, 'notes.txt');
    writeFileSync(file, 'hello, this is not a database');
    await expectRefusal({ PORT: '0', DATABASE_URL: `sqlite:${file}` }, `Accueil cannot start: ${file} is not a SQLite database.`);
  });
});

describe.each(testDialects().filter((d) => d === 'mysql'))('a %s server that refuses the user', () => {
  it('says access denied, naming the user but never the password', async () => {
    const base = new URL(mysqlBaseUrl);
    const ended = await expectRefusal(
      { PORT: '0', DATABASE_URL: `mysql://nobody-${randomBytes(3).toString('hex')}:Wrong-Pw-42@${base.host}/accueil` },
      new RegExp(
        `^Accueil cannot start: MySQL at ${base.hostname.replace(/\./g, '\\.')}:${base.port || 3306} refused user "nobody-[0-9a-f]+": access denied`,
      ),
    );
    expect(ended.stderr).not.toContain('Wrong-Pw-42');
  });
});

describe('configuration', () => {
  it('refuses a LOG_LEVEL that is not a pino level, in one line, before it creates anything', async () => {
    const dir = join(tmp, 'config');
    await expectRefusal(
      { LOG_LEVEL: 'verbose', DATABASE_URL: `sqlite:${join(dir, 'accueil.sqlite')}` },
      'Accueil cannot start: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, not "verbose".',
      2,
    );
    expect(existsSync(dir)).toBe(false);
  });
});

describe('a good start', () => {
  it('listens, serves, and stops cleanly on SIGTERM', async () => {
    const dir = join(tmp, 'good');
    mkdirSync(dir);
    const server = startServerProcess(
      {
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: `sqlite:${join(dir, 'accueil.sqlite')}`,
        ADMIN_EMAIL: 'admin@acme.io',
        ADMIN_PASSWORD: 'a long enough passphrase',
      },
      tmp,
    );
    const port = await server.listening();
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(await res.json()).toEqual({ ok: true });
    server.child.kill('SIGTERM');
    const ended = await server.exited();
    expect(ended.code).toBe(0);
    expect(ended.stderr).toBe('');
  });
});

describe('npm run migrate', () => {
  /** `server/db/migrate-cli.ts` as `npm run migrate` runs it, with only these variables. */
  async function migrate(env: Record<string, string>) {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/db/migrate-cli.ts'], {
      cwd: join(import.meta.dirname, '../..'),
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', TMPDIR: tmp, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const code = await new Promise<number | null>((ok) => child.on('close', ok));
    return { code, stdout, stderr };
  }

  it('says in one line why it cannot reach the database, and exits 1', async () => {
    const port = await closedPort();
    const ended = await migrate({ DATABASE_URL: `mysql://root:secret-pw@127.0.0.1:${port}/accueil` });
    expect(ended.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^Accueil cannot migrate: cannot reach MySQL at 127\\.0\\.0\\.1:${port}: connection refused`)),
    ]);
    expect(ended.stderr).not.toContain('secret-pw');
    expect(ended.code).toBe(1);
  });

  it('refuses a wrong variable in one line, exit 2', async () => {
    const ended = await migrate({ DATABASE_URL: 'postgres://nope' });
    expect(ended.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Accueil cannot migrate: DATABASE_URL /)]);
    expect(ended.code).toBe(2);
  });

  it('applies the migrations to a new SQLite file, then finds nothing to do', async () => {
    const file = join(tmp, `migrate-${randomBytes(4).toString('hex')}.sqlite`);
    const first = await migrate({ DATABASE_URL: `sqlite:${file}` });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Applied: Users1764000000000, /);
    const second = await migrate({ DATABASE_URL: `sqlite:${file}` });
    expect(second.code).toBe(0);
    expect(second.stdout.trim()).toBe('The database is up to date.');
  });
});
