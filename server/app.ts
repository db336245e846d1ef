import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { pino, type Logger } from 'pino';
import type { Config } from './config.js';
import { mailFromAddress } from './config-mail.js';
import type { Database } from './db/database.js';
import { makeContext, type Context, type Services } from './graphql/context.js';
import { UNAVAILABLE_TEXT } from './graphql/errors.js';
import { startApollo } from './graphql/apollo-server.js';
import { requestLanguage } from './i18n/language.js';
import { staticAssets } from './static-assets.js';
import { msg } from './i18n/message.js';
import { BODY_CHARSET_REFUSED, BODY_NOT_UTF8, jsonBody } from './text/json-body.js';
import { API_PREFIXES, apiFallback, QUERY_NOT_UTF8, queryMustBeUtf8 } from './api-routes.js';
import { capResponseBytes } from './graphql/response-size.js';
import { UserChangeListeners } from './users/user-change-listeners.js';
import { searchIndexListener } from './search/search-index.js';
import { UserService } from './users/user.service.js';
import { usersCsvExport } from './exports/users-csv.js';
import { CustomerListService } from './lists/customer-list.service.js';
import { UserChangeFeed } from './users/user-change-feed.js';
import { ImportJobService } from './imports/import-jobs.service.js';
import { ImportRunner } from './imports/import-runner.js';
import { ImportWorker } from './imports/import-worker.js';
import { DeletedUsersPurge } from './users/deleted-users-purge.js';
import { startPrefixDeltaFolder } from './search/prefix-counts.js';
import { importRoutes } from './imports/import-http.js';
import { OutboxWorker, registerDeliverer, unregisterDeliverer } from './outbox/outbox-worker.js';
import { MailService } from './mail/mail.service.js';
import { emailDeliverer } from './mail/email-deliverer.js';
import { ticketCommentMail } from './mail/ticket-mail.js';
import { requestReceivedMail } from './mail/request-received-mail.js';
import { sideConversationMail } from './mail/side-conversation-mail.js';
import { FieldValuesService } from './fields/field-values.service.js';
import { UserFieldService } from './fields/user-field.service.js';
import { OrganizationService } from './organizations/organization.service.js';
import { DomainChecker } from './users/domain-check.js';
import { SessionService } from './auth/session.service.js';
import { SignInService } from './auth/sign-in.service.js';
import { RateLimiter } from './auth/rate-limiter.js';
import { apiRateLimit } from './limits/api-rate-limit.js';
import { connectRedis, DatabaseCounters, RedisCounters, type Counters } from './limits/counters.js';
import { isStoreUnavailable } from './db/unavailable.js';
import { underStartLock } from './db/start-lock.js';
import { UNAVAILABLE_RETRY_SECONDS } from './graphql/errors.js';
import { ensureFirstAdmin } from './auth/first-admin.js';
import { setPasswordHashCost } from './auth/password.js';
import { ApiTokenService } from './tokens/api-token.service.js';
import { AuditService } from './audit/audit.service.js';
import { TicketService } from './tickets/ticket.service.js';
import { InboundMail } from './inbound/inbound-mail.js';
import { inboundEmailRoute } from './inbound/inbound-route.js';
import { WebhookService } from './webhooks/webhook.service.js';
import { WebhookEvents } from './webhooks/webhook-events.js';
import { hostResolver } from './webhooks/webhook-url.js';
import { webhookDeliverer } from './webhooks/webhook-deliverer.js';
import { SettingsService } from './settings/settings.service.js';
import { RequestAdmission } from './tickets/request-admission.js';
import { DoorMail } from './door/door-mail.js';
import { DoorService } from './door/door.service.js';
import { blockListCheck, staffCreateHook } from './door/staff-create.js';
import { TeamService } from './team/team.service.js';

/**
 * How long a stop waits for the GraphQL operations under way. They mostly end while main.ts waits for the HTTP
 * connections to close (up to 10 s), so the two waits overlap; this one only adds for the operations of clients
 * that hung up. REST routes (imports, inbound mail) are not counted: their writes are transactions of their own.
 */
const STOP_DRAIN_MS = 5_000;

