import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import express, { type Express } from 'express';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { pino, type Logger } from 'pino';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { makeContext, type Context } from './graphql/context.js';
import { makeFormatError } from './graphql/errors.js';
import { requestLogPlugin } from './graphql/request-log.js';
import { buildAppSchema } from './graphql/schema.js';
import { UserService } from './users/user.service.js';

export interface App {
  express: Express;
  apollo: ApolloServer<Context>;
  log: Logger;
  stop(): Promise<void>;
}

/** Where the built admin app is: dist/client next to the sources or to the compiled server. */
function findStaticDir(config: Config): string | undefined {
  if (config.staticDir) return config.staticDir;
  // Compiled: dist/server/app.js -> dist/client. From source: server/app.ts -> dist/client.
  const compiled = basename(import.meta.dirname) === 'server' && basename(dirname(import.meta.dirname)) === 'dist';
  const dir = resolve(import.meta.dirname, compiled ? '../client' : '../dist/client');
  return existsSync(resolve(dir, 'index.html')) ? dir : undefined;
}

/** The Express app with the GraphQL API at /graphql and the admin app everywhere else. */
export async function createApp(config: Config, db: Database, log: Logger = pino({ level: config.logLevel })): Promise<App> {
  const users = new UserService(db, { defaultPhoneCountry: config.defaultPhoneCountry });
  const apollo = new ApolloServer<Context>({
    schema: await buildAppSchema(),
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    // main.ts owns the shutdown order (HTTP, then Apollo, then the database).
    stopOnTerminationSignals: false,
    formatError: makeFormatError(log),
    // No HTTP cache hints (the data is private) and no landing page that would load a
    // sandbox from a CDN: the admin app and partner tools talk to /graphql directly.
    plugins: [requestLogPlugin(log), ApolloServerPluginCacheControlDisabled(), ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, { context: async ({ req }) => makeContext({ users, log }, req.headers) }),
  );

  const staticDir = findStaticDir(config);
  if (staticDir) {
    app.use(express.static(staticDir, { index: false, maxAge: '1h' }));
    // History fallback: /users/12 loads the app, which routes on the client.
    app.get(/^\/(?!graphql).*/, (req, res, next) => {
      if (!req.accepts('html')) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(resolve(staticDir, 'index.html'));
    });
  } else {
    app.get('/', (_req, res) => {
      res.type('text').send('Accueil API is running at /graphql. The admin app is not built: run `npm run build`.');
    });
  }
  // Malformed JSON and oversized bodies get a clean 400/413, never a stack trace.
  app.use((err: { status?: number; type?: string }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (!err) return next();
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) log.error({ err }, 'unexpected error');
    res.status(status).json({ errors: [{ message: status === 413 ? 'Request body too large.' : status === 500 ? 'Internal server error' : 'Bad request.', extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' } }] });
  });

  return {
    express: app,
    apollo,
    log,
    async stop() {
      await apollo.stop();
    },
  };
}
