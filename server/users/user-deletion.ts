import { eraseOutboxOf } from '../outbox/outbox.js';
import type { EntityManager } from 'typeorm';
import type { Database } from '../db/database.js';
import { forUpdate } from '../db/locks.js';
import { fromSqlDate, placeholders, sqlDate } from '../db/sql.js';
import { ForbiddenError, NotFoundError, UserInputError } from '../graphql/errors.js';
import type { Actor } from '../auth/viewer.js';
import { change } from '../audit/audit.service.js';
import type { FieldChange } from '../audit/audit.types.js';
import { cursorCodec, readPage, type Page, type PageRequest } from '../db/paging.js';
import type { AccountDeps } from './user-account.types.js';
import { keepOneAdmin, lockActiveAdmins } from './last-admin.js';
import { Role, User } from './user.entity.js';
import { UserTag } from './user-tag.entity.js';
import { IdentityType, UserIdentity } from './user-identity.entity.js';
import { ofSubjects } from '../auth/sign-in.service.js';
import { displayPhone } from './phone-display.js';
import { parseEmail } from './email-address.js';
import { SignInFailure, SignInLock } from '../auth/sign-in.entity.js';
import { msg } from '../i18n/message.js';

/** How long a deleted end user stays in Deleted customers before their personal data is erased. */
export const DEFAULT_RETENTION_DAYS = 30;
const DAY_MS = 86_400_000;
/** The name an erased account keeps: nothing about the person. */
export const ERASED_NAME = 'Erased user';
const ERASED_TEXT = '[erased]';

/** A deleted end user as Deleted customers lists them. */
export interface DeletedUserRow {
  user: User;
  email: string | null;
  deletedBy: { id: number; name: string } | null;
  eraseAfter: Date;
}

export const deletedUserCursor = cursorCodec('deletedUsers', ['int', 'int']);

/**
 * Deleting, restoring and erasing accounts (issue 13).
 *
 * - An end user's deletion is soft: the account leaves lists, searches,
 *   counts and exports (every read filters `deleted_at`), its sessions end and
 *   its tokens stop, but its addresses, external id, tags, custom fields and
 *   history stay, so `restore` gives everything back and nobody takes its
 *   addresses meanwhile.
 * - A staff account's deletion keeps today's rule: its addresses and external
 *   id become free at once.
 * - `erase` (an admin, or the purge `retentionDays` after the deletion)
 *   removes the personal data: the row keeps only its id, role and times (an
 *   anonymous tombstone for tickets and for `userChanges`), identities, tags,
 *   custom field values, search words and saved versions are deleted, and every
 *   history line about the person loses its values.
 */
export class UserDeletion {
  constructor(
    private readonly db: Database,
    private readonly deps: Pick<AccountDeps, 'audit' | 'fields' | 'sessions' | 'tokens' | 'identities' | 'changes'>,
    private readonly retentionDays: number = DEFAULT_RETENTION_DAYS,
  ) {}

  /** `unless`: a check of the account as locked (it throws to refuse), e.g. that an invitation is still pending. */
  async delete(target: User, actor: Actor, unless?: (locked: User) => void): Promise<void> {
    await this.db.transaction(async (m) => {
      const now = new Date();
      // Admins first, then the user, as every change that may take away the last admin.
      if (target.role === Role.ADMIN) await lockActiveAdmins(m);
      const user = await lockLive(m, target.id);
      unless?.(user);
      const email = await primaryEmail(m, user.id);
      if (user.role !== Role.END_USER) {
        if (user.role === Role.ADMIN) await keepOneAdmin(m, user.id);
        await m.update(User, { id: user.id }, { deletedAt: now, deletedById: actor.userId, updatedAt: now, externalIdKey: null, passwordHash: null });
        await this.deps.identities.removeAllOf(m, user.id);
        await m.delete(UserTag, { userId: user.id });
        await this.deps.fields.removeAll(m, user.id);
      } else {
        await m.update(User, { id: user.id }, { deletedAt: now, deletedById: actor.userId, updatedAt: now });
      }
      await this.deps.sessions.endAll(m, user.id);
      await this.deps.tokens.revokeAllOf(m, user.id, now);
      await this.deps.audit.record(m, user.id, 'DELETED', actor, [change('email', email, null), change('name', user.name, null)], now);
      await this.deps.changes.changed(m, [user.id], 'DELETED', now);
    });
  }

