import type { EntityManager } from 'typeorm';
import type { Database } from '../db/database.js';
import { fromSqlDate, insertRows } from '../db/sql.js';
import { cursorCodec, readPage, type Page, type PageRequest } from '../db/paging.js';
import type { Actor } from '../auth/viewer.js';
import type { FieldChange, UserEvent } from './audit.types.js';

export type AuditAction = 'CREATED' | 'UPDATED' | 'ROLE_CHANGED' | 'SUSPENDED' | 'UNSUSPENDED' | 'DELETED' | 'PASSWORD_CHANGED';

/** Fields whose text the trail never copies: it records that they changed, not what they say. */
const REDACTED = new Set(['notes', 'details', 'password']);

export function change(field: string, oldValue: unknown, newValue: unknown): FieldChange {
  const text = (v: unknown): string | null =>
    v === null || v === undefined ? null : Array.isArray(v) ? v.join(', ') : v instanceof Date ? v.toISOString() : String(v);
  if (REDACTED.has(field)) return { field, oldValue: null, newValue: null, redacted: true };
  return { field, oldValue: text(oldValue), newValue: text(newValue), redacted: false };
}

/** The audit trail: written inside the same transaction as the change it records. */
export class AuditService {
  constructor(private readonly db: Database) {}

  async record(m: EntityManager, subjectId: number, action: AuditAction, actor: Actor, changes: FieldChange[], at = new Date()): Promise<void> {
    await this.recordEach(m, [subjectId], action, actor, changes, at);
  }

  /** The same change to many users (e.g. their organization deleted): one event each, in multi-row inserts. */
  async recordEach(m: EntityManager, subjectIds: readonly number[], action: AuditAction, actor: Actor, changes: FieldChange[], at = new Date()): Promise<void> {
    const actorKind = actor.tokenId !== null ? 'TOKEN' : actor.userId !== null ? 'USER' : 'SYSTEM';
    const json = JSON.stringify(changes);
    for (let i = 0; i < subjectIds.length; i += 500) {
      await insertRows(
        m,
        'audit_events',
        ['subject_type', 'subject_id', 'action', 'source', 'actor_kind', 'actor_user_id', 'actor_token_id', 'actor_token_name', 'changes', 'created_at'],
        subjectIds
          .slice(i, i + 500)
          .map((id) => ['user', id, action, actor.source, actorKind, actor.userId, actor.tokenId, actor.tokenName, json, at]),
      );
    }
  }

  /** A user's trail, newest first. */
  async forUser(userId: number, req: PageRequest): Promise<Page<UserEvent> & { total: number }> {
    const page = await readPage(req, { defaultSize: 20, decode: eventCursor.decode }, async (limit, after): Promise<UserEvent[]> => {
      const rows = await this.db.manager.query(
        `SELECT * FROM audit_events WHERE subject_type = 'user' AND subject_id = ?${after === null ? '' : ' AND id < ?'} ORDER BY id DESC LIMIT ${limit}`,
        after === null ? [userId] : [userId, after[0]],
      );
      return rows.map(
        (r: Record<string, unknown>): UserEvent => ({
          id: Number(r.id),
          action: String(r.action),
          source: String(r.source),
          actor: {
            kind: String(r.actor_kind),
            userId: r.actor_user_id === null ? null : Number(r.actor_user_id),
            tokenName: r.actor_token_name === null ? null : String(r.actor_token_name),
          },
          changes: JSON.parse(String(r.changes)),
          createdAt: fromSqlDate(r.created_at),
        }),
      );
    });
    const [{ n }] = await this.db.manager.query(`SELECT COUNT(*) AS n FROM audit_events WHERE subject_type = 'user' AND subject_id = ?`, [userId]);
    return { ...page, total: Number(n) };
  }
}

/** Events page newest first: a cursor is an event's id. */
export const eventCursor = cursorCodec('events', ['int']);
