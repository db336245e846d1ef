import { User } from './user.entity.js';
import type { EntityManager } from 'typeorm';
import type { Database } from '../db/database.js';
import { insertMany } from '../db/inserts.js';
import { forUpdateSql } from '../db/locks.js';
import { cursorCodec, readPage, type Page, type PageRequest } from '../db/paging.js';
import { fromSqlDate, placeholders } from '../db/sql.js';
import type { UserChangeKind, UserChangeListener } from './user-change-listeners.js';
import { UserChangeEntity, UserChangeLogEntity } from './user-change-feed.entity.js';

/**
 * The change feed behind `userChanges` (partner apps' incremental sync).
 *
 * A feed numbered when a change is written would skip changes: transaction A
 * takes number 10, B takes 11 and commits first, a reader reads up to 11 and
 * moves its cursor past 10 before A commits. So numbers are given at read
 * time, to committed changes only:
 *
 * 1. Every user write appends (user, kind, time) to `user_change_log`, inside
 *    its own transaction (a UserChangeListener): a rolled-back write leaves
 *    nothing, a committed one is in the log.
 * 2. A read first sequences the log: under the lock of the guard row
 *    `user_change_sequence` (one sequencer at a time), it moves the committed
 *    log rows into `user_changes` with the next numbers, and deletes them from
 *    the log, in one transaction. A log row still uncommitted is not seen, and
 *    gets a later number when a later read sequences it.
 * 3. The page is `user_changes` after the cursor, in number order.
 *
 * Numbers are given one sequencing at a time and each sequencing commits all
 * of its numbers at once, so a reader sees every number up to the highest it
 * sees: a cursor never passes a change that is not yet readable.
 *
 * The feed keeps the latest change of each user only: sequencing a user's
 * change removes its older entry (a reader that had not reached it will read
 * the new one, later in the feed), so the feed stays one row per user.
 */
export class UserChangeFeed {
  constructor(private readonly db: Database) {}

  /** Appends to the log, inside the writer's transaction. */
  readonly listener: UserChangeListener = async (m: EntityManager, userIds, kind: UserChangeKind, at: Date) => {
    for (let i = 0; i < userIds.length; i += 500) {
      await insertMany(
        m,
        UserChangeLogEntity,
        userIds.slice(i, i + 500).map((userId) => ({ userId, kind, changedAt: at })),
      );
    }
  };

  /** Gives the committed log rows their numbers (see above); returns how many. */
  async sequence(max = 5000): Promise<number> {
    return this.db.transaction(async (m) => {
      const [guard] = await m.query(`SELECT last_seq FROM user_change_sequence WHERE id = 1${forUpdateSql(m)}`);
      let last = Number(guard.last_seq);
      const pending: { id: unknown; user_id: unknown; kind: unknown; changed_at: unknown }[] = await m.query(
        `SELECT id, user_id, kind, changed_at FROM user_change_log ORDER BY id LIMIT ${Number(max)}`,
      );
      if (pending.length === 0) return 0;
      // The latest change of each user, in the order of their last change.
      const latest = new Map<number, { kind: string; changedAt: Date }>();
      for (const r of pending) {
        const userId = Number(r.user_id);
        latest.delete(userId);
        latest.set(userId, { kind: String(r.kind), changedAt: fromSqlDate(r.changed_at) });
      }
      const users = [...latest.keys()];
      for (let i = 0; i < users.length; i += 500) {
        const part = users.slice(i, i + 500);
        await m.query(`DELETE FROM user_changes WHERE user_id IN (${placeholders(part.length)})`, part);
      }
      const rows = [...latest].map(([userId, c]) => ({ seq: ++last, userId, kind: c.kind, changedAt: c.changedAt }));
      for (let i = 0; i < rows.length; i += 500) await insertMany(m, UserChangeEntity, rows.slice(i, i + 500));
      await m.query('UPDATE user_change_sequence SET last_seq = ? WHERE id = 1', [last]);
      const ids = pending.map((r) => Number(r.id));
      for (let i = 0; i < ids.length; i += 500) {
        const part = ids.slice(i, i + 500);
        await m.query(`DELETE FROM user_change_log WHERE id IN (${placeholders(part.length)})`, part);
      }
      return pending.length;
    });
  }

  /** When these users were deleted (a user deleted since its change was read); a row gone altogether counts as deleted now. */
  async deletedAt(userIds: readonly number[]): Promise<Map<number, Date>> {
    const out = new Map<number, Date>(userIds.map((id) => [id, new Date()]));
    if (userIds.length === 0) return out;
    const rows = await this.db.manager
      .createQueryBuilder(User, 'u')
      .select(['u.id AS id', 'u.deleted_at AS deleted_at'])
      .where('u.id IN (:...ids)', { ids: [...userIds] })
      .getRawMany<{ id: unknown; deleted_at: unknown }>();
    for (const r of rows) {
      if (r.deleted_at === null || r.deleted_at === undefined) out.delete(Number(r.id));
      else out.set(Number(r.id), fromSqlDate(r.deleted_at));
    }
    return out;
  }

  /** A page of the feed after a cursor, oldest change first (the log is sequenced first). */
  async page(req: PageRequest): Promise<Page<FeedEntry>> {
    while ((await this.sequence()) === 5000);
    return readPage(req, { defaultSize: 100, decode: changeCursor.decode }, async (limit, after) => {
      const rows: Record<string, unknown>[] = await this.db.manager.query(
        `SELECT c.seq, c.user_id, c.kind, c.changed_at, u.external_id, u.deleted_at
         FROM user_changes c LEFT JOIN users u ON u.id = c.user_id
         WHERE c.seq > ? ORDER BY c.seq LIMIT ${Number(limit)}`,
        [after ? after[0] : 0],
      );
      return rows.map((r) => ({
        seq: Number(r.seq),
        userId: Number(r.user_id),
        kind: String(r.kind) as UserChangeKind,
        changedAt: fromSqlDate(r.changed_at),
        externalId: r.external_id === null || r.external_id === undefined ? null : String(r.external_id),
        deletedAt: r.deleted_at === null || r.deleted_at === undefined ? null : fromSqlDate(r.deleted_at),
      }));
    });
  }
}

export interface FeedEntry {
  seq: number;
  userId: number;
  kind: UserChangeKind;
  changedAt: Date;
  externalId: string | null;
  /** Set when the user is deleted (whatever the kind of this entry): the entry is then a tombstone. */
  deletedAt: Date | null;
}

export const changeCursor = cursorCodec('userChanges', ['int']);
