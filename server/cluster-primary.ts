import cluster, { type Worker } from 'node:cluster';
import type { Logger } from 'pino';
import type { Config } from './config.js';

/** How long the workers get to finish their requests on a stop before they are killed. */
const STOP_GRACE_MS = 15_000;

/** Worker -> primary: the app is built and serving. */
export const READY_MESSAGE = 'accueil:ready';

/**
 * WORKERS=N: forks N workers (server/main.ts again, in worker mode) that
 * share the port; node:cluster hands connections out round-robin. The
 * primary has already migrated and made the first admin, so the workers do
 * neither. A worker that fails before it serves stops the whole start with
 * its exit code (its own "Accueil cannot start" line is on stderr); a worker
 * that dies later is replaced. SIGTERM or SIGINT stop every worker
 * gracefully (each finishes its requests and closes its database pool),
 * then the primary exits.
 */
export function runPrimary(config: Config, log: Logger, cannotStart: (reason: string, code?: number) => never): void {
  const ready = new Set<number>();
  let port = config.port;
  let announced = false;
  let stopping = false;

  const forkOne = () => cluster.fork();
  const alive = () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());

  cluster.on('listening', (_worker, address) => {
    port = address.port;
  });
  cluster.on('message', (worker, message) => {
    if (message !== READY_MESSAGE) return;
    ready.add(worker.id);
    if (!announced && ready.size >= config.workers) {
      announced = true;
      log.info({ port, workers: config.workers }, `Accueil is listening on http://localhost:${port} with ${config.workers} workers`);
    }
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (alive().length === 0) process.exit(0);
      return;
    }
    if (!ready.has(worker.id)) {
      stopping = true;
      for (const w of alive()) w.process.kill('SIGKILL');
      cannotStart(`worker ${worker.id} stopped before it served (exit code ${code ?? signal}).`, code || 1);
    }
    ready.delete(worker.id);
    log.error({ worker: worker.id, code, signal }, 'a worker stopped; starting another');
    setTimeout(() => stopping || forkOne(), 1000).unref();
  });

  const stop = () => {
    if (stopping) return;
    stopping = true;
    log.info({ workers: alive().length }, 'stopping the workers');
    const workers = alive();
    if (workers.length === 0) process.exit(0);
    for (const w of workers) w.process.kill('SIGTERM');
    setTimeout(() => {
      for (const w of alive()) w.process.kill('SIGKILL');
      process.exit(0);
    }, STOP_GRACE_MS).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);

  for (let i = 0; i < config.workers; i++) forkOne();
}
