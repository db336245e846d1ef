import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { ForbiddenError, ServiceUnavailableError, UnauthenticatedError } from './errors.js';
import { isStoreUnavailable } from '../db/unavailable.js';
import { ApiTokenScope } from '../tokens/api-token-scope.js';
import { actorOf, type Actor, type Viewer } from '../auth/viewer.js';
import { agentAllowances } from '../auth/agent-allowances.js';
import type { SessionService } from '../auth/session.service.js';
import type { SignInService } from '../auth/sign-in.service.js';
import type { RateLimiter } from '../auth/rate-limiter.js';
import type { ApiTokenService } from '../tokens/api-token.service.js';
import type { AuditService } from '../audit/audit.service.js';
import type { UserChangeListeners } from '../users/user-change-listeners.js';
import type { UserService } from '../users/user.service.js';
import type { CustomerListService } from '../lists/customer-list.service.js';
import type { UserChangeFeed } from '../users/user-change-feed.js';
import type { ImportJobService } from '../imports/import-jobs.service.js';
import type { FieldValuesService } from '../fields/field-values.service.js';
import type { UserFieldService } from '../fields/user-field.service.js';
import type { OrganizationService } from '../organizations/organization.service.js';
import type { TicketService } from '../tickets/ticket.service.js';
import type { InboundMail } from '../inbound/inbound-mail.js';
import type { WebhookService } from '../webhooks/webhook.service.js';
import type { WebhookEvents } from '../webhooks/webhook-events.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { RequestAdmission } from '../tickets/request-admission.js';
import type { DoorMail } from '../door/door-mail.js';
import type { DoorService } from '../door/door.service.js';
import type { TeamService } from '../team/team.service.js';
import type { MailService } from '../mail/mail.service.js';
import type { DomainChecker } from '../users/domain-check.js';
import { makeLoaders, type Loaders } from './loaders.js';
import { clearSessionCookie, readSessionCookie } from '../auth/session-cookie.js';
import { msg } from '../i18n/message.js';
import { markLanguage, requestLanguage, type Lang } from '../i18n/language.js';

/** The long-lived services, made once per app. */
export interface Services {
  config: Config;
  users: UserService;
  /** Where features listen to user changes (inside each write transaction). */
  userChanges: UserChangeListeners;
  /** The change feed behind userChanges (partner apps' sync). */
  userChangeFeed: UserChangeFeed;
  /** CSV imports of users (jobs, their files and failing rows). */
  imports: ImportJobService;
  organizations: OrganizationService;
  fieldValues: FieldValuesService;
  /** Saved customer lists (issue 9). */
  customerLists: CustomerListService;
  userFields: UserFieldService;
  sessions: SessionService;
  signIn: SignInService;
  signInLimiter: RateLimiter;
  /** The per-token request budget of partner apps (API_RATE_LIMIT a minute). */
  apiLimiter: RateLimiter;
  /** The public Submit a request form, per client address. */
  requestLimiter: RateLimiter;
  tickets: TicketService;
  /** Mail to the desk (POST /inbound/email, the SMTP listener). */
  inbound: InboundMail;
  /** Outgoing mail: follow-ups, a user's messages, the outbox (issue 12). */
  mail: MailService;
  /** The domain check of new addresses (EMAIL_DOMAIN_CHECK), also used before mail is sent; none when off. */
  domainChecker?: DomainChecker;
  tokens: ApiTokenService;
  audit: AuditService;
  /** Webhook endpoints (issue 12). */
  webhooks: WebhookService;
  /** Webhook events written to the outbox (and test sends). */
  webhookEvents: WebhookEvents;
  /** The desk settings (issue 12), cached briefly per process. */
  settings: SettingsService;
  /** Who may submit requests: the one place that decides (tickets/request-admission.ts). */
  admission: RequestAdmission;
  /** The door's mails (welcome, verification, reset), queued in the outbox. */
  doorMail: DoorMail;
  /** The help center's sign-up, mailed links and resets. */
  door: DoorService;
  /** Invitations to the team (issue 13). */
  team: TeamService;
  log: Logger;
}

/** Everything a resolver may use, made fresh for each request. */
export interface Context extends Services {
  req: Request;
  res: Response;
  viewer: Viewer;
  /** The asker's language (i18n/language.ts: requestLanguage), for the messages a resolver writes. */
  lang: Lang;
  /** Who the writes of this request are recorded as: the audit source follows the credential (session: ADMIN_APP, token: API). */
  actor: Actor;
  loaders: Loaders;
}

/** Works out who is asking: a bearer token, else the session cookie, else nobody. */
export async function resolveViewer(services: Services, req: Request, res: Response): Promise<Viewer> {
  const auth = req.headers.authorization;
  if (auth !== undefined) {
    const m = /^Bearer\s+(\S+)$/i.exec(auth.trim());
    const found = m ? await services.tokens.resolve(m[1]) : null;
    if (!found) {
      throw new UnauthenticatedError(msg('graphql.aPITokenNotValid'), {
        http: { status: 401, headers: new Map([['www-authenticate', 'Bearer']]) },
      });
    }
    if (found.token.scopes.includes(ApiTokenScope.INBOUND)) {
      const refused = new ForbiddenError(msg('graphql.aPITokenForInbound'));
      Object.assign(refused.extensions, { http: { status: 403 } });
      throw refused;
    }
    return { kind: 'token', user: found.user, token: found.token, ...(await agentAllowances(services.settings, found.user)) };
  }
  const secret = readSessionCookie(req);
  if (secret) {
    const session = await services.sessions.resolve(secret);
    if (session) return { kind: 'session', user: session.user, sessionId: session.id, ...(await agentAllowances(services.settings, session.user)) };
    clearSessionCookie(req, res); // tampered, expired or ended: forget it
  }
  return { kind: 'anonymous' };
}

export async function makeContext(services: Services, req: Request, res: Response): Promise<Context> {
  const lang = requestLanguage(req);
  const viewer = await resolveViewer(services, req, res).catch((err: unknown) => {
    const refused = isStoreUnavailable(err) ? new ServiceUnavailableError() : err;
    // Apollo formats an error of the context without the request: it carries its language.
    markLanguage(refused, lang);
    throw refused;
  });
  return {
    ...services,
    req,
    res,
    viewer,
    lang,
    actor: actorOf(viewer),
    loaders: makeLoaders(services),
  };
}
