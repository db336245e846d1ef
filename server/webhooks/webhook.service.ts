import type { EntityManager } from 'typeorm';
import type { Database } from '../db/database.js';
import { insertOne } from '../db/inserts.js';
import { cursorCodec, readPage, type Page, type PageRequest } from '../db/paging.js';
import { fromSqlDate } from '../db/sql.js';
import { inputErrors, NotFoundError, textOf, type InputProblem } from '../graphql/errors.js';
import { WebhookEntity } from './webhook.entity.js';
import { WEBHOOK_EVENTS, type WebhookEvent } from './webhook-event.js';
import { newWebhookSecret, secretHint } from './webhook-signature.js';
import { checkWebhookUrl, type HostResolver } from './webhook-url.js';
import { WebhookDeliveryStatus, type Webhook, type WebhookDelivery } from './webhook.types.js';
import { msg } from '../i18n/message.js';

export interface WebhookWrite {
  url?: string | null;
  events?: readonly WebhookEvent[] | null;
  secret?: string | null;
}

export interface WebhookRules {
  allowPrivate: boolean;
  resolve: HostResolver;
  /** How long a process trusts its list of webhooks before reading it again (other processes' changes). */
  cacheMs?: number;
}

const SECRET = /^[\x21-\x7e]{16,255}$/;

