import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from 'pino';

/** One structured log line per GraphQL request: operation, duration, error codes. */
export function requestLogPlugin(log: Logger): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ request, errors, operationName }) {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          log.info(
            {
              operation: operationName ?? request.operationName ?? null,
              durationMs: Math.round(ms * 10) / 10,
              errors: errors?.map((e) => e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'),
            },
            'graphql',
          );
        },
      };
    },
  };
}
