import { checkMysql, mysqlBaseUrl, testDialects } from './databases.js';

/** Fails the run at once when MySQL is required and unreachable: no silent skip. */
export default async function setup(): Promise<void> {
  if (!testDialects().includes('mysql')) return;
  try {
    await checkMysql();
  } catch (err) {
    throw new Error(
      `MySQL is required for the server tests but ${mysqlBaseUrl} is unreachable (${(err as Error).message}). ` +
        'Start MariaDB/MySQL (see README), set TEST_DATABASE_URL, or run with TEST_DATABASES=sqlite explicitly.',
    );
  }
}
