import { UserInputError } from '../graphql/errors.js';
import { suggestDomain } from '../mail/domain-suggestion.js';
import { parseEmail, type ParsedEmail } from './email-address.js';
import type { DomainChecker } from './domain-check.js';
import type { UserWarning } from './user.inputs.js';
import { msg, type Message } from '../i18n/message.js';

/**
 * Parses an address (BAD_USER_INPUT on `field`) and, when the domain check is
 * on, adds its verdict. With `block` (EMAIL_DOMAIN_CHECK=block) an address
 * whose domain has no mail server is refused instead of kept with a warning.
 */
export async function checkedEmail(value: unknown, field: string, domainChecker?: DomainChecker, block = false): Promise<ParsedEmail> {
  if (value === null || value === undefined) throw new UserInputError(field, msg('users.emailRequired'));
  const r = parseEmail(value);
  if (!r.ok) throw new UserInputError(field, r.reason);
  if (!domainChecker || r.email.deliverability !== 'UNKNOWN') return r.email;
  const email = { ...r.email, deliverability: await domainChecker.check(r.email.domain) };
  if (block && email.deliverability === 'NO_MAIL_DOMAIN') throw new UserInputError(field, noMailServer(email));
  return email;
}

const displayDomain = (email: ParsedEmail): string => email.display.slice(email.display.lastIndexOf('@') + 1);

/** The address the person probably meant, when its domain is a near miss of a common mail domain ("gmial.com"); else null. */
export function suggestedAddress(email: ParsedEmail): string | null {
  const domain = suggestDomain(displayDomain(email));
  return domain ? `${email.localPart}@${domain}` : null;
}

/** "gmial.com has no mail server: did you mean gmail.com?" */
function noMailServer(email: ParsedEmail): Message {
  const suggestion = suggestDomain(displayDomain(email));
  const domain = displayDomain(email);
  return suggestion ? msg('email.noMailServerDidYouMean', { domain, suggestion }) : msg('email.noMailServer', { domain });
}

/** Warnings about an address that is kept but will not get mail. */
export function emailWarnings(email: ParsedEmail): UserWarning[] {
  if (email.deliverability === 'NO_MAIL_DOMAIN') {
    return [
      {
        code: 'NO_MAIL_DOMAIN',
        field: 'email',
        text: msg('email.noMailServerWarning', { problem: noMailServer(email), domain: displayDomain(email) }),
        suggestion: suggestedAddress(email),
      },
    ];
  }
  if (email.deliverability !== 'UNDELIVERABLE_RESERVED') return [];
  return [
    {
      code: 'UNDELIVERABLE_RESERVED',
      field: 'email',
      text: msg('email.reservedDomainWarning', { domain: email.domain, address: email.address }),
    },
  ];
}
