import 'reflect-metadata';
import type { Server } from 'node:http';
import { pino } from 'pino';
import { readConfig, ConfigError } from './config.js';
import { Database } from './db/database.js';
import { createApp } from './app.js';

/** Start: config -> database -> migrations -> HTTP (API + built admin app). */
async function main(): Promise<void> {
  let config;
  try {
    config = readConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`Configuration error: ${e.message}`);
      process.exit(2);
    }
    throw e;
  }
  const log = pino({ level: config.logLevel });
  const db = await Database.open(config.databaseUrl);
  const app = await createApp(config, db, log);
  const server: Server = app.express.listen(config.port, config.host, () => {
    log.info({ port: config.port, database: db.dialect }, `Accueil is listening on http://localhost:${config.port}`);
  });
  // Graceful stop: no new connections, in-flight requests finish, then the database closes.
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    const closed = new Promise((ok) => server.close(ok));
    server.closeIdleConnections();
    await Promise.race([closed, new Promise((ok) => setTimeout(ok, 10_000).unref())]);
    await app.stop();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err) => {
  console.error('Accueil could not start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
