import type { ParsedEmail } from '../users/email-address.js';
import { CreatedVia, Role } from '../users/role.js';
import type { User } from '../users/user.entity.js';
import type { UserService } from '../users/user.service.js';
import type { OrganizationService } from '../organizations/organization.service.js';
import { listVerdict } from '../settings/access-lists.js';
import { RequestAccess, TicketHold } from '../settings/request-access.js';
import type { DeskSettings, SettingsService } from '../settings/settings.service.js';

/** Where a request comes in. */
export type RequestPath = 'WEB_FORM' | 'EMAIL' | 'SIGN_UP';

/** Why a request is dropped (answered as a success all the same: the sender never learns which rule applied). */
export type Refusal = 'HONEYPOT' | 'REJECTED' | 'CLOSED' | 'RESTRICTED';

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

/** What the rules know of a sender who has an account. */
export type KnownSender = Pick<User, 'role' | 'createdVia' | 'verified'>;

const ADMIT: Admission = { admitted: true, hold: null, verify: false };

/** A bot that filled the hidden `website` field (checked before the fields: it gets no field errors to learn from). */
export function admitRequest(request: RequestToAdmit): Admission {
  if (typeof request.website === 'string' && request.website.trim() !== '') return { admitted: false, reason: 'HONEYPOT' };
  return ADMIT;
}

/**
 * The rules, pure: who may submit a request (the web form, mail to the desk,
 * a sign-up), by Zendesk's semantics.
 *
 * 1. Staff (agents, admins) always may.
 * 2. The lists: the allow list and the organizations' domains win over the
 *    block list; else `reject:` refuses outright; `suspend:`, a plain entry
 *    and `*` hold the request (SUSPENDED) for review.
 * 3. requestAccess: CLOSED admits only people the team added (any account not
 *    made by its owner: createdVia other than SELF), and no sign-up makes an
 *    account; RESTRICTED admits those and allowed addresses; REGISTERED holds
 *    the request of an unknown sender (or, with requireVerification, of an
 *    unverified account) as UNVERIFIED and mails them a verification link;
 *    ANYONE admits everyone.
 */
export function decideAdmission(settings: DeskSettings, email: ParsedEmail, sender: KnownSender | null, orgDomain: boolean): Admission {
  if (sender && (sender.role === Role.AGENT || sender.role === Role.ADMIN)) return ADMIT;
  const verdict = listVerdict(email, settings.allow, settings.block, orgDomain);
  if (verdict === 'REJECT') return { admitted: false, reason: 'REJECTED' };
  const teamAdded = sender !== null && sender.createdVia !== CreatedVia.SELF;
  const access = settings.row.requestAccess;
  if (access === RequestAccess.CLOSED && !teamAdded) return { admitted: false, reason: 'CLOSED' };
  if (access === RequestAccess.RESTRICTED && !teamAdded && verdict !== 'ALLOWED') return { admitted: false, reason: 'RESTRICTED' };
  // Held for review: nothing is mailed until someone looks at it.
  if (verdict === 'SUSPEND') return { admitted: true, hold: TicketHold.SUSPENDED, verify: false };
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

  async admit(email: ParsedEmail): Promise<Admission> {
    const [settings, sender, org] = await Promise.all([
      this.deps.settings.get(),
      this.deps.users.findByEmail(email.address),
      this.deps.organizations.byDomain(email.domain),
    ]);
    return decideAdmission(settings, email, sender, org !== null);
  }
}
