import type { EntityManager } from 'typeorm';
import type { Database } from '../db/database.js';
import { insertMany } from '../db/inserts.js';
import { fromSqlBool, fromSqlDate, placeholders } from '../db/sql.js';
import { NotFoundError } from '../graphql/errors.js';
import type { Organization } from '../organizations/organization.entity.js';
import { OutboxMessage } from '../outbox/outbox-message.entity.js';
import { enqueueMessage, kickOutbox } from '../outbox/outbox.js';
import { Ticket } from '../tickets/ticket.entity.js';
import { TicketEventAction } from '../tickets/ticket-enums.js';
import type { UserChangeKind } from '../users/user-change-listeners.js';
import { TEST_EVENT, WebhookEvent } from './webhook-event.js';
import type { WebhookEntity } from './webhook.entity.js';
import type { WebhookService } from './webhook.service.js';
import { WebhookDeliveryStatus, type WebhookDelivery } from './webhook.types.js';
import { msg } from '../i18n/message.js';

/** Rows of one multi-row insert. */
const CHUNK = 500;

/** One event for one subject: the JSON `data` and the key that orders it (per user, or per organization). */
interface EventItem {
  orderKey: string;
  userId: number | null;
  data: unknown;
}

const iso = (v: unknown): string | null => (v === null || v === undefined ? null : fromSqlDate(v).toISOString());
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/**
 * Writes webhook events to the outbox (channel WEBHOOK), inside the
 * transaction of the change, one message per subscribed endpoint and subject.
 * Nothing is read or written when no webhook takes the event (the service's
 * short-lived list), and a batch's messages go in multi-row inserts, so bulk
 * writes stay fast. Messages of one endpoint and user share an order key: the
 * worker delivers them in order.
 */
export class WebhookEvents {
  constructor(
    private readonly db: Database,
    private readonly webhooks: WebhookService,
  ) {}

  /** A UserChangeListener (users/user-change-listeners.ts). */
  readonly userListener = async (m: EntityManager, userIds: readonly number[], kind: UserChangeKind, at: Date): Promise<void> => {
    const event = WebhookEvent[`USER_${kind}`];
    const hooks = await this.webhooks.subscribers(m, event);
    if (hooks.length === 0) return;
    for (let i = 0; i < userIds.length; i += CHUNK) {
      const users = await this.usersData(m, userIds.slice(i, i + CHUNK));
      await this.write(
        m,
        hooks,
        event,
        at,
        users.map((user) => ({ orderKey: `user:${user.id}`, userId: Number(user.id), data: { user } })),
      );
    }
  };

  /** A TicketChangeListener (tickets/ticket-writes.ts): its creation, then every change, comment and CC. */
  readonly ticketListener = async (m: EntityManager, ticketId: number, action: TicketEventAction, at: Date): Promise<void> => {
    const event = action === TicketEventAction.CREATED ? WebhookEvent.TICKET_CREATED : WebhookEvent.TICKET_UPDATED;
    const hooks = await this.webhooks.subscribers(m, event);
    if (hooks.length === 0) return;
    const t = await m.findOneBy(Ticket, { id: ticketId });
    if (!t) return;
    const ticket = {
      id: String(t.id),
      subject: t.subject,
      status: t.status,
      via: t.via,
      requesterId: String(t.requesterId),
      submitterId: t.submitterId === null ? null : String(t.submitterId),
      createdAt: t.createdAt.toISOString(),
      updatedAt: at.toISOString(),
    };
    // Keyed by the requester: a new requester's USER_CREATED goes before the ticket's TICKET_CREATED.
    await this.write(m, hooks, event, at, [{ orderKey: `user:${t.requesterId}`, userId: t.requesterId, data: { ticket, action } }]);
  };

