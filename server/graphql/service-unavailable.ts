import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { isStoreUnavailable } from '../db/unavailable.js';
import { UNAVAILABLE_RETRY_SECONDS } from './errors.js';

/**
 * An operation that failed because the database (or Redis) cannot be reached
 * is answered with HTTP 503 and Retry-After (its errors say SERVICE_UNAVAILABLE,
 * see formatError), so clients and load balancers see an outage, not a bug.
 */
export function serviceUnavailablePlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, response }) {
          if (!errors.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE' || isStoreUnavailable(unwrapResolverError(e)))) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(UNAVAILABLE_RETRY_SECONDS));
        },
      };
    },
  };
}
