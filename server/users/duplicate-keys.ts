import type { EntityManager } from 'typeorm';
import { duplicateKeyOf } from '../db/database.js';
import { EmailTakenError, UserInputError } from '../graphql/errors.js';
import { msg } from '../i18n/message.js';
import { holderOf } from './identity-holders.js';
import { IdentityType } from './user-identity.entity.js';
import type { UserIdentities } from './user-identities.js';
import { User } from './user.entity.js';

/** The keys a write gave an account: its primary email, its extra ones (normalized), its external id's key. */
export interface DuplicateKeys {
  email?: string | null;
  extraEmails?: readonly string[];
  externalIdKey?: string | null;
}

/**
 * A unique key's refusal (a duplicate key the database raised) as the error the asker reads: EMAIL_TAKEN naming the
 * first of the write's addresses another account holds, and its field (`email`, or `emails` for an extra address), or
 * the external id's owner; any other error as it is. `selfId`: the account written, which may hold its own keys.
 */
export async function explainDuplicate(
  m: EntityManager,
  identities: UserIdentities,
  err: unknown,
  keys: DuplicateKeys,
  selfId?: number,
): Promise<unknown> {
  const dup = duplicateKeyOf(err);
  if (!dup) return err;
  const emails = [...(keys.email ? [{ key: keys.email, field: 'email' }] : []), ...(keys.extraEmails ?? []).map((key) => ({ key, field: 'emails' }))];
  if (/unique_value|type_unique|value_normalized|type_value/.test(dup.index) && emails.length) {
    for (const { key, field } of emails) {
      const holder = await holderOf(m, IdentityType.EMAIL, key);
      if (holder && holder.id !== selfId) return new EmailTakenError(holder, field);
    }
    return identities.taken(emails[0].key, emails[0].field, selfId);
  }
  if (/external_id/.test(dup.index) && keys.externalIdKey) {
    const owner = await m.findOne(User, { where: { externalIdKey: keys.externalIdKey }, select: { id: true, name: true } });
    const e = new UserInputError('externalId', msg('users.externalIdAlreadyUsed', { value: owner?.name ?? 'another user' }));
    if (owner && owner.id !== selfId) e.extensions.existingUserId = String(owner.id);
    return e;
  }
  return err;
}
