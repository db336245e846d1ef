import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { createConnection } from 'mysql2/promise';
import { User } from '../users/user.entity.js';
import { UserIdentity } from '../users/user-identity.entity.js';
import { UserTag } from '../users/user-tag.entity.js';
import { Organization, OrganizationDomain, OrganizationTag } from '../organizations/organization.entity.js';
import { UserFieldEntity, UserFieldOptionEntity, UserFieldValueEntity } from '../fields/user-field.entity.js';
import { SessionEntity } from '../auth/session.entity.js';
import { SignInFailure, SignInLock } from '../auth/sign-in.entity.js';
import { ApiTokenEntity } from '../tokens/api-token.entity.js';
import { AuditEventEntity } from '../audit/audit-event.entity.js';
import { RateLimitCounterEntity } from '../limits/counter.entity.js';
import { SideConversation, SideConversationMessage, SideConversationParticipant, Ticket, TicketCc, TicketComment } from '../tickets/ticket.entity.js';
import { ImportJobEntity, ImportRowErrorEntity, ImportRowWarningEntity } from '../imports/import-job.entity.js';
import { UserChangeEntity, UserChangeLogEntity, UserChangeSequenceEntity } from '../users/user-change-feed.entity.js';
import { OutboxMessage } from '../outbox/outbox-message.entity.js';
import { speakSqlite } from './columns.js';
import { WebhookEntity } from '../webhooks/webhook.entity.js';
import { SettingsEntity } from '../settings/settings.entity.js';
import { AccountLinkEntity } from '../door/account-link.entity.js';
import { CustomerListEntity } from '../lists/customer-list.entity.js';
import { UserSearchWord } from '../search/user-search-word.entity.js';
import { UserSearchPrefixCount, UserSearchPrefixDelta } from '../search/user-search-prefix-count.entity.js';
import { migrations } from './migrations/index.js';
import { RecordVersionEntity } from '../versions/record-version.entity.js';
import { underStartLock } from './start-lock.js';

/** One entity per table; a test checks that they match what the migrations make, on both databases. */
export const entities = [
  User,
  UserIdentity,
  UserTag,
  Organization,
  OrganizationDomain,
  OrganizationTag,
  UserFieldEntity,
  UserFieldOptionEntity,
  UserFieldValueEntity,
  SessionEntity,
  SignInFailure,
  SignInLock,
  ApiTokenEntity,
  AuditEventEntity,
  RateLimitCounterEntity,
  Ticket,
  TicketCc,
  TicketComment,
  SideConversation,
  SideConversationParticipant,
  SideConversationMessage,
  UserSearchWord,
  UserSearchPrefixCount,
  UserSearchPrefixDelta,
  CustomerListEntity,
  UserChangeLogEntity,
  UserChangeEntity,
  UserChangeSequenceEntity,
  ImportJobEntity,
  ImportRowErrorEntity,
  ImportRowWarningEntity,
  OutboxMessage,
  WebhookEntity,
  SettingsEntity,
  AccountLinkEntity,
  RecordVersionEntity,
];

export type Dialect = 'mysql' | 'sqlite';

/** MySQL or MariaDB: the same dialect for Accueil, but TypeORM reads their schemas differently. */
export type MysqlFlavor = 'mysql' | 'mariadb';

export function dialectOf(url: string): Dialect {
  return url.startsWith('sqlite:') ? 'sqlite' : 'mysql';
}

/** The dialect of a data source (TypeORM's `mysql` and `mariadb` are one for Accueil). */
export function dialectOfDataSource(ds: { options: { type: string } }): Dialect {
  return ds.options.type === 'better-sqlite3' ? 'sqlite' : 'mysql';
}

/**
 * Where the MySQL server listens: host and port, or its Unix socket with `?socket=/run/mysqld/mysqld.sock` (the host is
 * then ignored). On one machine the socket costs less per query than loopback TCP, whose send runs the receiver's side too.
 */
function mysqlAddress(u: URL): { socketPath: string } | { host: string; port: number } {
  const socket = u.searchParams.get('socket');
  return socket ? { socketPath: socket } : { host: u.hostname, port: Number(u.port || 3306) };
}

