import type { ParsedEmail } from '../users/email-address.js';

/** Why a request from the public form is dropped (answered as a success all the same). */
export type Refusal = 'HONEYPOT';

export type Admission = { admitted: true } | { admitted: false; reason: Refusal };

/** What admission reads of a request: the hidden field, and (once it is well formed) the sender's address. */
export interface RequestToAdmit {
  website?: string | null;
  email?: ParsedEmail;
}

/**
 * Whether a request from the public form becomes a ticket: the one place that
 * decides, called twice: before the fields are checked (a bot that filled the
 * hidden `website` field gets a success and nothing else, not even field
 * errors), and once the request is well formed, with its parsed address.
 * The settings that close or restrict the form (who may submit: anyone, or
 * only known customers; allowed and blocked domains or addresses) come in a
 * later issue and are checked here, before anything is written; the form's
 * answer never tells the sender which rule applied.
 */
export function admitRequest(request: RequestToAdmit): Admission {
  if (typeof request.website === 'string' && request.website.trim() !== '') return { admitted: false, reason: 'HONEYPOT' };
  return { admitted: true };
}
