import type { EntityManager } from 'typeorm';
import type { Database } from '../db/database.js';
import { fromSqlDate, insertRows } from '../db/sql.js';
import { UserInputError } from '../graphql/errors.js';
import type { Actor } from '../auth/viewer.js';
import type { AuditSource, EventActorKind, FieldChange, UserEvent, UserEventAction } from './audit.types.js';

export type AuditAction = 'CREATED' | 'UPDATED' | 'ROLE_CHANGED' | 'SUSPENDED' | 'UNSUSPENDED' | 'DELETED' | 'PASSWORD_CHANGED' | 'UNLOCKED';

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

  async forUser(userId: number, first: number, after: string | null): Promise<{ events: UserEvent[]; hasNextPage: boolean; total: number }> {
    if (first < 0) throw new UserInputError('first', 'first cannot be negative.');
    const size = Math.min(first, 100);
    let beforeId: number | null = null;
    if (after) {
      const m = /^event:(\d{1,15})$/.exec(Buffer.from(after, 'base64url').toString('utf8'));
      if (!m) throw new UserInputError('after', 'This cursor is not one that events() returned.');
      beforeId = Number(m[1]);
    }
    const rows = await this.db.manager.query(
      `SELECT * FROM audit_events WHERE subject_type = 'user' AND subject_id = ?${beforeId === null ? '' : ' AND id < ?'} ORDER BY id DESC LIMIT ${size + 1}`,
      beforeId === null ? [userId] : [userId, beforeId],
    );
    const [{ n }] = await this.db.manager.query(`SELECT COUNT(*) AS n FROM audit_events WHERE subject_type = 'user' AND subject_id = ?`, [userId]);
    const events = rows.slice(0, size).map(
      (r: Record<string, unknown>): UserEvent => ({
        id: Number(r.id),
        action: String(r.action) as UserEventAction,
        source: String(r.source) as AuditSource,
        actor: {
          kind: String(r.actor_kind) as EventActorKind,
          userId: r.actor_user_id === null ? null : Number(r.actor_user_id),
          tokenName: r.actor_token_name === null ? null : String(r.actor_token_name),
        },
        changes: JSON.parse(String(r.changes)),
        createdAt: fromSqlDate(r.created_at),
      }),
    );
    return { events, hasNextPage: rows.length > size, total: Number(n) };
  }
}

export const eventCursor = (id: number): string => Buffer.from(`event:${id}`).toString('base64url');
