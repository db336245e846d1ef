import 'reflect-metadata';
import { ConfigError, readConfig } from '../config.js';
import { describeDatabaseError } from '../startup-errors.js';
import { openDatabase } from './data-source.js';

/**
 * `npm run migrate`: brings the database named by DATABASE_URL up to date.
 * Fails as the server's start does: one line naming what is wrong (a bad
 * variable: exit 2; a database it cannot reach or a migration that fails:
 * exit 1), never a stack trace.
 */
function fail(reason: string, exitCode = 1): never {
  console.error(`Accueil cannot migrate: ${reason}`);
  process.exit(exitCode);
}

let config;
try {
  config = readConfig();
} catch (e) {
  if (e instanceof ConfigError) fail(e.message, 2);
  throw e;
}
const url = config.databaseUrl;
const ds = await openDatabase(url, { migrate: false }).catch(async (err: unknown) => fail(await describeDatabaseError(err, url)));
try {
  const done = await ds.runMigrations({ transaction: 'each' });
  console.log(done.length ? `Applied: ${done.map((m) => m.name).join(', ')}` : 'The database is up to date.');
} catch (err) {
  fail(`a migration failed (nothing of it was kept): ${err instanceof Error ? err.message : String(err)}`);
} finally {
  await ds.destroy().catch(() => undefined);
}
