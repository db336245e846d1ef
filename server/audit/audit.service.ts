import { LessThan, type EntityManager } from 'typeorm';
import type { Database } from '../db/database.js';
import { insertMany } from '../db/inserts.js';
import { cursorCodec, readPage, type Page, type PageRequest } from '../db/paging.js';
import { AuditEventEntity } from './audit-event.entity.js';
import type { Actor } from '../auth/viewer.js';
import type { AuditSource, EventActorKind, FieldChange, UserEvent, UserEventAction } from './audit.types.js';

export type AuditAction =
  | 'CREATED'
  | 'UPDATED'
  | 'ROLE_CHANGED'
  | 'SUSPENDED'
  | 'UNSUSPENDED'
  | 'DELETED'
  | 'PASSWORD_CHANGED'
  | 'UNLOCKED'
  | 'RESTORED'
  | 'ERASED'
  | 'MERGED';

/** Fields whose text the trail never copies: it records that they changed, not what they say. */
const REDACTED = new Set(['notes', 'details', 'password']);

export function change(field: string, oldValue: unknown, newValue: unknown): FieldChange {
  const text = (v: unknown): string | null =>
    v === null || v === undefined ? null : Array.isArray(v) ? v.join(', ') : v instanceof Date ? v.toISOString() : String(v);
  if (REDACTED.has(field)) return { field, oldValue: null, newValue: null, redacted: true };
  return { field, oldValue: text(oldValue), newValue: text(newValue), redacted: false };
}

/** An organization change, by name, with the organizations' ids: the history names them as they are now (renamed, deleted). */
export function organizationChange(before: { id: number; name: string } | null, after: { id: number; name: string } | null): FieldChange {
  return { ...change('organization', before?.name ?? null, after?.name ?? null), oldRef: before?.id ?? null, newRef: after?.id ?? null };
}

/** The audit trail: written inside the same transaction as the change it records. */
export class AuditService {
  constructor(private readonly db: Database) {}

  async record(m: EntityManager, subjectId: number, action: AuditAction, actor: Actor, changes: FieldChange[], at = new Date()): Promise<void> {
    await this.recordEach(m, [subjectId], action, actor, changes, at);
  }

  /** The same change to many users (e.g. their organization deleted): one event each, in multi-row inserts. */
  async recordEach(
    m: EntityManager,
    subjectIds: readonly number[],
    action: AuditAction,
    actor: Actor,
    changes: FieldChange[],
    at = new Date(),
  ): Promise<void> {
    await this.recordSubjects(m, 'user', subjectIds, action, actor, changes, at);
  }

  /** Events about another kind of subject (a ticket's history), in the same table and transaction. */
  async recordSubjects(
    m: EntityManager,
    subjectType: string,
    subjectIds: readonly number[],
    action: string,
    actor: Actor,
    changes: FieldChange[],
    at = new Date(),
  ): Promise<void> {
    const event = {
      subjectType,
      action,
      source: actor.source,
      actorKind: actor.tokenId !== null ? 'TOKEN' : actor.userId !== null ? 'USER' : 'SYSTEM',
      actorUserId: actor.userId,
      actorTokenId: actor.tokenId,
      actorTokenName: actor.tokenName,
      changes: JSON.stringify(changes),
      createdAt: at,
    };
    for (let i = 0; i < subjectIds.length; i += 500) {
      const rows = subjectIds.slice(i, i + 500).map((subjectId) => ({ ...event, subjectId }));
      await insertMany(m, AuditEventEntity, rows);
    }
  }

  /** Events of several users, each with its own changes (a batch's history lines), in multi-row inserts. */
  async recordMany(
    m: EntityManager,
    actor: Actor,
    events: readonly { subjectId: number; action: AuditAction; changes: FieldChange[]; at: Date }[],
  ): Promise<void> {
    const rows = events.map((e) => ({
      subjectType: 'user',
      subjectId: e.subjectId,
      action: e.action,
      source: actor.source,
      actorKind: actor.tokenId !== null ? 'TOKEN' : actor.userId !== null ? 'USER' : 'SYSTEM',
      actorUserId: actor.userId,
      actorTokenId: actor.tokenId,
      actorTokenName: actor.tokenName,
      changes: JSON.stringify(e.changes),
      createdAt: e.at,
    }));
    for (let i = 0; i < rows.length; i += 500) await insertMany(m, AuditEventEntity, rows.slice(i, i + 500));
  }

  /** A user's trail, newest first. */
  forUser(userId: number, req: PageRequest): Promise<Page<UserEvent> & { total: number }> {
    return this.forSubject<UserEventAction>('user', userId, req);
  }

  /** The trail of one subject of a kind, newest first. */
  async forSubject<A extends string>(
    subjectType: string,
    subjectId: number,
    req: PageRequest,
  ): Promise<Page<Omit<UserEvent, 'action'> & { action: A }> & { total: number }> {
    const subject = { subjectType, subjectId };
    const page = await readPage(req, { defaultSize: 20, decode: eventCursor.decode }, async (limit, after) => {
      const rows = await this.db.manager.find(AuditEventEntity, {
        where: after === null ? subject : { ...subject, id: LessThan(after[0]) },
        order: { id: 'DESC' },
        take: limit,
      });
      return rows.map((r) => ({
        id: r.id,
        action: r.action as A,
        source: r.source as AuditSource,
        actor: { kind: r.actorKind as EventActorKind, userId: r.actorUserId, tokenName: r.actorTokenName },
        changes: JSON.parse(r.changes),
        createdAt: r.createdAt,
      }));
    });
    return { ...page, total: await this.db.manager.countBy(AuditEventEntity, subject) };
  }
}

/** Events page newest first: a cursor is an event's id. */
export const eventCursor = cursorCodec('events', ['int']);