/** What the API shows of a stored webhook (never its secret). */
export function toWebhook(e: WebhookEntity): Webhook {
  return {
    id: e.id,
    url: e.url,
    events: eventsOf(e),
    secretHint: secretHint(e.secret),
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}

export const eventsOf = (e: Pick<WebhookEntity, 'events'>): WebhookEvent[] => e.events.split(' ').filter(Boolean) as WebhookEvent[];

export const deliveryCursor = cursorCodec('webhookDeliveries', ['int']);

/**
 * Webhook endpoints: their rules (a URL on a public address, at least one
 * event, a secret) and the list the event writers read on every change. That
 * list is kept per process for a short while (cacheMs, 2 s by default) and
 * dropped at once when this process changes a webhook, so a burst of writes
 * (an import, a bulk action) reads it once, not once per row; a webhook made
 * in another process is seen within cacheMs.
 */
export class WebhookService {
  private cached: { at: number; hooks: WebhookEntity[] } | null = null;

  constructor(
    private readonly db: Database,
    private readonly rules: WebhookRules,
  ) {}

  async list(): Promise<Webhook[]> {
    const rows = await this.db.manager.find(WebhookEntity, { order: { id: 'ASC' } });
    return rows.map(toWebhook);
  }

  async findById(id: number): Promise<Webhook | null> {
    const row = await this.db.manager.findOneBy(WebhookEntity, { id });
    return row ? toWebhook(row) : null;
  }

  async create(input: WebhookWrite): Promise<{ webhook: Webhook; secret: string }> {
    const checked = await this.check(input, true);
    const now = new Date();
    const secret = checked.secret ?? newWebhookSecret();
    const row = { url: checked.url!, events: checked.events!.join(' '), secret, createdAt: now, updatedAt: now };
    const id = await this.db.transaction((m) => insertOne(m, WebhookEntity, row));
    this.cached = null;
    return { webhook: toWebhook({ ...row, id }), secret };
  }

  async update(id: number, input: WebhookWrite): Promise<Webhook> {
    const checked = await this.check(input, false);
    const set: Partial<WebhookEntity> = { updatedAt: new Date() };
    if (checked.url !== undefined) set.url = checked.url;
    if (checked.events !== undefined) set.events = checked.events.join(' ');
    if (checked.secret !== undefined) set.secret = checked.secret;
    const result = await this.db.manager.update(WebhookEntity, { id }, set);
    if (!result.affected) throw new NotFoundError(msg('notFound.webhook', { webhookId: id }));
    this.cached = null;
    return (await this.findById(id))!;
  }

  /** Deletes the webhook; its queued deliveries are skipped by the deliverer (it finds no webhook). */
  async delete(id: number): Promise<void> {
    const result = await this.db.manager.delete(WebhookEntity, { id });
    if (!result.affected) throw new NotFoundError(msg('notFound.webhook', { webhookId: id }));
    this.cached = null;
  }

  /** The stored webhook with its secret, for the deliverer (read fresh: a changed URL or secret applies at once). */
  findStored(id: number, m: EntityManager = this.db.manager): Promise<WebhookEntity | null> {
    return m.findOneBy(WebhookEntity, { id });
  }

  /** The webhooks that take `event` (from this process's short-lived list). */
  async subscribers(m: EntityManager, event: WebhookEvent): Promise<WebhookEntity[]> {
    const now = Date.now();
    if (!this.cached || now - this.cached.at > (this.rules.cacheMs ?? 2000)) {
      this.cached = { at: now, hooks: await m.find(WebhookEntity, { order: { id: 'ASC' } }) };
    }
    return this.cached.hooks.filter((h) => eventsOf(h).includes(event));
  }

  /** A webhook's deliveries (its outbox messages), newest first. */
  async deliveries(webhookId: number, req: PageRequest): Promise<Page<WebhookDelivery>> {
    return readPage(req, { defaultSize: 20, decode: deliveryCursor.decode }, async (limit, after) => {
      const rows: Record<string, unknown>[] = await this.db.manager.query(
        `SELECT id, kind, status, attempts, last_response, reason, created_at, sent_at, next_attempt_at
         FROM outbox_messages WHERE webhook_id = ?${after ? ' AND id < ?' : ''} ORDER BY id DESC LIMIT ${Number(limit)}`,
        after ? [webhookId, after[0]] : [webhookId],
      );
      return rows.map(deliveryFromRow);
    });
  }

  async countDeliveries(webhookId: number): Promise<number> {
    const [row] = await this.db.manager.query('SELECT COUNT(*) AS n FROM outbox_messages WHERE webhook_id = ?', [webhookId]);
    return Number(row.n);
  }

  /** Every rule of the input at once (BAD_USER_INPUT with extensions.errors). */
  private async check(input: WebhookWrite, creating: boolean): Promise<{ url?: string; events?: WebhookEvent[]; secret?: string }> {
    const problems: InputProblem[] = [];
    const out: { url?: string; events?: WebhookEvent[]; secret?: string } = {};
    if ((input.url !== undefined && input.url !== null) || creating) {
      try {
        out.url = await checkWebhookUrl(input.url ?? '', this.rules);
      } catch (err) {
        problems.push({ field: 'url', message: textOf(err as Error) });
      }
    }
    if ((input.events !== undefined && input.events !== null) || creating) {
      const events = [...new Set(input.events ?? [])].filter((e) => WEBHOOK_EVENTS.includes(e));
      if (events.length === 0) problems.push({ field: 'events', message: msg('webhooks.chooseAtLeastOne') });
      out.events = WEBHOOK_EVENTS.filter((e) => events.includes(e));
    }
    if (input.secret !== undefined && input.secret !== null) {
      if (!SECRET.test(input.secret)) {
        problems.push({
          field: 'secret',
          message: msg('webhooks.secretMust16255'),
        });
      } else out.secret = input.secret;
    }
    if (problems.length) throw inputErrors(problems);
    return out;
  }
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

function deliveryFromRow(r: Record<string, unknown>): WebhookDelivery {
  const lastResponse = str(r.last_response);
  const code = lastResponse ? /^HTTP (\d{3})\b/.exec(lastResponse) : null;
  return {
    id: Number(r.id),
    event: String(r.kind),
    status: String(r.status) as WebhookDeliveryStatus,
    attempts: Number(r.attempts),
    responseStatus: code ? Number(code[1]) : null,
    lastResponse,
    reason: str(r.reason),
    createdAt: fromSqlDate(r.created_at),
    sentAt: r.sent_at === null || r.sent_at === undefined ? null : fromSqlDate(r.sent_at),
    nextAttemptAt: String(r.status) === WebhookDeliveryStatus.QUEUED && r.next_attempt_at ? fromSqlDate(r.next_attempt_at) : null,
  };
}
