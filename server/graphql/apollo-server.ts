import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Context } from './context.js';
import { costLimitPlugin } from './cost-limit.js';
import { languagePlugin, makeFormatError } from './errors.js';
import { OperationsInFlight } from './in-flight.js';
import { jitGateway } from './jit-executor.js';
import { ownerRedactionPlugin } from './owner-redaction.js';
import { conflictRedactionPlugin } from '../versions/conflict-redaction.js';
import { requestLogPlugin } from './request-log.js';
import { knownRootOperations } from './root-operations.js';
import { buildAppSchema } from './schema.js';
import { serviceUnavailablePlugin } from './service-unavailable.js';

/*
 * The GraphQL server of /graphql (app.ts mounts it): the schema, executed by
 * graphql-jit or graphql-js, with the limits on every operation, the error
 * format and the plugins. `inFlight` counts the operations under way, for a stop.
 */

/** Depth, cost, alias and directive limits on every operation (introspection exempt from depth and cost). */
function armor(config: Config) {
  return new ApolloArmor({
    maxDepth: { n: config.maxQueryDepth, ignoreIntrospection: true },
    // Cost is counted by costLimitPlugin, once the variables (`first: $n`) are known.
    costLimit: { enabled: false },
    maxAliases: { n: config.maxAliases },
    // Token limits are enforced by graphql-js's own parser (parseOptions below), which
    // reports an oversized document as the parse failure it is.
    maxTokens: { enabled: false },
    maxDirectives: { n: 20 },
    // Suggestions ("Did you mean …?") are removed from every message by formatError when introspection is off.
    blockFieldSuggestion: { enabled: false },
  }).protect();
}

/** Builds and starts Apollo Server with the app's limits and plugins. */
export async function startApollo(config: Config, log: Logger): Promise<{ apollo: ApolloServer<Context>; inFlight: OperationsInFlight }> {
  const protection = armor(config);
  const schema = await buildAppSchema();
  const inFlight = new OperationsInFlight();
  const apollo = new ApolloServer<Context>({
    // Hot queries compiled by graphql-jit (the only way Apollo takes another executor is its gateway interface).
    ...(config.graphqlJit ? { gateway: jitGateway(schema) } : { schema }),
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    // main.ts owns the shutdown order (HTTP, then Apollo, then the database).
    stopOnTerminationSignals: false,
    formatError: makeFormatError(log, { hideSuggestions: !config.introspection }),
    validationRules: [...protection.validationRules, knownRootOperations],
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: config.maxTokens },
    // No HTTP cache hints (the data is private) and no landing page that would load a
    // sandbox from a CDN: the admin app and partner tools talk to /graphql directly.
    plugins: [
      ...(protection.plugins as unknown as ApolloServerPlugin<Context>[]),
      costLimitPlugin<Context>(config.maxQueryCost),
      serviceUnavailablePlugin<Context>(),
      ownerRedactionPlugin(),
      conflictRedactionPlugin(),
      languagePlugin<Context>(),
      requestLogPlugin(log),
      inFlight.plugin<Context>(),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();
  return { apollo, inFlight };
}