function mysqlOptions(url: string, flavor: MysqlFlavor): DataSourceOptions {
  const u = new URL(url.replace(/^mariadb:/, 'mysql:'));
  const database = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!database) throw new Error('DATABASE_URL must name a database, as in mysql://user:pass@host:3306/accueil.');
  return {
    type: flavor,
    ...mysqlAddress(u),
    username: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    poolSize: Number(u.searchParams.get('poolSize') ?? 20),
    // Fail fast when the server is away (a request answers 503 instead of waiting); the pool reconnects by itself.
    connectTimeout: 2000,
    // trace: false: mysql2 captures a stack trace at every query (Error.captureStackTrace, 1.5% of a search's CPU) only
    // to replace the stack of a failed query's error with it; TypeORM's QueryFailedError keeps the SQL and the message.
    extra: { enableKeepAlive: true, keepAliveInitialDelay: 10_000, trace: false },
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
    ...mysqlAddress(u),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: withDatabase ? decodeURIComponent(u.pathname.replace(/^\//, '')) : undefined,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    connectTimeout: 5000,
  });
}

/** MySQL: create the database (utf8mb4) when it does not exist yet; says whether the server is MySQL or MariaDB. */
export async function ensureMysqlDatabase(url: string): Promise<MysqlFlavor> {
  const database = decodeURIComponent(new URL(url.replace(/^mariadb:/, 'mysql:')).pathname.replace(/^\//, ''));
  const conn = await connectMysql(url);
  try {
    await conn.query(`CREATE DATABASE IF NOT EXISTS \`${database.replace(/`/g, '``')}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    const [rows] = await conn.query('SELECT VERSION() AS v');
    return /mariadb/i.test(String((rows as { v: string }[])[0]?.v)) ? 'mariadb' : 'mysql';
  } finally {
    await conn.end();
  }
}

export function sqlitePath(url: string): string {
  return resolve(url.slice('sqlite:'.length) || './data/accueil.sqlite');
}

/** Options for the database of a URL; on MySQL, `flavor` is what `ensureMysqlDatabase` found (MariaDB's schema reads differently). */
export function dataSourceOptions(url: string, flavor: MysqlFlavor = 'mysql'): DataSourceOptions {
  if (dialectOf(url) === 'mysql') return mysqlOptions(url, flavor);
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

interface Pool {
  on(event: 'connection', listener: (connection: { query(sql: string, cb: (err: unknown) => void): void }) => void): void;
}

/**
 * MySQL: transactions read committed rows. Rules that read and then write
 * lock the rows they read (db/locks.ts); READ COMMITTED keeps those locks on
 * the rows themselves, without REPEATABLE READ's gap locks, which made
 * concurrent creates of neighbouring addresses wait for each other. Set once
 * on each new pooled connection (mysql2 has no option for it), rather than
 * before every transaction.
 */
function readCommitted(ds: DataSource): void {
  const driver = ds.driver as unknown as { mysql: { createPool(options: unknown): Pool } };
  const mysql = driver.mysql;
  driver.mysql = Object.assign(Object.create(mysql), {
    createPool(options: unknown): Pool {
      const pool = mysql.createPool(options);
      pool.on('connection', (connection) =>
        connection.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED', (err) => {
          if (err) ds.logger.log('warn', `could not set READ COMMITTED: ${String(err)}`);
        }),
      );
      return pool;
    },
  });
}

/** Connects a data source made from `dataSourceOptions`: MySQL reads committed rows; SQLite takes the entities' MySQL spelling. */
export async function initializeDataSource(ds: DataSource): Promise<DataSource> {
  if (ds.options.type === 'better-sqlite3') speakSqlite(ds);
  else readCommitted(ds);
  return ds.initialize();
}

/** Connects and brings the schema up to date with the migrations in the repository. */
export async function openDatabase(url: string, opts: { migrate?: boolean } = {}): Promise<DataSource> {
  let flavor: MysqlFlavor = 'mysql';
  if (dialectOf(url) === 'mysql') {
    try {
      flavor = await ensureMysqlDatabase(url);
    } catch {
      // No right to create databases: the connection below reports the real problem.
    }
  }
  const ds = await initializeDataSource(new DataSource(dataSourceOptions(url, flavor)));
  // Several processes or machines may start at once on one database: one migrates, the others wait and find nothing to do.
  if (opts.migrate !== false) await underStartLock(ds, () => ds.runMigrations({ transaction: 'each' }));
  return ds;
}
