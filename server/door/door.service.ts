import type { Database } from '../db/database.js';
import { ForbiddenError, inputErrors, NotFoundError, textOf, UserInputError, type InputProblem } from '../graphql/errors.js';
import { SYSTEM_ACTOR, type Actor } from '../auth/viewer.js';
import { AuditSource } from '../audit/audit.types.js';
import { checkPasswordPolicy, hashPassword } from '../auth/password.js';
import { normalizeName } from '../users/profile-rules.js';
import { CreatedVia } from '../users/role.js';
import type { User } from '../users/user.entity.js';
import { lockUser } from '../users/user-reads.js';
import { IdentityType, UserIdentity } from '../users/user-identity.entity.js';
import type { UserService } from '../users/user.service.js';
import { isDeletedCustomerError } from '../users/user-contacts.js';
import type { ParsedEmail } from '../users/email-address.js';
import type { TicketService } from '../tickets/ticket.service.js';
import { admitRequest, type RequestAdmission } from '../tickets/request-admission.js';
import { RequestAccess, TicketHold } from '../settings/request-access.js';
import type { SettingsService } from '../settings/settings.service.js';
import { checkLink, useLink, voidLinks, type LinkState } from './account-links.js';
import type { LinkPurpose } from './account-link.entity.js';
import type { DoorMail } from './door-mail.js';
import { msg, type Message } from '../i18n/message.js';

/** The help center's writes: nobody signed in; the history says HELP_CENTER's person did it themself. */
export const HELP_CENTER_ACTOR: Actor = { ...SYSTEM_ACTOR, via: CreatedVia.SELF, source: AuditSource.WEB_FORM };

const LINK_MESSAGES: Record<Exclude<LinkState, 'VALID'>, Message> = {
  EXPIRED: msg('door.linkExpired'),
  USED: msg('door.linkUsed'),
  INVALID: msg('door.linkInvalid'),
};

/**
 * The end users' door (help center): sign up, follow a mailed link
 * (verify the address, choose a password), ask for a new link or a
 * password reset, and staff's resendVerification. Accounts are found or made
 * through the one user service, in the same transaction as the mail they
 * cause. No answer tells whether an address has an account: sign-up and
 * reset answer the same for a new address, a known one, a refused one.
 */
export class DoorService {
  constructor(
    private readonly deps: {
      db: Database;
      users: UserService;
      tickets: TicketService;
      settings: SettingsService;
      admission: RequestAdmission;
      mail: DoorMail;
    },
  ) {}

  async signUpOpen(): Promise<boolean> {
    const { row } = await this.deps.settings.get();
    return row.helpCenterSignUp && row.requestAccess !== RequestAccess.CLOSED;
  }

  /**
   * A visitor signs up with a name and an address. New and admitted: an
   * account (createdVia SELF, unverified) and the welcome email with its
   * verification link; held by the block list (suspend:): the account, no
   * mail, until staff send the verification (resendVerification). Known:
   * a password-reset link to that address. Refused, a deleted customer's
   * address, or a bot: nothing.
   */
  async signUp(input: { name?: string | null; email?: string | null; website?: string | null }): Promise<void> {
    if (!admitRequest({ website: input.website }).admitted) return;
    if (!(await this.signUpOpen())) throw new ForbiddenError(msg('door.signUpClosedAsk'));
    const { name, email } = await this.checked(input);
    const admission = await this.deps.admission.admit(email);
    if (!admission.admitted) return;
    await this.deps.db
      .transaction(async (m) => {
        const r = await this.deps.users.findOrCreateByEmail(m, { email, name }, { via: CreatedVia.SELF }, HELP_CENTER_ACTOR);
        const to = { user: r.user, address: email.address };
        if (admission.hold === TicketHold.SUSPENDED || r.user.suspended) return;
        if (r.created) await this.deps.mail.welcome(m, to);
        else await this.deps.mail.passwordReset(m, to);
      })
      .catch((err: unknown) => {
        // The account was deleted since admission read it: nothing, as for any refused sign-up.
        if (!isDeletedCustomerError(err)) throw err;
      });
  }

  /** What a link is worth now (the page says expired or used, and offers a new one). */
  async linkState(token: string): Promise<{ state: LinkState; purpose: LinkPurpose | null }> {
    const { row } = await this.deps.settings.get();
    const r = await checkLink(this.deps.db.manager, row.signingSecret, token);
    // The account went meanwhile (a revoked invitation, a deleted account): the link leads nowhere.
    if (r.state === 'VALID' && !(await this.deps.users.findById(r.link!.userId))) return { state: 'INVALID', purpose: null };
    return { state: r.state, purpose: r.link?.purpose ?? null };
  }

