import 'reflect-metadata';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../server/config.js';
import { Database } from '../../server/db/database.js';
import { firstRun } from '../../server/app.js';
import { migrations } from '../../server/db/migrations/index.js';
import { freshDatabase, testDialects } from '../helpers/databases.js';

// Several processes (workers, machines) starting at once on one empty MySQL database: the migrations run once
// and one first admin is made, whoever comes first (GET_LOCK in db/start-lock.ts).

describe.runIf(testDialects().includes('mysql'))('starting together on one MySQL database', () => {
  it('migrates once and makes one first admin, 20 times over', async () => {
    for (let round = 0; round < 20; round++) {
      const { url, cleanup } = freshDatabase('mysql', 'lock');
      const config = readConfig({
        DATABASE_URL: url,
        ADMIN_EMAIL: 'admin@acme.io',
        ADMIN_PASSWORD: 'correct horse battery staple',
        EMAIL_DOMAIN_CHECK: 'off',
      });
      const dbs: Database[] = [];
      try {
        await Promise.all(
          [0, 1, 2].map(async () => {
            const db = await Database.open(url);
            dbs.push(db);
            await firstRun(config, db, pino({ level: 'silent' }));
          }),
        );
        const ran: { name: string }[] = await dbs[0].manager.query('SELECT name FROM migrations');
        expect(ran.map((r) => r.name).sort()).toEqual(migrations.map((m) => m.name).sort());
        const [{ n }] = await dbs[0].manager.query(`SELECT COUNT(*) AS n FROM users WHERE role = 'ADMIN'`);
        expect(Number(n)).toBe(1);
      } finally {
        await Promise.all(dbs.map((db) => db.close()));
        await cleanup();
      }
    }
  }, 180_000);
});
