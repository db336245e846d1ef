import type { ParsedEmail } from '../users/email-address.js';
import { isStaffRole } from '../auth/policy.js';
import { CreatedVia } from '../users/role.js';
import type { User } from '../users/user.entity.js';
import type { UserService } from '../users/user.service.js';
import type { OrganizationService } from '../organizations/organization.service.js';
import { listVerdict, type ListVerdict } from '../settings/access-lists.js';
import { RequestAccess, TicketHold } from '../settings/request-access.js';
import type { DeskSettings, SettingsService } from '../settings/settings.service.js';

/** Where a request comes in. */
export type RequestPath = 'WEB_FORM' | 'EMAIL' | 'SIGN_UP';

/** Why a request is dropped (answered as a success all the same: the sender never learns which rule applied). */
export type Refusal = 'HONEYPOT' | 'REJECTED' | 'CLOSED' | 'RESTRICTED' | 'STAFF_ADDRESS' | 'DELETED_ACCOUNT';

export type Admission =
  | {
      admitted: true;
      /** Held instead of worked: SUSPENDED (block list), UNVERIFIED (REGISTERED: waits for the sender to verify). */
      hold: TicketHold | null;
      /** A verification mail goes to the sender (REGISTERED, an unknown or unverified sender; never for a SUSPENDED hold). */
      verify: boolean;
    }
  | { admitted: false; reason: Refusal };

/** What admission reads of a request: the hidden field, and (once it is well formed) the sender's address. */
export interface RequestToAdmit {
  website?: string | null;
  email?: ParsedEmail;
}

/** What the rules know of a sender who has an account; 'DELETED': the address is a deleted customer's (kept until erased). */
export type KnownSender = Pick<User, 'role' | 'createdVia' | 'verified' | 'suspended'>;
export type Sender = KnownSender | 'DELETED' | null;

/**
 * Who stands behind a request on the web form: the account signed in
 * (`signedInUserId`, null when nobody is). Sign-up gives none: it is taken at
 * its sender's word, as before.
 */
export interface WebFormSender {
  signedInUserId: number | null;
}

/**
 * Mail to the desk: whether the desk's receiving server proved the From
 * domain (inbound/authentication-results.ts). A customer's address is taken
 * at its word as before; a staff address needs the proof.
 */
export interface MailSender {
  senderProven: boolean;
}

const ADMIT: Admission = { admitted: true, hold: null, verify: false };
/** Held for review: nothing is mailed until someone looks at it. */
const HOLD_SUSPENDED: Admission = { admitted: true, hold: TicketHold.SUSPENDED, verify: false };

/** A bot that filled the hidden `website` field (checked before the fields: it gets no field errors to learn from). */
export function admitRequest(request: RequestToAdmit): Admission {
  if (typeof request.website === 'string' && request.website.trim() !== '') return { admitted: false, reason: 'HONEYPOT' };
  return ADMIT;
}

/**
 * The rules, pure: who may submit a request (the web form, mail to the desk,
 * a sign-up), by Zendesk's semantics.
 *
 * 0. An address a deleted customer still holds (until erased) is refused
 *    (DELETED_ACCOUNT) on every path, answered like any refusal: no ticket,
 *    no account, no mail, and nothing that tells the address had an account.
 * 1. Staff (agents, admins) always may, except by their address alone: an
 *    anonymous web-form request, or mail without proof of its sender
 *    (`addressProven` false), from a staff address is refused
 *    (STAFF_ADDRESS), never made in their name. A suspended one's is held.
 * 2. The lists: the allow list and the organizations' domains win over the
 *    block list; else `reject:` refuses outright; `suspend:`, a plain entry
 *    and `*` hold the request (SUSPENDED) for review. So does a suspended
 *    account's request (Zendesk: a suspended user's tickets are suspended),
 *    whatever the lists allow, once the rules below would take it at all:
 *    no acknowledgment and no verification link is mailed to them.
 * 3. requestAccess: CLOSED admits only people the team added (any account not
 *    made by its owner: createdVia other than SELF), and no sign-up makes an
 *    account; RESTRICTED admits those and allowed addresses; REGISTERED holds
 *    the request of an unknown sender (or, with requireVerification, of an
 *    unverified account) as UNVERIFIED and mails them a verification link;
 *    ANYONE admits everyone.
 * 4. Where the account is what admits a request (CLOSED, RESTRICTED by the
 *    account rather than the allow list, REGISTERED), an anonymous web-form
 *    request from its address proves control of it first: held UNVERIFIED
 *    with a verification link, as for an unverified sender. ANYONE takes a
 *    customer's address at its word (Zendesk does too).
 *
 * `addressProven`: the request comes from the address's owner for sure (the
 * account signed in; for mail, a staff address the desk's receiving server
 * proved), or by a path taken at its word (a customer's mail, sign-up).
 */
