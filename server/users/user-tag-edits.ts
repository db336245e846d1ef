import type { EntityManager } from 'typeorm';
import type { Database } from '../db/database.js';
import { insertMany } from '../db/inserts.js';
import { NotFoundError, UserInputError } from '../graphql/errors.js';
import type { Actor } from '../auth/viewer.js';
import { change, type AuditService } from '../audit/audit.service.js';
import { LIMITS, normalizeTags } from './profile-rules.js';
import type { UserChangeListeners } from './user-change-listeners.js';
import { recordVersion } from '../versions/record-versions.js';
import { lockUser } from './user-reads.js';
import { UserTag } from './user-tag.entity.js';
import { User } from './user.entity.js';
import type { TagEdit } from './user-account.types.js';
import { msg } from '../i18n/message.js';

/**
 * addUserTags / removeUserTags: a change of some tags, not a replacement of
 * the set, so two systems editing one user's tags do not overwrite each
 * other. Under the user's row lock, like every change of a user; adding a tag
 * the user has, or removing one they do not have, changes nothing.
 */
export class UserTagEdits {
  constructor(
    private readonly db: Database,
    private readonly deps: { audit: AuditService; changes: UserChangeListeners },
  ) {}

  /** `unless`: a check of the account as locked (it throws to refuse): the caller's rule, read before the lock, may no longer hold. */
  async edit(userId: number, op: 'add' | 'remove', tags: readonly string[], actor: Actor, unless?: (locked: User) => void): Promise<void> {
    const wanted = normalizeTags(tags);
    await this.db.transaction(async (m: EntityManager) => {
      const now = new Date();
      const locked = await lockUser(m, userId);
      if (!locked) throw new NotFoundError(msg('notFound.user', { id: userId }));
      unless?.(locked);
      const before = (await m.find(UserTag, { where: { userId }, order: { tag: 'ASC' } })).map((t) => t.tag);
      const have = new Set(before);
      const delta = wanted.filter((t) => (op === 'add' ? !have.has(t) : have.has(t)));
      if (delta.length === 0) return;
      const after = op === 'add' ? [...before, ...delta].sort() : before.filter((t) => !delta.includes(t));
      if (after.length > LIMITS.tags) throw new UserInputError('tags', msg('users.userHaveAtMost', { tags: LIMITS.tags }));
      if (op === 'add')
        await insertMany(
          m,
          UserTag,
          delta.map((tag) => ({ userId, tag })),
        );
      else for (const tag of delta) await m.delete(UserTag, { userId, tag });
      await m.update(User, { id: userId }, { updatedAt: now });
      await this.deps.audit.record(m, userId, 'UPDATED', actor, [change('tags', before, after)], now);
      await this.deps.changes.changed(m, [userId], 'UPDATED', now);
      await recordVersion(m, 'user', userId, actor.userId, [{ field: 'tags', before, after }], now);
    });
  }
}

/** `have` (the tags as locked) after `edit`: the removed go, the added join once, a tag in both goes; within the tag limit. */
export function editedTags(have: readonly string[], edit: TagEdit): string[] {
  const remove = new Set(edit.remove);
  const after = [...new Set([...have, ...edit.add])].filter((t) => !remove.has(t));
  if (after.length > LIMITS.tags) throw new UserInputError('tags', msg('users.userHaveAtMost', { tags: LIMITS.tags }));
  return after;
}
