import 'reflect-metadata';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { readConfig, ConfigError, type Config } from './config.js';
import { describeDatabaseError, describeListenError } from './startup-errors.js';
import type { InboundMail } from './inbound/inbound-mail.js';

/** One line on stderr and a non-zero exit: nothing half-started stays behind. */
function cannotStart(reason: string, exitCode = 1): never {
  console.error(`Accueil cannot start: ${reason}`);
  process.exit(exitCode);
}

/**
 * Takes the port before anything else happens, so a busy port stops the start
 * before a database, a first admin or a migration is created. Until the app is
 * ready, requests get 503 with Retry-After.
 */
async function openPort(config: Config): Promise<{ server: Server; serve(handler: RequestListener): void }> {
  let handler: RequestListener = (_req, res) => {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '1' });
    res.end('Accueil is starting.\n');
  };
  const server = createServer((req, res) => handler(req, res));
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(config.port, config.host, () => {
      server.off('error', fail);
      ok();
    });
  });
  return { server, serve: (h) => (handler = h) };
}

/**
 * Start: config -> port -> database -> migrations -> HTTP (API + built admin app).
 * The database and the app are loaded only once the config and the port are
 * good, so those mistakes are reported at once.
 */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = readConfig();
  } catch (e) {
    if (e instanceof ConfigError) cannotStart(e.message, 2);
    throw e;
  }
  const log = pino({ level: config.logLevel });
  const { server, serve } = await openPort(config).catch((err) => cannotStart(describeListenError(err, config.port, config.host)));
  // The SMTP listener's port too is taken before anything is created; mail that comes before the app is ready waits (451).
  const ready: { inbound?: InboundMail } = {};
  let smtp: { port: number; close(): Promise<void> } | null = null;
  if (config.inboundSmtpPort !== null) {
    const { startSmtpListener } = await import('./inbound/smtp-listener.js');
    const port = config.inboundSmtpPort;
    smtp = await startSmtpListener({ port, host: config.host, domain: config.inboundDomain, inbound: () => ready.inbound, log }).catch((err) =>
      cannotStart(describeListenError(err, port, config.host).replace('set PORT', 'set INBOUND_SMTP_PORT')),
    );
  }
  const { Database } = await import('./db/database.js');
  const db = await Database.open(config.databaseUrl).catch(async (err) => cannotStart(await describeDatabaseError(err, config.databaseUrl)));
  const { createApp } = await import('./app.js');
  const app = await createApp(config, db, log);
  serve(app.express);
  ready.inbound = app.services.inbound;
  const { port } = server.address() as AddressInfo;
  log.info({ port, database: db.dialect }, `Accueil is listening on http://localhost:${port}`);
  if (smtp) log.info({ port: smtp.port, domain: config.inboundDomain }, 'SMTP listener for inbound mail');
  // Graceful stop: no new connections, in-flight requests finish, then the database closes.
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    const closed = new Promise((ok) => server.close(ok));
    server.closeIdleConnections();
    await Promise.race([closed, new Promise((ok) => setTimeout(ok, 10_000).unref())]);
    await smtp?.close();
    await app.stop();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err) => cannotStart(err instanceof Error ? err.message : String(err)));