  /**
   * Follows a link with the password the person chose, in one transaction:
   * the link is used (once), the address it was sent to is verified, the
   * password set, and tickets that waited for the verification are worked.
   * Answers the user, for the caller to sign in.
   */
  async useLink(token: string, password: string): Promise<User> {
    checkPasswordPolicy(password, 'password');
    const { row } = await this.deps.settings.get();
    // A dead link is told at once, before the (deliberately slow) password hash.
    const first = await checkLink(this.deps.db.manager, row.signingSecret, token);
    if (first.state !== 'VALID') throw linkError(first.state);
    const hash = await hashPassword(password);
    const userId = await this.deps.db.transaction(async (m) => {
      const r = await checkLink(m, row.signingSecret, token, { lock: true });
      if (r.state !== 'VALID' || !r.link) throw linkError(r.state);
      const link = r.link;
      const user = await this.deps.users.findByIdIn(m, link.userId);
      if (!user || user.suspended) throw linkError('INVALID');
      const now = new Date();
      const actor: Actor = { ...HELP_CENTER_ACTOR, userId: user.id };
      await useLink(m, link, now);
      const parsed = await this.deps.users.checkEmail(link.email, 'token');
      if (!(await this.deps.users.verifyAddressIn(m, user.id, parsed.normalized, actor, now))) throw linkError('INVALID');
      await this.deps.users.setPasswordHashIn(m, user.id, hash, actor, now);
      await this.deps.tickets.releaseUnverified(m, user.id, actor);
      return user.id;
    });
    return (await this.deps.users.findById(userId))!;
  }

  /** A new link like an expired or used one, to the same address (nothing for a forged one or a suspended account). */
  async renewLink(token: string): Promise<void> {
    const { row } = await this.deps.settings.get();
    const r = await checkLink(this.deps.db.manager, row.signingSecret, token);
    if (!r.link) return;
    const link = r.link;
    const parsed = await this.deps.users.checkEmail(link.email, 'token').catch(() => null);
    if (!parsed) return;
    await this.deps.db.transaction(async (m) => {
      // Under the person's lock, read again: an invitation accepted meanwhile is not pending any more.
      const user = await lockUser(m, link.userId);
      if (!user || user.suspended) return;
      // Only to an address the account still has (its primary one for an invitation): an old link to an address
      // corrected since neither mails that address again nor voids the links sent to the right one.
      const identity = await m.findOneBy(UserIdentity, { userId: user.id, type: IdentityType.EMAIL, valueNormalized: parsed.normalized });
      if (!identity || (link.purpose === 'INVITE' && !identity.primary)) return;
      const to = { user, address: link.email };
      if (link.purpose === 'VERIFY') {
        // A new verification link, asked for: the older unused ones stop working (as for an invitation).
        await voidLinks(m, user.id, 'VERIFY');
        await this.deps.mail.verification(m, to);
      } else if (link.purpose === 'INVITE' && user.invitedAt) {
        // An expired invitation, still pending: a new one (the older links stop working).
        await voidLinks(m, user.id, 'INVITE');
        await this.deps.users.markInvitedIn(m, user.id, new Date());
        await this.deps.mail.invitation(m, to, null);
      } else await this.deps.mail.passwordReset(m, to);
    });
  }

  /**
   * A reset link to an address's owner (nothing when nobody owns it, or they
   * are suspended). Staff's link opens the admin app's reset page (door-mail.ts).
   */
  async requestPasswordReset(value: string): Promise<void> {
    const email = await this.deps.users.checkEmail(value, 'email');
    const owner = await this.deps.users.findByEmail(email.address);
    if (!owner || owner.suspended) return;
    await this.deps.db.transaction((m) => this.deps.mail.passwordReset(m, { user: owner, address: email.address }));
  }

  /**
   * Staff send a new verification link to someone's primary address: the account and its primary address as they
   * are under the account's lock (every change of an address takes that lock first), so a resend that waited for a
   * change of the primary address mails the new one, and concurrent resends take turns. The person's older unused
   * verification links stop working (they answer USED, as a followed link does): only the newest one verifies.
   * `unless`: a check of the account as locked (it throws to refuse): the caller's rule, read before the lock, may no longer hold.
   */
  async resendVerification(user: User, unless?: (locked: User) => void): Promise<void> {
    await this.deps.db.transaction(async (m) => {
      const locked = await lockUser(m, user.id);
      if (!locked) throw new NotFoundError(msg('notFound.user', { id: user.id }));
      unless?.(locked);
      const address = (await this.deps.users.findByIdIn(m, locked.id))?.primaryEmail;
      if (!address) throw new UserInputError('userId', msg('door.personHasNoEmail'));
      await voidLinks(m, locked.id, 'VERIFY');
      await this.deps.mail.verification(m, { user: locked, address });
    });
  }

  private async checked(input: { name?: string | null; email?: string | null }): Promise<{ name: string; email: ParsedEmail }> {
    const problems: InputProblem[] = [];
    let name = '';
    let email: ParsedEmail | undefined;
    try {
      name = normalizeName(input.name ?? '');
    } catch (err) {
      if (!(err instanceof UserInputError)) throw err;
      problems.push({ field: 'name', message: textOf(err) });
    }
    try {
      email = await this.deps.users.checkEmail(input.email, 'email');
    } catch (err) {
      if (!(err instanceof UserInputError)) throw err;
      problems.push({ field: 'email', message: textOf(err) });
    }
    if (problems.length) throw inputErrors(problems);
    return { name, email: email! };
  }
}

function linkError(state: Exclude<LinkState, 'VALID'> | LinkState): UserInputError {
  const e = new UserInputError('token', LINK_MESSAGES[state === 'VALID' ? 'INVALID' : state]);
  Object.assign(e.extensions, { reason: state });
  return e;
}
