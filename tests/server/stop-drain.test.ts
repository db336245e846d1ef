import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { Database } from '../../server/db/database.js';
import { connectMysql } from '../../server/db/data-source.js';
import { freshDatabase, testDialects } from '../helpers/databases.js';
import { lockWaitSeen } from '../helpers/lock-wait.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, testConfig } from '../helpers/test-app.js';

// A graceful stop (SIGTERM) closes the HTTP server, stops the app, then closes the database (server/main.ts). An
// operation whose client hung up keeps running after its connection is gone: the stop waits for it, so that a write
// the app accepted is finished rather than cut off by a closed pool. MySQL: a row lock holds the write back on cue.

const mysqlOnly = testDialects().includes('mysql') ? describe : describe.skip;

mysqlOnly('a graceful stop on MySQL', () => {
  it('waits for a mutation whose client hung up, which then completes', async () => {
    const { url: databaseUrl, cleanup } = freshDatabase('mysql', 'drain');
    const importDir = mkdtempSync(join(tmpdir(), 'accueil-imports-'));
    const config = testConfig(databaseUrl, importDir);
    const db = await Database.open(config.databaseUrl);
    const app = await createApp(config, db, pino({ level: 'silent' }));
    const server = app.express.listen(0, '127.0.0.1');
    await new Promise((ok) => server.once('listening', ok));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    const locker = await connectMysql(databaseUrl, true);
    let stopped = false;
    let stopping: Promise<void> | null = null;
    try {
      const signIn = await fetch(base, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { id } }',
          variables: { e: ADMIN_EMAIL, p: ADMIN_PASSWORD },
        }),
      });
      const cookie = signIn.headers.getSetCookie()[0]!.split(';')[0]!;
      const post = (query: string, variables: object, signal?: AbortSignal) =>
        fetch(base, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query, variables }), signal });
      const created = (await (
        await post('mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }', { i: { name: 'Before', email: 'drain@acme.io' } })
      ).json()) as any;
      expect(created.errors).toBeUndefined();
      const id = Number(created.data.createUser.user.id);

      // Hold the user's row, send the rename, and hang up while it waits for the row.
      await locker.query('START TRANSACTION');
      await locker.query('SELECT id FROM users WHERE id = ? FOR UPDATE', [id]);
      const hangUp = new AbortController();
      const rename = post('mutation($id: ID!) { updateUser(id: $id, input: { name: "After" }) { id } }', { id: String(id) }, hangUp.signal).catch(
        () => 'aborted',
      );
      await lockWaitSeen(async (sql) => (await locker.query(sql))[0] as Record<string, unknown>[]);
      hangUp.abort();
      expect(await rename).toBe('aborted');

      // The stop, as main.ts does it.
      stopping = (async () => {
        await new Promise((ok) => server.close(ok));
        await app.stop();
        await db.close();
        stopped = true;
      })();
      await new Promise((ok) => setTimeout(ok, 400));
      expect(stopped, 'the stop waits for the operation under way').toBe(false);
      await locker.query('COMMIT');
      await stopping;

      const [rows] = (await locker.query('SELECT name FROM users WHERE id = ?', [id])) as any;
      expect(rows[0].name).toBe('After');
    } finally {
      await locker.end();
      // Failed on the way: finish the stop (the lock is gone with its connection), so nothing of this app outlives the test.
      if (stopping) await (stopping as Promise<void>).catch(() => undefined);
      else if (!stopped) {
        server.close();
        await app.stop();
        await db.close();
      }
      rmSync(importDir, { recursive: true, force: true });
      await cleanup();
    }
  });
});
