import type { EntityManager } from 'typeorm';
import { UserInputError } from '../graphql/errors.js';
import { parseId } from '../graphql/ids.js';
import type { Actor } from '../auth/viewer.js';
import { emailWarnings } from '../users/email-deliverability.js';
import type { ParsedEmail } from '../users/email-address.js';
import { LIMITS, singleLine } from '../users/profile-rules.js';
import type { ContactOrigin, UserService } from '../users/user.service.js';
import type { User } from '../users/user.entity.js';
import type { UserWarning } from '../users/user.inputs.js';
import type { UserRefInput } from './ticket.inputs.js';
import { msg } from '../i18n/message.js';

/** A person named on a ticket, checked before the transaction: an existing user's id, or an address with an optional name. */
export type CheckedRef = { field: string; id: number } | { field: string; email: ParsedEmail; name: string | null };

export interface ResolvedPerson {
  user: User;
  created: boolean;
  warnings: UserWarning[];
}

/** Checks a UserRefInput (BAD_USER_INPUT naming `field`, `field.email`, `field.name`): exactly one of id and email. */
export async function checkRef(users: UserService, ref: UserRefInput | null | undefined, field: string): Promise<CheckedRef> {
  const hasId = ref?.id !== null && ref?.id !== undefined && ref.id !== '';
  const hasEmail = ref?.email !== null && ref?.email !== undefined && ref.email.trim() !== '';
  if (!ref || hasId === hasEmail) throw new UserInputError(field, msg('tickets.giveEitherIdUser'));
  if (hasId) {
    const id = parseId(ref.id!);
    // Answered as an id that does not exist (resolveRef).
    if (id === null) throw new UserInputError(`${field}.id`, msg('tickets.thereNoUserWith', { id: ref.id! }));
    return { field, id };
  }
  const email = await users.checkEmail(ref.email, `${field}.email`);
  const name = ref.name === null || ref.name === undefined ? null : singleLine(`${field}.name`, 'Name', ref.name, LIMITS.name, 'name') || null;
  return { field, email, name };
}

/** The user a checked reference names, found or made inside the ticket's transaction. */
export async function resolveRef(
  users: UserService,
  m: EntityManager,
  ref: CheckedRef,
  origin: ContactOrigin,
  actor: Actor,
): Promise<ResolvedPerson> {
  if ('id' in ref) {
    const user = await users.findByIdIn(m, ref.id);
    if (!user) throw new UserInputError(`${ref.field}.id`, msg('tickets.thereNoUserWith', { id: ref.id }));
    return { user, created: false, warnings: [] };
  }
  const r = await users.findOrCreateByEmail(m, { email: ref.email, name: ref.name }, origin, actor);
  // A reserved or mailless address, or one the block list holds or refuses (createUser's BLOCKED_ADDRESS), is worth
  // knowing whether the person was just made or not.
  const found = [...emailWarnings(ref.email), ...(await users.teamAddressWarnings(m, ref.email, r.created))];
  const warnings = found.map((w) => ({ ...w, field: `${ref.field}.email` }));
  return { user: r.user, created: r.created, warnings };
}

/** Refuses a list of people longer than `max`. */
export function atMost<T>(list: readonly T[] | null | undefined, max: number, field: string): readonly T[] {
  const l = list ?? [];
  if (l.length > max) throw new UserInputError(field, msg('tickets.atMostPeople', { max }));
  return l;
}
