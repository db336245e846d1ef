import 'reflect-metadata';
import cluster from 'node:cluster';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino, type Logger } from 'pino';
import { readConfig, ConfigError, type Config } from './config.js';
import { describeDatabaseError, describeListenError } from './startup-errors.js';
import { READY_MESSAGE, runPrimary } from './cluster-primary.js';
import type { InboundMail } from './inbound/inbound-mail.js';

/** One line on stderr and a non-zero exit: nothing half-started stays behind. */
function cannotStart(reason: string, exitCode = 1): never {
  console.error(`Accueil cannot start: ${reason}`);
  process.exit(exitCode);
}

/**
 * Takes the port before anything else happens, so a busy port stops the start
 * before a database, a first admin or a migration is created. Until the app is
 * ready, requests get 503 with Retry-After. In a cluster's worker the port is
 * the primary's, shared by every worker (node:cluster hands out connections).
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

async function openDatabase(config: Config, migrate: boolean) {
  const { Database } = await import('./db/database.js');
  return Database.open(config.databaseUrl, { migrate }).catch(async (err) => cannotStart(await describeDatabaseError(err, config.databaseUrl)));
}

/**
 * One serving process: port -> database (migrated, unless a primary did it) -> app -> HTTP.
 * Graceful stop on SIGTERM/SIGINT: no new connections, in-flight requests finish, then the database closes.
 */
async function serve(config: Config, log: Logger, worker: boolean): Promise<void> {
  const { server, serve } = await openPort(config).catch((err) => cannotStart(describeListenError(err, config.port, config.host)));
  // The SMTP listener's port too is taken before anything is created (in a cluster, every worker shares it, like the
  // HTTP port); mail that comes before the app is ready waits (451).
  const ready: { inbound?: InboundMail } = {};
  let smtp: { port: number; close(): Promise<void> } | null = null;
  if (config.inboundSmtpPort !== null) {
    const { startSmtpListener } = await import('./inbound/smtp-listener.js');
    const smtpPort = config.inboundSmtpPort;
    smtp = await startSmtpListener({
      port: smtpPort,
      host: config.host,
      domain: config.inboundDomain,
      inbound: () => ready.inbound,
      trusted: config.inboundSmtpTrusted,
      log,
    }).catch((err) => cannotStart(describeListenError(err, smtpPort, config.host).replace('set PORT', 'set INBOUND_SMTP_PORT')));
  }
  const db = await openDatabase(config, !worker);
  const { createApp } = await import('./app.js');
  const app = await createApp(config, db, log, { firstRun: !worker });
  serve(app.express);
  ready.inbound = app.services.inbound;
  const { port } = server.address() as AddressInfo;
  if (worker) {
    log.info({ port, database: db.dialect, worker: cluster.worker?.id }, 'worker ready');
    process.send?.(READY_MESSAGE);
  } else log.info({ port, database: db.dialect }, `Accueil is listening on http://localhost:${port}`);
  if (smtp) log.info({ port: smtp.port, domain: config.inboundDomain }, 'SMTP listener for inbound mail');
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

/**
 * Start: config -> port -> database -> migrations -> HTTP (API + built admin app).
 * With WORKERS=N above 1, this process is the primary: it checks the port,
 * migrates and makes the first admin once, then forks N workers that share
 * the port (see cluster-primary.ts).
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
  if (cluster.isWorker) return serve(config, log, true);
  if (config.workers === 1) return serve(config, log, false);
  // The primary: a busy port stops the start before the database is touched; then the once-only work.
  const probe = await openPort(config).catch((err) => cannotStart(describeListenError(err, config.port, config.host)));
  await new Promise((ok) => probe.server.close(ok));
  const db = await openDatabase(config, true);
  const { firstRun } = await import('./app.js');
  await firstRun(config, db, log).catch((err) => cannotStart(err instanceof Error ? err.message : String(err)));
  await db.close();
  runPrimary(config, log, cannotStart);
}

main().catch((err) => cannotStart(err instanceof Error ? err.message : String(err)));