export function decideAdmission(settings: DeskSettings, email: ParsedEmail, found: Sender, orgDomain: boolean, addressProven = true): Admission {
  if (found === 'DELETED') return { admitted: false, reason: 'DELETED_ACCOUNT' };
  const sender = found;
  if (sender && isStaffRole(sender.role)) {
    if (!addressProven) return { admitted: false, reason: 'STAFF_ADDRESS' };
    return sender.suspended ? HOLD_SUSPENDED : ADMIT;
  }
  const verdict = listVerdict(email, settings.allow, settings.block, orgDomain);
  if (verdict === 'REJECT') return { admitted: false, reason: 'REJECTED' };
  const teamAdded = sender !== null && sender.createdVia !== CreatedVia.SELF;
  const access = settings.row.requestAccess;
  if (access === RequestAccess.CLOSED && !teamAdded) return { admitted: false, reason: 'CLOSED' };
  if (access === RequestAccess.RESTRICTED && !teamAdded && verdict !== 'ALLOWED') return { admitted: false, reason: 'RESTRICTED' };
  if (verdict === 'SUSPEND' || sender?.suspended) return HOLD_SUSPENDED;
  const byAccount =
    access === RequestAccess.CLOSED || access === RequestAccess.REGISTERED || (access === RequestAccess.RESTRICTED && verdict !== 'ALLOWED');
  if (sender !== null && !addressProven && byAccount) return { admitted: true, hold: TicketHold.UNVERIFIED, verify: true };
  if (access === RequestAccess.REGISTERED && (sender === null || (settings.row.requireVerification && !sender.verified))) {
    return { admitted: true, hold: TicketHold.UNVERIFIED, verify: true };
  }
  return ADMIT;
}

/**
 * The one place that decides whether a request becomes a ticket (or a
 * sign-up an account): the web form (submitRequest), mail to the desk
 * (inbound/inbound-mail.ts) and the help center's sign-up (door/) all ask
 * here, with the sender's parsed address, before anything is written.
 */
export class RequestAdmission {
  constructor(private readonly deps: { settings: SettingsService; users: UserService; organizations: OrganizationService }) {}

  /**
   * `from`: who is signed in behind a web-form request (the address is proven only when it is that account's), or
   * whether mail's sender was proven (a staff address needs it; a customer's is taken at its word). None: sign-up.
   */
  async admit(email: ParsedEmail, from?: WebFormSender | MailSender): Promise<Admission> {
    const [settings, sender, org] = await Promise.all([
      this.deps.settings.get(),
      this.deps.users.holderOfEmail(email.address),
      this.deps.organizations.byDomain(email.domain),
    ]);
    if (sender === 'DELETED') return decideAdmission(settings, email, sender, org !== null);
    const staff = sender !== null && isStaffRole(sender.role);
    const proven =
      from === undefined || ('signedInUserId' in from ? sender !== null && from.signedInUserId === sender.id : !staff || from.senderProven);
    return decideAdmission(settings, email, sender, org !== null, proven);
  }

  /** What the allow and block lists, and the organizations' domains, say of an address (inbound mail's copy rule). */
  async listVerdictOf(email: ParsedEmail): Promise<ListVerdict> {
    const [settings, org] = await Promise.all([this.deps.settings.get(), this.deps.organizations.byDomain(email.domain)]);
    return listVerdict(email, settings.allow, settings.block, org !== null);
  }
}
