import type { EntityManager } from 'typeorm';
import { forUpdate } from '../db/locks.js';
import { ForbiddenError } from '../graphql/errors.js';
import { msg } from '../i18n/message.js';
import { User } from './user.entity.js';

const ACTIVE_ADMIN = "u.role = 'ADMIN' AND u.suspended = 0 AND u.deleted_at IS NULL";

/** Locks every active admin (through ix_users_role, in id order) for the rest of the transaction. */
export async function lockActiveAdmins(m: EntityManager): Promise<User[]> {
  return forUpdate(m.createQueryBuilder(User, 'u').select(['u.id']).where(ACTIVE_ADMIN).orderBy('u.id')).getMany();
}

/** The last-admin rule: refuses a change that would leave no active admin, counting under the admins' locks. */
export async function keepOneAdmin(m: EntityManager, leavingId: number): Promise<void> {
  const others = (await lockActiveAdmins(m)).filter((u) => u.id !== leavingId);
  if (others.length === 0) throw new ForbiddenError(msg('users.accueilNeedsAtLeast'));
}