  /** Brings a deleted (not erased) end user back, with everything they had. */
  async restore(id: number, actor: Actor): Promise<void> {
    await this.db.transaction(async (m) => {
      const user = await lockDeleted(m, id);
      if (user.role !== Role.END_USER) throw new ForbiddenError(msg('users.deletedCustomersRestoredStaff'));
      if (user.mergedIntoId !== null) throw new UserInputError('id', msg('users.accountWasMergedInto'));
      const now = new Date();
      await m.update(User, { id }, { deletedAt: null, deletedById: null, updatedAt: now });
      const email = await primaryEmail(m, id);
      await this.deps.audit.record(m, id, 'RESTORED', actor, [change('email', null, email), change('name', null, user.name)], now);
      // Partners dropped the account on its tombstone: it comes back to them as created.
      await this.deps.changes.changed(m, [id], 'CREATED', now);
    });
  }

  /** Erases a deleted account's personal data now (see above). A live account is deleted first, in the same transaction. */
  async erase(id: number, actor: Actor): Promise<void> {
    await this.db.transaction(async (m) => {
      const user = await forUpdate(m.createQueryBuilder(User, 'u').where('u.id = :id AND u.erased_at IS NULL', { id })).getOne();
      if (!user) throw new NotFoundError(msg('notFound.user', { id }));
      if (user.role !== Role.END_USER) throw new ForbiddenError(msg('users.customersAreErasedDelete'));
      await this.eraseLocked(m, user, actor, new Date());
    });
  }

  /**
   * Erases the end users deleted more than `retentionDays` before `now`, a
   * few at a time. Each is claimed with FOR UPDATE SKIP LOCKED (MySQL; SQLite
   * has one writer), so several processes purging at once erase each account
   * once. Returns how many were erased.
   */
  async purgeExpired(actor: Actor, now: Date = new Date(), max = 100): Promise<number> {
    const cutoff = sqlDate(new Date(now.getTime() - this.retentionDays * DAY_MS));
    const due = `SELECT id FROM users WHERE deleted_at IS NOT NULL AND deleted_at < ? AND erased_at IS NULL AND role = 'END_USER' ORDER BY deleted_at, id LIMIT 1`;
    let erased = 0;
    while (erased < max) {
      if ((await this.db.manager.query(due, [cutoff])).length === 0) break;
      const done = await this.db.transaction(async (m) => {
        const rows: { id: unknown }[] = await m.query(`${due}${this.db.dialect === 'mysql' ? ' FOR UPDATE SKIP LOCKED' : ''}`, [cutoff]);
        if (rows.length === 0) return false;
        const user = await m.findOneByOrFail(User, { id: Number(rows[0].id) });
        await this.eraseLocked(m, user, actor, now);
        return true;
      });
      if (!done) break;
      erased++;
    }
    return erased;
  }

  /** Deleted end users (not erased, not merged), most recently deleted first. */
  async deletedPage(req: PageRequest): Promise<Page<DeletedUserRow> & { total: number }> {
    const where = "u.deleted_at IS NOT NULL AND u.erased_at IS NULL AND u.merged_into_id IS NULL AND u.role = 'END_USER'";
    const page = await readPage(req, { defaultSize: 25, decode: deletedUserCursor.decode }, async (limit, after) => {
      const qb = this.db.manager.createQueryBuilder(User, 'u').where(where).orderBy('u.deleted_at', 'DESC').addOrderBy('u.id', 'DESC').take(limit);
      if (after) qb.andWhere('(u.deleted_at < :d OR (u.deleted_at = :d AND u.id < :id))', { d: sqlDate(new Date(after[0])), id: after[1] });
      const users = await qb.getMany();
      return this.describe(users);
    });
    const [row] = await this.db.manager.query(`SELECT COUNT(*) AS n FROM users u WHERE ${where}`);
    return { ...page, total: Number(row.n) };
  }

