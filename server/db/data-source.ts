import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { createConnection } from 'mysql2/promise';
import { User } from '../users/user.entity.js';
import { UserIdentity } from '../users/user-identity.entity.js';
import { UserTag } from '../users/user-tag.entity.js';
import { migrations } from './migrations/index.js';

export const entities = [User, UserIdentity, UserTag];

export type Dialect = 'mysql' | 'sqlite';

export function dialectOf(url: string): Dialect {
  return url.startsWith('sqlite:') ? 'sqlite' : 'mysql';
}

function mysqlOptions(url: string): DataSourceOptions {
  const u = new URL(url.replace(/^mariadb:/, 'mysql:'));
  const database = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!database) throw new Error('DATABASE_URL must name a database, as in mysql://user:pass@host:3306/accueil.');
  return {
    type: 'mysql',
    host: u.hostname,
    port: Number(u.port || 3306),
    username: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    poolSize: Number(u.searchParams.get('poolSize') ?? 20),
    entities,
    migrations,
    migrationsRun: false,
    synchronize: false,
    logging: false,
  };
}

/** A plain mysql2 connection to the server of a mysql:// URL (no database unless `withDatabase`). */
export function connectMysql(url: string, withDatabase = false) {
  const u = new URL(url.replace(/^mariadb:/, 'mysql:'));
  return createConnection({
    host: u.hostname,
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: withDatabase ? decodeURIComponent(u.pathname.replace(/^\//, '')) : undefined,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    connectTimeout: 5000,
  });
}

/** MySQL: create the database (utf8mb4) when it does not exist yet. */
export async function ensureMysqlDatabase(url: string): Promise<void> {
  const database = decodeURIComponent(new URL(url.replace(/^mariadb:/, 'mysql:')).pathname.replace(/^\//, ''));
  const conn = await connectMysql(url);
  try {
    await conn.query(`CREATE DATABASE IF NOT EXISTS \`${database.replace(/`/g, '``')}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await conn.end();
  }
}

export function sqlitePath(url: string): string {
  return resolve(url.slice('sqlite:'.length) || './data/accueil.sqlite');
}

export function dataSourceOptions(url: string): DataSourceOptions {
  if (dialectOf(url) === 'mysql') return mysqlOptions(url);
  const database = sqlitePath(url);
  mkdirSync(dirname(database), { recursive: true });
  return {
    type: 'better-sqlite3',
    database,
    entities,
    migrations,
    synchronize: false,
    logging: false,
    enableWAL: true,
    prepareDatabase: (db: { pragma(s: string): unknown }) => {
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
    },
  };
}

/** Connects and brings the schema up to date with the migrations in the repository. */
export async function openDatabase(url: string, opts: { migrate?: boolean } = {}): Promise<DataSource> {
  if (dialectOf(url) === 'mysql') {
    try {
      await ensureMysqlDatabase(url);
    } catch {
      // No right to create databases: the connection below reports the real problem.
    }
  }
  const ds = new DataSource(dataSourceOptions(url));
  await ds.initialize();
  if (opts.migrate !== false) await ds.runMigrations({ transaction: 'each' });
  return ds;
}
