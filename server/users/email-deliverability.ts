import { UserInputError } from '../graphql/errors.js';
import { parseEmail, type ParsedEmail } from './email-address.js';
import type { DomainChecker } from './domain-check.js';
import type { UserWarning } from './user.inputs.js';

/** Parses an address (BAD_USER_INPUT on `field`) and, when the domain check is on, adds its verdict. */
export async function checkedEmail(value: unknown, field: string, domainChecker?: DomainChecker): Promise<ParsedEmail> {
  if (value === null || value === undefined) throw new UserInputError(field, 'Email is required.');
  const r = parseEmail(value);
  if (!r.ok) throw new UserInputError(field, r.reason);
  if (!domainChecker || r.email.deliverability !== 'UNKNOWN') return r.email;
  return { ...r.email, deliverability: await domainChecker.check(r.email.domain) };
}

/** Warnings about an address that is kept but will not get mail. */
export function emailWarnings(email: ParsedEmail): UserWarning[] {
  if (email.deliverability === 'NO_MAIL_DOMAIN') {
    return [
      {
        code: 'NO_MAIL_DOMAIN',
        field: 'email',
        message: `${email.domain} does not exist or accepts no mail. Check the address: if someone registers this domain later, they would receive this person's mail.`,
      },
    ];
  }
  if (email.deliverability !== 'UNDELIVERABLE_RESERVED') return [];
  return [
    {
      code: 'UNDELIVERABLE_RESERVED',
      field: 'email',
      message: `${email.domain} is a reserved domain: the account is kept, but email is never sent to ${email.address}.`,
    },
  ];
}
