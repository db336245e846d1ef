import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { connectMysql } from '../../server/db/data-source.js';

export type TestDialect = 'mysql' | 'sqlite';

/** Server base URL for MySQL tests; each test file gets its own database on it. */
export const mysqlBaseUrl = (process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/accueil_test').replace(/\/[^/]*$/, '');

/**
 * The databases the server tests run on: both by default. MySQL is required
 * unless TEST_DATABASES says otherwise (e.g. TEST_DATABASES=sqlite on a
 * machine without it); it is never skipped silently.
 */
export function testDialects(): TestDialect[] {
  const raw = process.env.TEST_DATABASES ?? 'mysql,sqlite';
  const list = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const d of list) if (d !== 'mysql' && d !== 'sqlite') throw new Error(`TEST_DATABASES: unknown database "${d}"`);
  return list as TestDialect[];
}

export async function checkMysql(): Promise<void> {
  const conn = await connectMysql(`${mysqlBaseUrl}/x`);
  await conn.end();
}

export async function dropMysqlDatabase(name: string): Promise<void> {
  const conn = await connectMysql(`${mysqlBaseUrl}/x`);
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
  } finally {
    await conn.end();
  }
}

/** A URL for a database of its own (MySQL: a new database name; SQLite: a file in a new folder), and how to remove it. */
export function freshDatabase(dialect: TestDialect, prefix: string): { url: string; cleanup: () => Promise<void> } {
  if (dialect === 'mysql') {
    const name = `accueil_${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
    return { url: `${mysqlBaseUrl}/${name}`, cleanup: () => dropMysqlDatabase(name) };
  }
  const dir = mkdtempSync(join(tmpdir(), `accueil-${prefix}-`));
  return { url: `sqlite:${join(dir, 'db.sqlite')}`, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}
