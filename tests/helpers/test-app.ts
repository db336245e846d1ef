import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { readConfig } from '../../server/config.js';
import { Database } from '../../server/db/database.js';
import { createApp } from '../../server/app.js';
import { dropMysqlDatabase, mysqlBaseUrl, type TestDialect } from './databases.js';

export interface GraphQLResponse<T = any> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
}

export interface TestApp {
  dialect: TestDialect;
  url: string;
  db: Database;
  /** POSTs one GraphQL operation and returns the parsed body. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

/** The real app on a fresh, empty database, listening on a free port of 127.0.0.1. */
export async function startTestApp(dialect: TestDialect, env: Record<string, string> = {}): Promise<TestApp> {
  let databaseUrl: string;
  let cleanup: () => Promise<void>;
  if (dialect === 'mysql') {
    const name = `accueil_t_${process.pid}_${randomBytes(4).toString('hex')}`;
    databaseUrl = `${mysqlBaseUrl}/${name}`;
    cleanup = () => dropMysqlDatabase(name);
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'accueil-test-'));
    databaseUrl = `sqlite:${join(dir, 'test.sqlite')}`;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  const config = readConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', PORT: '0', ...env });
  const db = await Database.open(config.databaseUrl);
  const app = await createApp(config, db, pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }));
  const server: Server = await new Promise((ok) => {
    const s = app.express.listen(0, '127.0.0.1', () => ok(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    dialect,
    url,
    db,
    async gql(query, variables, headers = {}) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as GraphQLResponse;
    },
    async stop() {
      await new Promise((ok) => server.close(ok));
      await app.stop();
      await db.close();
      await cleanup();
    },
  };
}

export function tempDir(prefix = 'accueil-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
