/**
 * Is this error a store that cannot be reached (MySQL/MariaDB down or restarting, Redis
 * unreachable) rather than a fault of the request? Such errors are answered at once with
 * SERVICE_UNAVAILABLE (HTTP 503, Retry-After) instead of an internal error; the pools
 * reconnect by themselves once the store is back.
 */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_SERVER_SHUTDOWN',
  'ER_CONNECTION_KILLED',
  'ER_CON_COUNT_ERROR',
  'ER_TOO_MANY_USER_CONNECTIONS',
  'ER_NET_READ_ERROR',
  'ER_NET_READ_INTERRUPTED',
  'ER_NET_ERROR_ON_WRITE',
  'ER_NET_WRITE_INTERRUPTED',
]);

/** mysql2 and ioredis say some of it in words only. */
const UNREACHABLE_MESSAGES =
  /closed state|Pool is closed|Connection is closed|Connection lost|isn't writeable|Command timed out|Reached the max retries/i;

/** Thrown by our own stores (Redis counters) when their server cannot answer. */
export class StoreUnavailableError extends Error {
  constructor(
    readonly store: string,
    cause: unknown,
  ) {
    super(`${store} is unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

export function isStoreUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 4) return false;
  if (err instanceof StoreUnavailableError) return true;
  const e = err as { code?: unknown; message?: unknown; fatal?: unknown; driverError?: unknown; cause?: unknown; originalError?: unknown };
  if (typeof e.code === 'string' && UNREACHABLE_CODES.has(e.code)) return true;
  if (typeof e.message === 'string' && UNREACHABLE_MESSAGES.test(e.message)) return true;
  return [e.driverError, e.cause, e.originalError].some((inner) => inner !== err && isStoreUnavailable(inner, depth + 1));
}
