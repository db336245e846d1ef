import type { EntityManager } from 'typeorm';
import { textOf, UserInputError } from '../graphql/errors.js';
import type { Actor } from '../auth/viewer.js';
import { change } from '../audit/audit.service.js';
import type { FieldChange } from '../audit/audit.types.js';
import type { ParsedEmail } from './email-address.js';
import { normalizePhone } from './profile-rules.js';
import type { UserIdentities } from './user-identities.js';
import { insertPhone, sharedPhoneWarning } from './user-phones.js';
import type { UserWarning } from './user.inputs.js';
import type { BatchWrites } from './batch-writes.js';

/** Addresses beyond the primary email and phone (an imported row's `emails` and `phones` cells, upsertUsers' `emails` and `phones`). */
export interface Extras {
  emails?: string[] | null;
  phones?: string[] | null;
}

export interface PreparedExtras {
  emails: ParsedEmail[];
  phones: string[];
}

/** Validates extra addresses by the same rules as the primary ones (BAD_USER_INPUT on `emails` or `phones`). */
export async function prepareExtras(extras: Extras, identities: UserIdentities, defaultPhoneCountry?: string): Promise<PreparedExtras> {
  const emails: ParsedEmail[] = [];
  for (const e of extras.emails ?? []) emails.push(await identities.checkedEmail(e, 'emails'));
  const phones: string[] = [];
  for (const ph of extras.phones ?? []) {
    try {
      const n = normalizePhone(ph, defaultPhoneCountry);
      if (n) phones.push(n);
    } catch (err) {
      throw err instanceof UserInputError ? new UserInputError('phones', textOf(err)) : err;
    }
  }
  return { emails, phones };
}

/**
 * Adds, inside the caller's transaction, the extra addresses the user does
 * not have yet (owned emails, phones: shared when someone else has the
 * number); returns the history's changes. Never removes an address.
 */
export async function writeExtras(
  m: EntityManager,
  identities: UserIdentities,
  userId: number,
  extras: PreparedExtras,
  haveEmails: string[],
  havePhones: string[],
  actor: Actor,
  now: Date,
  warnings: UserWarning[],
  batch?: BatchWrites,
): Promise<FieldChange[]> {
  const recorded: FieldChange[] = [];
  const emails = new Set(haveEmails);
  for (const e of extras.emails) {
    if (emails.has(e.normalized)) continue;
    emails.add(e.normalized);
    // In a batch the insert and the claims look-up wait for the end of the transaction (see batch-writes.ts).
    const deferTo = batch?.deferIdentities ? batch : undefined;
    await identities.insertOwnedEmail(m, userId, e, { primary: false, verified: false, claimsLater: batch !== undefined, deferTo }, actor, now);
    batch?.ownedEmail(e.normalized, userId);
    recorded.push(change('emails', null, e.address));
  }
  const phones = new Set(havePhones);
  for (const n of extras.phones) {
    if (phones.has(n)) continue;
    phones.add(n);
    const added = await insertPhone(m, userId, n, { primary: false, now }, batch?.phones);
    if (added.owner) warnings.push(sharedPhoneWarning('phones', n, added.owner));
    recorded.push(change('phones', null, n));
  }
  return recorded;
}