export interface App {
  express: Express;
  apollo: ApolloServer<Context>;
  services: Services;
  log: Logger;
  /** This process's import worker (stopped with the app). */
  importWorker: ImportWorker;
  /** This process's outbox worker: sends queued mail and webhook calls (stopped with the app). */
  outboxWorker: OutboxWorker;
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

function makeServices(config: Config, db: Database, log: Logger, counters: Counters): Services {
  const domainChecker = config.emailDomainCheck ? new DomainChecker({ servers: config.dnsServers, canary: config.dnsCanary }) : undefined;
  const fieldValues = new FieldValuesService(db);
  const userChanges = new UserChangeListeners();
  // The word search's index, kept in step inside every user write.
  userChanges.add(searchIndexListener);
  const userChangeFeed = new UserChangeFeed(db);
  userChanges.add(userChangeFeed.listener);
  const organizations = new OrganizationService(db, userChanges);
  const sessions = new SessionService(db, { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours });
  const tokens = new ApiTokenService(db);
  const audit = new AuditService(db);
  const settings = new SettingsService(db);
  const doorMail = new DoorMail(settings, config.publicUrl);
  const users = new UserService(db, {
    defaultPhoneCountry: config.defaultPhoneCountry,
    domainChecker,
    blockNoMailDomain: config.emailDomainBlock,
    audit,
    fieldValues,
    organizations,
    sessions,
    tokens,
    changes: userChanges,
    onStaffCreate: staffCreateHook({ mail: doorMail }),
    teamAddressCheck: blockListCheck({ settings, organizations }),
    deletedRetentionDays: config.deletedUsersRetentionDays,
  });
  const tickets = new TicketService(db, users, audit);
  // Webhook events, written to the outbox in the transaction of each change.
  const webhooks = new WebhookService(db, { allowPrivate: config.webhookAllowPrivate, resolve: hostResolver(config.dnsServers) });
  const webhookEvents = new WebhookEvents(db, webhooks);
  userChanges.add(webhookEvents.userListener);
  tickets.listeners.push(webhookEvents.ticketListener);
  organizations.listeners.push(webhookEvents.organizationListener);
  const admission = new RequestAdmission({ settings, users, organizations });
  // An agent's public comment emails the requester and the CCs, in the comment's transaction.
  tickets.onPublicComment = ticketCommentMail(config.inboundDomain);
  // A staff message of a side conversation emails its participants, in the message's transaction.
  tickets.onSideConversationMessage = sideConversationMail(config.inboundDomain);
  // A request its requester wrote in is acknowledged by mail, in the ticket's transaction (unless held or turned off).
  tickets.onRequestReceived = requestReceivedMail(config.inboundDomain, settings);
  return {
    config,
    imports: new ImportJobService(db, config.importDir, fieldValues),
    users,
    userChanges,
    userChangeFeed,
    organizations,
    fieldValues,
    customerLists: new CustomerListService(db, fieldValues),
    userFields: new UserFieldService(db),
    sessions,
    signIn: new SignInService(db, users),
    signInLimiter: new RateLimiter(counters, config.signInRateLimit, 10 * 60_000, 'sign-in'),
    apiLimiter: new RateLimiter(counters, config.apiRateLimit, 60_000, 'api'),
    requestLimiter: new RateLimiter(counters, config.requestRateLimit, 10 * 60_000, 'request'),
    tickets,
    inbound: new InboundMail({
      tickets,
      users,
      admission,
      doorMail,
      domain: config.inboundDomain,
      sendingAddress: mailFromAddress(config.mailFrom),
      authservId: config.inboundAuthservId,
      log,
    }),
    mail: new MailService(db, new RateLimiter(counters, config.followUpRateLimit, 60 * 60_000, 'follow-up')),
    domainChecker,
    tokens,
    audit,
    webhooks,
    webhookEvents,
    settings,
    admission,
    doorMail,
    door: new DoorService({ db, users, tickets, settings, admission, mail: doorMail }),
    team: new TeamService({ db, users, mail: doorMail }),
    log,
  };
}

/**
 * Helmet's headers with our Content-Security-Policy. HSTS and
 * upgrade-insecure-requests only in production and only on a request that came
 * over HTTPS (req.secure: TLS here, or X-Forwarded-Proto from a trusted
 * proxy): over plain HTTP they would break an app served on a LAN.
 */
function securityHeaders(config: Config): express.RequestHandler {
  const headers = (https: boolean) =>
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          'style-src': ["'self'"],
          'img-src': ["'self'", 'data:'],
          'connect-src': ["'self'"],
          'font-src': ["'self'"],
          'object-src': ["'none'"],
          'frame-ancestors': ["'none'"],
          'base-uri': ["'self'"],
          'form-action': ["'self'"],
          'upgrade-insecure-requests': config.production && https ? [] : null,
        },
      },
      strictTransportSecurity: config.production && https,
    });
  const overHttps = headers(true);
  const overHttp = headers(false);
  return (req, res, next) => (req.secure ? overHttps : overHttp)(req, res, next);
}

