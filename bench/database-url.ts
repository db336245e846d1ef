import { existsSync } from 'node:fs';

const LOCAL_SOCKET = '/run/mysqld/mysqld.sock';

/**
 * The benchmark's MySQL database: BENCH_DATABASE_URL, or the local server, through its Unix socket when it has one (as
 * the README's deployment section advises for a database on the same machine: a query costs the app less CPU than over
 * loopback TCP), else 127.0.0.1:3306. `name` replaces the URL's database name (the import benchmark's own databases).
 */
export function benchDatabaseUrl(name?: string): string {
  const given = process.env.BENCH_DATABASE_URL;
  const u = new URL(
    given ??
      (existsSync(LOCAL_SOCKET)
        ? `mysql://root@localhost/accueil_bench?socket=${encodeURIComponent(LOCAL_SOCKET)}`
        : 'mysql://root@127.0.0.1:3306/accueil_bench'),
  );
  if (name) u.pathname = `/${name}`;
  return u.toString();
}