  private async describe(users: User[]): Promise<DeletedUserRow[]> {
    if (users.length === 0) return [];
    const ids = users.map((u) => u.id);
    const emails: { user_id: unknown; value: string }[] = await this.db.manager.query(
      `SELECT user_id, value FROM user_identities WHERE type = 'EMAIL' AND is_primary = 1 AND user_id IN (${placeholders(ids.length)})`,
      ids,
    );
    const byIds = [...new Set(users.map((u) => u.deletedById).filter((x): x is number => x !== null))];
    const actors: { id: unknown; name: string }[] = byIds.length
      ? await this.db.manager.query(`SELECT id, name FROM users WHERE id IN (${placeholders(byIds.length)})`, byIds)
      : [];
    const email = new Map(emails.map((e) => [Number(e.user_id), e.value]));
    const actor = new Map(actors.map((a) => [Number(a.id), { id: Number(a.id), name: a.name }]));
    return users.map((user) => ({
      user,
      email: email.get(user.id) ?? null,
      deletedBy: user.deletedById === null ? null : (actor.get(user.deletedById) ?? null),
      eraseAfter: this.eraseAfter(user.deletedAt!),
    }));
  }

  eraseAfter(deletedAt: Date): Date {
    return new Date(fromSqlDate(deletedAt).getTime() + this.retentionDays * DAY_MS);
  }

  /** The erasure itself, on a locked row. */
  private async eraseLocked(m: EntityManager, user: User, actor: Actor, now: Date): Promise<void> {
    const id = user.id;
    const identities = await m.find(UserIdentity, { where: { userId: id } });
    // What names the person anywhere: the history's values that hold one of these are erased.
    // A merged-away account's data lives on in the survivor (its addresses, its history): only the row itself is erased.
    const named = user.mergedIntoId === null ? [user.name, user.alias, user.externalId, user.phone] : [];
    // As stored, and as messages show them (a number in international format, an address with its domain in Unicode):
    // an import's kept warning quotes the shown form.
    const shown = (type: IdentityType, value: string | null): (string | null)[] => {
      if (value === null) return [];
      if (type === IdentityType.PHONE) return [displayPhone(value)];
      const parsed = parseEmail(value);
      return parsed.ok ? [parsed.email.display] : [];
    };
    const terms = [
      ...named,
      ...(user.mergedIntoId === null ? shown(IdentityType.PHONE, user.phone) : []),
      ...identities.flatMap((i) => [i.value, i.valueNormalized, ...shown(i.type, i.value)]),
    ].filter((t): t is string => typeof t === 'string' && t.trim().length >= 3);
    if (user.deletedAt === null) {
      await this.deps.sessions.endAll(m, id);
      await this.deps.tokens.revokeAllOf(m, id, now);
    }
    await m.update(
      User,
      { id },
      {
        name: ERASED_NAME,
        nameKey: 'erased user',
        phone: null,
        timeZone: null,
        locale: null,
        externalId: null,
        externalIdKey: null,
        alias: null,
        details: null,
        notes: null,
        verified: false,
        organizationId: null,
        passwordHash: null,
        passwordChangedAt: null,
        deletedAt: user.deletedAt ?? now,
        deletedById: user.deletedById ?? actor.userId,
        erasedAt: now,
        updatedAt: now,
      },
    );
    const lockKeys = [`account:${id}`, ...identities.filter((i) => i.type === IdentityType.EMAIL).map((i) => `address:${i.valueNormalized}`)];
    await this.deps.identities.removeAllOf(m, id);
    await m.delete(UserTag, { userId: id });
    await this.deps.fields.removeAll(m, id);
    await m.query("DELETE FROM record_versions WHERE subject_type = 'user' AND subject_id = ?", [id]);
    for (const entity of [SignInFailure, SignInLock]) await m.createQueryBuilder().delete().from(entity).where(ofSubjects(lockKeys)).execute();
    await eraseHistory(m, id, terms);
    await eraseOutboxOf(
      m,
      id,
      identities.filter((i) => i.type === IdentityType.EMAIL).flatMap((i) => [i.value, i.valueNormalized]),
    );
    await m.query('DELETE FROM account_links WHERE user_id = ?', [id]);
    await this.deps.audit.record(m, id, 'ERASED', actor, [], now);
    await this.deps.changes.changed(m, [id], 'DELETED', now);
  }
}

