import type { ParsedEmail } from '../users/email-address.js';
import type { ListVerdict } from '../settings/access-lists.js';
import { MAX_PEOPLE } from '../tickets/ticket.inputs.js';

/** Why a Cc'd address is not copied on the ticket its mail opens. */
export type CopyRefusal = 'NOT_AN_ADDRESS' | 'DESK' | 'SENDER' | 'RESERVED' | 'ROBOT' | 'BLOCKED' | 'DELETED_ACCOUNT' | 'TOO_MANY';

export type CopyDecision = { copy: true } | { copy: false; reason: CopyRefusal };

/** What the rule reads of one Cc'd address (inbound-mail.ts gathers it). */
export interface CopyFacts {
  /** The address, parsed; null when it is not one a person could mean. */
  email: ParsedEmail | null;
  /** One of the desk's own addresses: on its inbound domain, or the address it sends from (MAIL_FROM). */
  desk: boolean;
  /** What the allow and block lists (and the organizations' domains) say of it: settings/access-lists.ts. */
  list: ListVerdict;
  /** A deleted customer still holds it (until erased). */
  deletedAccount: boolean;
}

/**
 * Mailboxes no person reads: no-reply senders and the system mailboxes of RFC 2142 and bounces
 * (`noreply`, `no-reply`, `do-not-reply`, `donotreply`, `mailer-daemon`, `postmaster`, `bounce`, `bounces`,
 * alone or followed by `-`, `_`, `.` or `+` and more: `noreply-alerts`, `bounces+12345`).
 */
const ROBOT_LOCAL_PART = /^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|mailer[-_.]?daemon|postmaster|bounces?)(?:[-_.+].*)?$/i;

export function isRobotAddress(email: ParsedEmail): boolean {
  return ROBOT_LOCAL_PART.test(email.localPart);
}

/** The ticket has all the people it may (MAX_PEOPLE): the mail's other Cc's are left (TOO_MANY) without a look. */
export function copiesFull(copied: number): boolean {
  return copied >= MAX_PEOPLE;
}

/**
 * Which Cc'd addresses of mail to the desk become the CCs of the ticket it
 * opens (each one an account, createdVia CC, that the desk's replies mail).
 * In this order, never:
 *
 * - something that is not an address (NOT_AN_ADDRESS);
 * - the desk's own addresses (DESK): the desk never copies itself;
 * - the sender (SENDER): they are the requester (another of their
 *   addresses is one account, which the ticket keeps once);
 * - a reserved name (RESERVED: `.invalid`, `.test`, `.example`,
 *   `.localhost`, `example.com|net|org`): nobody can be mailed there;
 * - a robot's mailbox (ROBOT: no-reply, mailer-daemon, postmaster, bounces);
 * - an address the block list names (BLOCKED: `reject:`, `suspend:`, a plain
 *   entry or `*`), unless the allow list or an organization's domain allows
 *   it: the desk would not take that address's own mail either;
 * - a deleted customer's address (DELETED_ACCOUNT): it stays theirs until
 *   erased, and nothing is added to a deleted account;
 * - more than MAX_PEOPLE (TOO_MANY): the first ones are copied.
 *
 * `copied`: how many of the mail's Cc's were copied before this one.
 */
export function decideCopy(facts: CopyFacts, sender: ParsedEmail, copied: number): CopyDecision {
  const no = (reason: CopyRefusal): CopyDecision => ({ copy: false, reason });
  const { email } = facts;
  if (!email) return no('NOT_AN_ADDRESS');
  if (facts.desk) return no('DESK');
  if (email.normalized === sender.normalized) return no('SENDER');
  if (email.deliverability === 'UNDELIVERABLE_RESERVED') return no('RESERVED');
  if (isRobotAddress(email)) return no('ROBOT');
  if (facts.list === 'REJECT' || facts.list === 'SUSPEND') return no('BLOCKED');
  if (facts.deletedAccount) return no('DELETED_ACCOUNT');
  if (copiesFull(copied)) return no('TOO_MANY');
  return { copy: true };
}