/**
 * Where the shared rate-limit counters live: Redis when REDIS_URL is set (keys
 * prefixed by the database they count for), else the database.
 */
async function makeCounters(config: Config, db: Database): Promise<Counters> {
  if (!config.redisUrl) return new DatabaseCounters(db);
  const u = new URL(config.databaseUrl.replace(/^mariadb:/, 'mysql:'));
  const prefix = `accueil:${createHash('sha256').update(`${u.hostname}:${u.port}${u.pathname}`).digest('hex').slice(0, 12)}:`;
  return new RedisCounters(await connectRedis(config.redisUrl), prefix);
}

/** Makes the first admin when none exists, once however many processes start together (see underStartLock). */
export async function firstRun(config: Config, db: Database, log: Logger): Promise<void> {
  const services = makeServices(config, db, log, new DatabaseCounters(db));
  await underStartLock(db.ds, () => ensureFirstAdmin(services.users, { email: config.adminEmail, password: config.adminPassword }, log));
}

/**
 * The Express app with the GraphQL API at /graphql and the admin app everywhere else.
 * `firstRun: false`: a cluster worker, whose primary made the first admin before forking.
 */
export async function createApp(
  config: Config,
  db: Database,
  log: Logger = pino({ level: config.logLevel }),
  opts: { firstRun?: boolean } = {},
): Promise<App> {
  setPasswordHashCost(config.passwordHashCost);
  db.searchBroadEntries = config.searchBroadEntries;
  const counters = await makeCounters(config, db);
  const services = makeServices(config, db, log, counters);
  if (opts.firstRun !== false) await firstRun(config, db, log);
  const importWorker = new ImportWorker(
    db,
    new ImportRunner({ db, users: services.users, fieldValues: services.fieldValues, log, chunkRows: config.importChunkRows }),
    log,
    services.imports,
    { pollMs: 1000, staleMs: config.importStaleSeconds * 1000, fileRetentionMs: config.importFileRetentionDays * 86_400_000 },
  );
  if (config.importWorker) {
    services.imports.onQueued = () => importWorker.kick();
    importWorker.start();
  }
  const outboxWorker = new OutboxWorker(db, log, {
    pollMs: config.outboxPollMs,
    leaseMs: config.outboxLeaseSeconds * 1000,
    batchSize: 10,
    retryDelaysMs: config.mailRetrySeconds.map((s) => s * 1000),
  });
  // This process's outbox worker hands WEBHOOK messages to this deliverer.
  registerDeliverer(
    'WEBHOOK',
    webhookDeliverer(services.webhooks, {
      timeoutMs: config.webhookTimeoutMs,
      allowPrivate: config.webhookAllowPrivate,
      resolve: hostResolver(config.dnsServers),
      retryDelaysMs: config.webhookRetrySeconds.map((s) => s * 1000),
    }),
  );
  // Without MAIL_URL no email deliverer is registered: emails wait, QUEUED, until one is set.
  const mailer = config.mailUrl
    ? emailDeliverer({
        mailUrl: config.mailUrl,
        from: config.mailFrom,
        messageIdDomain: config.inboundDomain,
        timeoutMs: config.mailTimeoutSeconds * 1000,
        domainChecker: services.domainChecker,
        log,
      })
    : null;
  if (mailer) registerDeliverer('EMAIL', { ...mailer, retryDelaysMs: config.mailRetrySeconds.map((s) => s * 1000) });
  if (config.outboxWorker) outboxWorker.start();
  const purge = new DeletedUsersPurge(services.users, log, config.deletedUsersPurgeSeconds * 1000);
  purge.start();
  const prefixFolder = startPrefixDeltaFolder(db, log, config.searchFoldSeconds * 1000);

  const { apollo, inFlight } = await startApollo(config, log);

  const app = express();
  app.disable('x-powered-by');
  // No ETag on answers (GraphQL answers are private and never cached): hashing a 160 kB page of profiles cost CPU for nothing.
  app.set('etag', false);
  // A number of hops or the proxies' addresses (see config.ts), never "every hop".
  app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders(config));
  // A query string that is not UTF-8 is refused (400) on the API, as a body that is not UTF-8 is.
  app.use([...API_PREFIXES], queryMustBeUtf8());
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });

  // GET and POST on the endpoint itself (no mount): /graphql/x or PUT /graphql are answered by apiFallback (404, 405).
  const graphql = [
    // Partner apps: a request budget per API token, shared by every process (429 with Retry-After past it).
    apiRateLimit(services.apiLimiter),
    capResponseBytes(config.maxResponseBytes, log),
    // Refuses a body that is not UTF-8 (never decoded into U+FFFD): text/json-body.ts.
    jsonBody('256kb'),
    expressMiddleware(apollo, { context: async ({ req, res }) => makeContext(services, req, res) }),
  ];
  app.route('/graphql').get(graphql).post(graphql);

  // Mail providers deliver inbound mail here (a token with the INBOUND scope).
  app.post('/inbound/email', inboundEmailRoute(services));
  // Users as CSV (session or token with USERS_READ), streamed.
  app.get('/exports/users.csv', apiRateLimit(services.apiLimiter), usersCsvExport(services));
  // Uploads for scripts (multipart) and the failed rows' CSV: see imports/import-http.ts.
  app.use('/imports', importRoutes(services));

  // What no API route took: JSON 404 NOT_FOUND, or 405 METHOD_NOT_ALLOWED with Allow (never the admin app's page).
  app.use(apiFallback());

  const staticDir = findStaticDir(config);
  if (staticDir) {
    app.use('/assets', staticAssets(resolve(staticDir, 'assets')));
    app.use(express.static(staticDir, { index: false, maxAge: '1h' }));
    // History fallback: /users/12 loads the app, which routes on the client.
    app.get(/^\/.*/, (req, res, next) => {
      if (!req.accepts('html')) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(resolve(staticDir, 'index.html'));
    });
  } else {
    app.get('/', (_req, res) => {
      res.type('text').send('Accueil API is running at /graphql. The admin app is not built: run `npm run build`.');
    });
  }
  // Malformed JSON, a body that is not UTF-8 and oversized bodies get a clean 400/413, never a stack trace.
  // The database or Redis away (e.g. while counting a token's budget): 503 with Retry-After.
  app.use((err: { status?: number; type?: string }, req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (!err) return next();
    if (isStoreUnavailable(err)) {
      log.warn({ err: String(err) }, 'database unavailable');
      res.setHeader('Retry-After', String(UNAVAILABLE_RETRY_SECONDS));
      res.status(503).json({
        errors: [
          {
            message: UNAVAILABLE_TEXT.render(requestLanguage(req)),
            extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: UNAVAILABLE_RETRY_SECONDS },
          },
        ],
      });
      return;
    }
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) log.error({ err }, 'unexpected error');
    const text =
      status === 413
        ? msg('common.requestBodyTooLarge')
        : err.type === BODY_NOT_UTF8
          ? msg('common.bodyNotUtf8')
          : err.type === QUERY_NOT_UTF8
            ? msg('common.queryNotUtf8')
            : err.type === BODY_CHARSET_REFUSED || err.type === 'charset.unsupported'
              ? msg('common.bodyCharsetNotUtf8')
              : status === 500
                ? 'Internal server error'
                : msg('common.badRequest');
    const message = typeof text === 'string' ? text : text.render(requestLanguage(req));
    res.status(status).json({ errors: [{ message, extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' } }] });
  });

  return {
    express: app,
    apollo,
    services,
    log,
    importWorker,
    outboxWorker,
    async stop() {
      // Operations still running (their clients may have hung up) finish before anything they need stops.
      await inFlight.drained(STOP_DRAIN_MS);
      await purge.stop();
      await prefixFolder.stop();
      await importWorker.stop();
      await outboxWorker.stop();
      unregisterDeliverer('WEBHOOK');
      if (mailer) {
        unregisterDeliverer('EMAIL');
        mailer.close();
      }
      await apollo.stop();
      await counters.close();
    },
  };
}
