import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Database } from '../db/database.js';
import { cursorCodec, readPage, type Page, type PageRequest } from '../db/paging.js';
import { inputErrors, NotFoundError, RateLimitedError, textOf, UserInputError, type InputProblem } from '../graphql/errors.js';
import type { RateLimiter } from '../auth/rate-limiter.js';
import { multiLine, singleLine } from '../users/profile-rules.js';
import { OutboxMessage, type OutboxStatusValue } from '../outbox/outbox-message.entity.js';
import { enqueueEmail } from '../outbox/outbox.js';
import { EMAIL_LIMITS } from './mail.types.js';
import { msg } from '../i18n/message.js';
import { labelText } from '../i18n/labels.js';

export type MessagePage = Page<OutboxMessage> & { totalCount: number };

export const messageCursor = cursorCodec('messages', ['int'] as const);

/** The primary email of a user who is not deleted, or null (no such user) / undefined (a user without an email). */
export async function primaryEmailOf(m: EntityManager, userId: number): Promise<string | null | undefined> {
  const rows: { value: string | null }[] = await m.query(
    `SELECT i.value FROM users u LEFT JOIN user_identities i ON i.user_id = u.id AND i.type = 'EMAIL' AND i.is_primary = 1
     WHERE u.id = ? AND u.deleted_at IS NULL`,
    [userId],
  );
  if (rows.length === 0) return null;
  return rows[0].value ?? undefined;
}

/** A follow-up's subject and body, checked: every problem at once. */
export function checkedEmailInput(input: { subject: unknown; body: unknown }): { subject: string; body: string } {
  const problems: InputProblem[] = [];
  const check = (field: string, read: () => string, label: string): string => {
    try {
      const v = read();
      if (v === '') problems.push({ field, message: msg('mail.required', { label: labelText(label) }) });
      return v;
    } catch (e) {
      if (e instanceof UserInputError) problems.push({ field, message: textOf(e) });
      else throw e;
      return '';
    }
  };
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const subject = check('subject', () => singleLine('subject', 'Subject', text(input.subject), EMAIL_LIMITS.subject), 'Subject');
  const body = check('body', () => multiLine('body', 'Message', text(input.body), EMAIL_LIMITS.body).trim(), 'Message');
  if (problems.length) throw inputErrors(problems);
  return { subject, body };
}

/**
 * Emails to users (issue 12): an agent's follow-up, and the lists of what was
 * sent (one user's messages, the whole outbox). Sending is queueing: the
 * message is written to the outbox and the worker sends it.
 */
export class MailService {
  constructor(
    private readonly db: Database,
    /** Follow-ups per recipient per hour, shared by every process. */
    private readonly followUpLimiter: RateLimiter,
  ) {}

  async sendUserEmail(userId: number, input: { subject: unknown; body: unknown }): Promise<OutboxMessage> {
    const { subject, body } = checkedEmailInput(input);
    const to = await primaryEmailOf(this.db.manager, userId);
    if (to === null) throw new NotFoundError(msg('notFound.user', { id: userId }));
    if (to === undefined) throw new UserInputError('userId', msg('mail.userHasNoEmail'));
    const wait = await this.followUpLimiter.hit(String(userId));
    if (wait > 0) throw new RateLimitedError(wait, msg('mail.userWasSentMany'));
    return this.db.transaction(async (m) => {
      const address = await primaryEmailOf(m, userId);
      if (!address) throw new NotFoundError(msg('notFound.user', { id: userId }));
      return enqueueEmail(m, { kind: 'FOLLOW_UP', to: address, subject, text: body, userId });
    });
  }

  /** Messages sent to a user, newest first. */
  messagesOf(userId: number, req: PageRequest): Promise<MessagePage> {
    return this.page(req, (q) => q.where("o.channel = 'EMAIL'").andWhere('o.userId = :userId', { userId }));
  }

  /** The whole outbox (emails), newest first, optionally of one status. */
  outbox(status: OutboxStatusValue | null, req: PageRequest): Promise<MessagePage> {
    return this.page(req, (q) => {
      q.where("o.channel = 'EMAIL'");
      if (status) q.andWhere('o.status = :status', { status });
      return q;
    });
  }

  private async page(req: PageRequest, filter: (q: SelectQueryBuilder<OutboxMessage>) => SelectQueryBuilder<OutboxMessage>): Promise<MessagePage> {
    const query = () => filter(this.db.manager.createQueryBuilder(OutboxMessage, 'o'));
    const page = await readPage(req, { defaultSize: 25, decode: messageCursor.decode }, (limit, after) => {
      const q = query();
      if (after) q.andWhere('o.id < :after', { after: after[0] });
      return q.orderBy('o.id', 'DESC').limit(limit).getMany();
    });
    return { ...page, totalCount: await query().getCount() };
  }
}