/** The history keeps that things happened, never what they said: the person's own lines lose every value; others' lose the person's. */
async function eraseHistory(m: EntityManager, userId: number, terms: string[]): Promise<void> {
  const own: { id: unknown; changes: string }[] = await m.query(
    "SELECT id, changes FROM audit_events WHERE subject_type = 'user' AND subject_id = ?",
    [userId],
  );
  for (const row of own) {
    const blank = (JSON.parse(row.changes) as FieldChange[]).map((c) => ({ field: c.field, oldValue: null, newValue: null, redacted: true }));
    await m.query('UPDATE audit_events SET changes = ? WHERE id = ?', [JSON.stringify(blank), row.id]);
  }
  const mentions = (text: string | null) => text !== null && terms.some((t) => text.toLowerCase().includes(t.toLowerCase()));
  for (const term of terms) {
    const like = `%${term.replace(/[!%_]/g, (ch) => `!${ch}`)}%`;
    const rows: { id: unknown; changes: string }[] = await m.query("SELECT id, changes FROM audit_events WHERE changes LIKE ? ESCAPE '!'", [like]);
    for (const row of rows) {
      const changes = (JSON.parse(row.changes) as FieldChange[]).map((c) => ({
        ...c,
        oldValue: mentions(c.oldValue) ? ERASED_TEXT : c.oldValue,
        newValue: mentions(c.newValue) ? ERASED_TEXT : c.newValue,
      }));
      await m.query('UPDATE audit_events SET changes = ? WHERE id = ?', [JSON.stringify(changes), row.id]);
    }
    // An import's row error or warning loses its text and its catalog message (whose parameters may quote the person:
    // JSON-escaped): the owner of a taken address, the holder of a shared number, the row's own address.
    const likeJson = `%${JSON.stringify(term)
      .slice(1, -1)
      .replace(/[!%_]/g, (ch) => `!${ch}`)}%`;
    for (const table of ['import_row_errors', 'import_row_warnings'])
      await m.query(`UPDATE ${table} SET message = ?, message_json = NULL WHERE message LIKE ? ESCAPE '!' OR message_json LIKE ? ESCAPE '!'`, [
        ERASED_TEXT,
        like,
        likeJson,
      ]);
  }
}

async function lockLive(m: EntityManager, id: number): Promise<User> {
  const user = await forUpdate(m.createQueryBuilder(User, 'u').where('u.id = :id AND u.deleted_at IS NULL', { id })).getOne();
  if (!user) throw new NotFoundError(msg('notFound.user', { id }));
  return user;
}

async function lockDeleted(m: EntityManager, id: number): Promise<User> {
  const user = await forUpdate(
    m.createQueryBuilder(User, 'u').where('u.id = :id AND u.deleted_at IS NOT NULL AND u.erased_at IS NULL', { id }),
  ).getOne();
  if (!user) throw new NotFoundError(msg('notFound.deletedUser', { id }));
  return user;
}

async function primaryEmail(m: EntityManager, userId: number): Promise<string | null> {
  return (await m.findOneBy(UserIdentity, { userId, type: IdentityType.EMAIL, primary: true }))?.value ?? null;
}
