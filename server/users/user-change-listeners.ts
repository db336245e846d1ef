import type { EntityManager } from 'typeorm';
import { User } from './user.entity.js';

/** How a user changed, as the listeners hear it. */
export type UserChangeKind = 'CREATED' | 'UPDATED' | 'DELETED';

/**
 * Told, inside the write transaction, which users' visible data changed: what
 * the user itself shows (name, addresses, tags, custom fields, role…) and what
 * it shows of others (its organization's name). A listener writes in the same
 * transaction (a search index, a change feed), so what it keeps is never
 * behind the change and a failure rolls both back.
 */
export type UserChangeListener = (m: EntityManager, userIds: readonly number[], kind: UserChangeKind, at: Date) => Promise<void>;

/**
 * The one place user changes are announced. The user service calls `changed`
 * after every write it records; the organization service calls
 * `organizationChanged` when what its members show of it changes (its name).
 * Made once per app (server/app.ts) and shared by both services.
 */
export class UserChangeListeners {
  private readonly listeners: UserChangeListener[] = [];

  /** Adds a listener; returns a function that removes it. */
  add(listener: UserChangeListener): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  async changed(m: EntityManager, userIds: readonly number[], kind: UserChangeKind, at: Date): Promise<void> {
    if (userIds.length === 0) return;
    const ids = [...new Set(userIds)];
    for (const listener of this.listeners) await listener(m, ids, kind, at);
  }

  /** An organization's name changed: each of its (not deleted) users shows it. */
  async organizationChanged(m: EntityManager, organizationId: number, at: Date): Promise<void> {
    if (this.listeners.length === 0) return;
    const members = await m
      .createQueryBuilder(User, 'u')
      .select('u.id')
      .where('u.organization_id = :org AND u.deleted_at IS NULL', { org: organizationId })
      .getMany();
    await this.changed(
      m,
      members.map((u) => u.id),
      'UPDATED',
      at,
    );
  }
}