  /** An OrganizationChangeListener (organizations/organization.service.ts). */
  readonly organizationListener = async (m: EntityManager, kind: 'CREATED' | 'UPDATED' | 'DELETED', org: Organization): Promise<void> => {
    const event = WebhookEvent[`ORGANIZATION_${kind}`];
    const hooks = await this.webhooks.subscribers(m, event);
    if (hooks.length === 0) return;
    const organization = {
      id: String(org.id),
      name: org.name,
      externalId: org.externalId,
      createdAt: org.createdAt.toISOString(),
      updatedAt: org.updatedAt.toISOString(),
    };
    await this.write(m, hooks, event, new Date(), [{ orderKey: `organization:${org.id}`, userId: null, data: { organization } }]);
  };

  /** A TEST event to one webhook (testWebhook), through the outbox like any event. */
  async test(webhookId: number): Promise<WebhookDelivery> {
    const message = await this.db.transaction(async (m) => {
      const hook = await this.webhooks.findStored(webhookId, m);
      if (!hook) throw new NotFoundError(msg('notFound.webhook', { webhookId }));
      return enqueueMessage(m, {
        channel: 'WEBHOOK',
        kind: TEST_EVENT,
        webhookId,
        recipient: hook.url,
        subject: TEST_EVENT,
        payload: JSON.stringify({ message: 'A test delivery from Accueil.', webhookId: String(webhookId) }),
      });
    });
    return {
      id: message.id,
      event: message.kind,
      status: message.status as WebhookDeliveryStatus,
      attempts: message.attempts,
      responseStatus: null,
      lastResponse: null,
      reason: null,
      createdAt: message.createdAt,
      sentAt: null,
      nextAttemptAt: message.nextAttemptAt,
    };
  }

  /** The outbox rows: each webhook × each item, in multi-row inserts. */
  private async write(m: EntityManager, hooks: WebhookEntity[], event: WebhookEvent, at: Date, items: EventItem[]): Promise<void> {
    const rows: Partial<OutboxMessage>[] = [];
    for (const hook of hooks) {
      for (const item of items) {
        rows.push({
          channel: 'WEBHOOK',
          kind: event,
          userId: item.userId,
          webhookId: hook.id,
          recipient: hook.url,
          subject: event,
          textBody: '',
          htmlBody: null,
          payload: JSON.stringify(item.data),
          orderKey: `webhook:${hook.id}:${item.orderKey}`,
          status: 'QUEUED',
          reason: null,
          attempts: 0,
          nextAttemptAt: at,
          claimedBy: null,
          claimedUntil: null,
          lastResponse: null,
          createdAt: at,
          sentAt: null,
        });
      }
    }
    for (let i = 0; i < rows.length; i += CHUNK) await insertMany(m, OutboxMessage, rows.slice(i, i + CHUNK));
    if (rows.length) kickOutbox();
  }

  /**
   * What a user event carries of each user, read in one query (deleted users too: USER_DELETED shows the account as it was).
   * `version` (User.version) lets a receiver drop an event older than what it holds and send it as updateUser's expectedVersion.
   */
  private async usersData(m: EntityManager, ids: readonly number[]): Promise<Record<string, unknown>[]> {
    const rows: Record<string, unknown>[] = await m.query(
      `SELECT u.id, u.name, u.alias, u.role, u.phone, u.organization_id, u.external_id, u.time_zone, u.locale, u.verified, u.suspended,
              u.created_via, u.created_at, u.updated_at, u.deleted_at, u.version, i.value AS email
       FROM users u LEFT JOIN user_identities i ON i.user_id = u.id AND i.type = 'EMAIL' AND i.is_primary = 1
       WHERE u.id IN (${placeholders(ids.length)}) ORDER BY u.id`,
      [...ids],
    );
    return rows.map((r) => ({
      id: String(r.id),
      name: String(r.name),
      alias: str(r.alias),
      email: str(r.email),
      role: String(r.role),
      phone: str(r.phone),
      organizationId: str(r.organization_id),
      externalId: str(r.external_id),
      timeZone: str(r.time_zone),
      locale: str(r.locale),
      verified: fromSqlBool(r.verified),
      suspended: fromSqlBool(r.suspended),
      createdVia: String(r.created_via),
      createdAt: iso(r.created_at),
      updatedAt: iso(r.updated_at),
      deletedAt: iso(r.deleted_at),
      version: Number(r.version),
    }));
  }
}
