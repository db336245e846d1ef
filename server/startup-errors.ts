import { dirname } from 'node:path';

/**
 * Why the server cannot start, in one line a person can act on. The database
 * URL itself is never printed (it may hold a password): only its host, port,
 * user and database name.
 */

interface SystemError {
  code?: string;
  errno?: number | string;
  message?: string;
  errors?: SystemError[];
}

function codeOf(err: unknown): string | undefined {
  const e = err as SystemError & { driverError?: SystemError };
  const inner = e?.driverError ?? e;
  // Node's happy-eyeballs connect reports every address it tried in an AggregateError.
  return inner?.code ?? inner?.errors?.find((x) => x?.code)?.code;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The listening socket could not be opened. */
export function describeListenError(err: unknown, port: number, host: string): string {
  switch (codeOf(err)) {
    case 'EADDRINUSE':
      return `port ${port} is already in use (set PORT to another port).`;
    case 'EACCES':
      return `port ${port} needs privileges this process lacks (set PORT to a port above 1023).`;
    case 'EADDRNOTAVAIL':
      return `HOST ${host} is not an address of this machine (set HOST, e.g. 0.0.0.0 or 127.0.0.1).`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `HOST ${host} is not a known host name (set HOST, e.g. 0.0.0.0 or 127.0.0.1).`;
    default:
      return `cannot listen on ${host}:${port}: ${messageOf(err)}`;
  }
}

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused (is the server running, on that port?)',
  ENOTFOUND: 'unknown host',
  EAI_AGAIN: 'unknown host (the name could not be looked up)',
  ETIMEDOUT: 'no answer (timed out)',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ECONNRESET: 'the connection was closed (is it a MySQL server?)',
  PROTOCOL_CONNECTION_LOST: 'the connection was closed (is it a MySQL server?)',
};

function describeMysqlError(err: unknown, url: string): string {
  const u = new URL(url.replace(/^mariadb:/, 'mysql:'));
  const socket = u.searchParams.get('socket');
  const at = socket ? `MySQL at the socket ${socket}` : `MySQL at ${u.hostname}:${u.port || 3306}`;
  const user = decodeURIComponent(u.username) || '(none)';
  const database = decodeURIComponent(u.pathname.replace(/^\//, ''));
  const code = codeOf(err) ?? '';
  if (socket && code === 'ENOENT') return `cannot reach ${at}: no such socket (is the server running, and is that its socket?).`;
  if (NETWORK_REASONS[code]) return `cannot reach ${at}: ${NETWORK_REASONS[code]}.`;
  if (code.startsWith('ER_ACCESS_DENIED')) {
    return `${at} refused user "${user}": access denied (check the user and password in DATABASE_URL).`;
  }
  if (code === 'ER_DBACCESS_DENIED_ERROR')
    return `${at}: user "${user}" may not use the database "${database}" (grant access or name another database).`;
  if (code === 'ER_BAD_DB_ERROR') return `${at}: the database "${database}" does not exist and user "${user}" cannot create it.`;
  return `${at}: ${messageOf(err)}`;
}

const FILE_REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a file is in the way of its folder',
  EEXIST: 'a file is in the way of its folder',
  ENOSPC: 'no space left on the device',
};

function describeSqliteError(err: unknown, path: string): string {
  const code = codeOf(err) ?? '';
  if (FILE_REASONS[code]) return `cannot create the SQLite database at ${path}: ${FILE_REASONS[code]}.`;
  if (code === 'SQLITE_NOTADB') return `${path} is not a SQLite database.`;
  if (code === 'SQLITE_CANTOPEN') return `cannot open the SQLite database at ${path} (is it a folder, or is ${dirname(path)} not writable?).`;
  if (code === 'SQLITE_READONLY') return `the SQLite database at ${path} is read-only.`;
  return `SQLite database at ${path}: ${messageOf(err)}`;
}

/**
 * The database could not be opened or brought up to date. (The data source
 * module is loaded by then; it is imported here lazily so that the port and
 * config checks above load none of the database code.)
 */
export async function describeDatabaseError(err: unknown, url: string): Promise<string> {
  const { dialectOf, sqlitePath } = await import('./db/data-source.js');
  return dialectOf(url) === 'mysql' ? describeMysqlError(err, url) : describeSqliteError(err, sqlitePath(url));
}
