import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { onTestFinished } from 'vitest';
import { readConfig } from '../../server/config.js';
import { Database } from '../../server/db/database.js';
import { createApp } from '../../server/app.js';
import type { Services } from '../../server/graphql/context.js';
import { freshDatabase, type TestDialect } from './databases.js';
import { TEST_PASSWORD_HASH_COST } from './test-env.js';

export { TEST_PASSWORD_HASH_COST };

export interface GraphQLResponse<T = any> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
}

export type Gql = <T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) => Promise<GraphQLResponse<T>>;

/** Who a client request goes as: nobody, a session cookie, or an API token. */
export type Auth = { kind: 'anonymous' } | { kind: 'cookie'; cookie: string } | { kind: 'token'; token: string };

export const ADMIN_EMAIL = 'admin@acme.io';
export const ADMIN_PASSWORD = 'correct horse battery staple';

export interface TestApp {
  dialect: TestDialect;
  url: string;
  db: Database;
  /** The app's long-lived services (for tests that listen to what the app does inside). */
  services: Services;
  /** POSTs one GraphQL operation as the partner app (an admin's token with users:read and users:write). */
  gql: Gql;
  /** The same, as someone else. */
  as(auth: Auth): Gql;
  /** Signs in and returns the session cookie (throws when refused). */
  signIn(email: string, password: string): Promise<Auth & { kind: 'cookie' }>;
  /** The first admin's session. */
  admin: Auth & { kind: 'cookie' };
  /** Creates a user with a role and a password and signs them in. */
  person(
    role: 'END_USER' | 'AGENT' | 'ADMIN',
    name?: string,
  ): Promise<{ id: string; email: string; password: string; auth: Auth & { kind: 'cookie' } }>;
  /** An API token made by the first admin. */
  token(scopes: string[], name?: string): Promise<{ id: string; auth: Auth & { kind: 'token' } }>;
  stop(): Promise<void>;
}

let people = 0;

/** The configuration of an app under test: quiet, on a free port, the first admin known, no limits, DNS or answer floor in the way. */
export function testConfig(databaseUrl: string, importDir: string, env: Record<string, string> = {}) {
  return readConfig({
    IMPORT_DIR: importDir,
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'silent',
    PORT: '0',
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    API_RATE_LIMIT: '0',
    SIGN_IN_RATE_LIMIT: '0',
    EMAIL_DOMAIN_CHECK: 'off',
    PASSWORD_HASH_COST: String(TEST_PASSWORD_HASH_COST),
    // The door's answer floor only slows tests down; the timing test (door.test.ts) sets its own.
    DOOR_ANSWER_MS: '0',
    ...env,
  });
}

/** The real app on a fresh, empty database, listening on a free port of 127.0.0.1. */
export async function startTestApp(dialect: TestDialect, env: Record<string, string> = {}): Promise<TestApp> {
  const { url: databaseUrl, cleanup } = freshDatabase(dialect, 't');
  // Uploaded import files go to a folder of this app's own, removed when it stops.
  const importDir = mkdtempSync(join(tmpdir(), 'accueil-imports-'));
  const config = testConfig(databaseUrl, importDir, env);
  const db = await Database.open(config.databaseUrl);
  const app = await createApp(config, db, pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }));
  const server: Server = await new Promise((ok) => {
    const s = app.express.listen(0, '127.0.0.1', () => ok(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const post = async (auth: Auth, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const h: Record<string, string> = { 'content-type': 'application/json', ...headers };
    if (auth.kind === 'cookie') h.cookie = auth.cookie;
    if (auth.kind === 'token') h.authorization = `Bearer ${auth.token}`;
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers: h, body: JSON.stringify({ query, variables }) });
    return (await res.json()) as GraphQLResponse;
  };
  const as =
    (auth: Auth): Gql =>
    (query, variables, headers) =>
      post(auth, query, variables, headers);
  const signIn = async (email: string, password: string): Promise<Auth & { kind: 'cookie' }> => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { id } }',
        variables: { e: email, p: password },
      }),
    });
    const body = (await res.json()) as GraphQLResponse;
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('accueil_session='));
    if (body.errors || !cookie) throw new Error(`sign-in refused for ${email}: ${JSON.stringify(body.errors)}`);
    return { kind: 'cookie', cookie: cookie.split(';')[0] };
  };
  const admin = await signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
  const token = async (scopes: string[], name = 'test token') => {
    const r = await post(admin, 'mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token { id } secret } }', { i: { name, scopes } });
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return { id: r.data.createApiToken.token.id as string, auth: { kind: 'token' as const, token: r.data.createApiToken.secret as string } };
  };
  const partner = await token(['USERS_READ', 'USERS_WRITE'], 'partner app');
  const person = async (role: 'END_USER' | 'AGENT' | 'ADMIN', name = `${role.toLowerCase()} ${++people}`) => {
    const email = `${role.toLowerCase()}.${people}.${randomBytes(3).toString('hex')}@people.acme.io`;
    const password = `pw-${randomBytes(9).toString('base64url')}`;
    const r = await post(admin, 'mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }', { i: { name, email, role } });
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    const id = r.data.createUser.user.id as string;
    const p = await post(admin, 'mutation($id: ID!, $p: String!) { setUserPassword(id: $id, password: $p) }', { id, p: password });
    if (p.errors) throw new Error(JSON.stringify(p.errors));
    return { id, email, password, auth: await signIn(email, password) };
  };
  return {
    services: app.services,
    dialect,
    url,
    db,
    gql: as(partner.auth),
    as,
    signIn,
    admin,
    person,
    token,
    async stop() {
      await new Promise((ok) => server.close(ok));
      await app.stop();
      await db.close();
      await cleanup();
      rmSync(importDir, { recursive: true, force: true });
    },
  };
}

/**
 * A new folder in the temporary folder. Made inside a test, it is removed when
 * the test ends; made elsewhere (beforeAll), the caller removes it with
 * removeTempDir (the run fails when anything is left in the temporary folder).
 */
export function tempDir(prefix = 'accueil-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    onTestFinished(() => removeTempDir(dir));
  } catch {
    // Not inside a test (a beforeAll): the caller removes it. (expect.getState() cannot tell: with
    // one module graph per worker, it still names the previous file's last test.)
  }
  return dir;
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
