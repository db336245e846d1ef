import type { Database } from '../db/database.js';
import { EmailTakenError, inputErrors, textOf, UserInputError, type InputProblem } from '../graphql/errors.js';
import type { Actor } from '../auth/viewer.js';
import { isStaffRole } from '../auth/policy.js';
import { lockUser } from '../users/user-reads.js';
import { normalizeName } from '../users/profile-rules.js';
import { CreatedVia, Role, type User } from '../users/user.entity.js';
import { Deliverability } from '../users/user-identity.entity.js';
import type { UserService } from '../users/user.service.js';
import { voidLinks } from '../door/account-links.js';
import type { DoorMail } from '../door/door-mail.js';
import { msg } from '../i18n/message.js';

/**
 * Inviting teammates (issue 13). An invitation is an agent or admin account
 * made through the one user service (createdVia INVITATION, `invitedAt` set)
 * whose invitation mail, with a single-use link valid 7 days, is queued in the
 * create's transaction (door/staff-create.ts). The account is pending until
 * the person chooses a password through the link (useAccountLink).
 *
 * - Resending voids the links sent before and mails a new one.
 * - Revoking deletes the pending account (a staff account's deletion frees
 *   its address at once, so it can be invited again); its links stop working.
 * - An address that has an account is EMAIL_TAKEN (with existingUserRole:
 *   for an end user, the admin app offers to change their role on their profile).
 */
export class TeamService {
  constructor(private readonly deps: { db: Database; users: UserService; mail: DoorMail }) {}

  async invite(input: { name: string; email: string; role: Role }, actor: Actor): Promise<User> {
    const problems: InputProblem[] = [];
    try {
      normalizeName(input.name ?? '');
    } catch (err) {
      if (!(err instanceof UserInputError)) throw err;
      problems.push({ field: 'name', message: textOf(err) });
    }
    if (!isStaffRole(input.role)) problems.push({ field: 'role', message: msg('team.inviteAgentAdminCustomers') });
    try {
      const email = await this.deps.users.checkEmail(input.email, 'email');
      if (email.deliverability === Deliverability.UNDELIVERABLE_RESERVED) {
        problems.push({
          field: 'email',
          message: msg('team.reservedAddressNeverReceives', { display: email.display }),
        });
      }
    } catch (err) {
      if (!(err instanceof UserInputError)) throw err;
      problems.push({ field: 'email', message: textOf(err) });
    }
    if (problems.length) throw inputErrors(problems);
    try {
      const created = await this.deps.users.create(
        { name: input.name, email: input.email, role: input.role },
        { ...actor, via: CreatedVia.INVITATION },
      );
      return created.user;
    } catch (err) {
      if (err instanceof EmailTakenError) {
        const owner = await this.deps.users.findById(Number(err.extensions.existingUserId));
        if (owner) err.extensions.existingUserRole = owner.role;
      }
      throw err;
    }
  }

  /**
   * A new invitation mail to a pending teammate; the links sent before stop working. The account and its primary
   * address are read under the account's lock (every change of an address takes it first), so a resend that waited
   * for a change of the primary address mails the new one, and concurrent resends take turns.
   */
  async resend(target: User, actor: Actor): Promise<User> {
    await this.deps.db.transaction(async (m) => {
      const user = await lockUser(m, target.id);
      if (!user || !user.invitedAt) throw notPending();
      const address = (await this.deps.users.findByIdIn(m, user.id))?.primaryEmail;
      if (!address) throw notPending();
      const now = new Date();
      await voidLinks(m, user.id, 'INVITE', now);
      await this.deps.users.markInvitedIn(m, user.id, now);
      const inviter = actor.userId === null ? null : await this.deps.users.findByIdIn(m, actor.userId);
      await this.deps.mail.invitation(m, { user, address }, inviter?.name ?? null);
    });
    return (await this.deps.users.findById(target.id))!;
  }

  /** Deletes a pending teammate's account (their invitation links stop working with it). */
  async revoke(target: User, actor: Actor): Promise<void> {
    if (!target.invitedAt) throw notPending();
    // Checked again under the row's lock: a person accepting at this moment keeps their account.
    await this.deps.users.delete(target, actor, (locked) => {
      if (!locked.invitedAt) throw notPending();
    });
  }
}

function notPending(): UserInputError {
  return new UserInputError('userId', msg('team.personHasNoPending'));
}
