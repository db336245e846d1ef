import type { DataSource } from 'typeorm';

const LOCK = 'accueil_start';
const WAIT_SECONDS = 300;

/**
 * Runs the start-up work that must happen once (migrations, the first admin)
 * while holding a MySQL named lock (GET_LOCK) on a connection of its own: the
 * workers of WORKERS=N and every machine sharing the database take turns, and
 * the ones that come second find the work done. SQLite serves one process, so
 * it runs the work as it is.
 */
export async function underStartLock<T>(ds: DataSource, work: () => Promise<T>): Promise<T> {
  if (ds.options.type === 'better-sqlite3') return work();
  const runner = ds.createQueryRunner();
  try {
    const [{ got }] = await runner.query('SELECT GET_LOCK(?, ?) AS got', [LOCK, WAIT_SECONDS]);
    if (Number(got) !== 1) throw new Error(`another Accueil process held the start lock for more than ${WAIT_SECONDS} s (migrations still running?)`);
    try {
      return await work();
    } finally {
      await runner.query('SELECT RELEASE_LOCK(?)', [LOCK]).catch(() => undefined);
    }
  } finally {
    await runner.release();
  }
}
