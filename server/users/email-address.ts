import { domainToASCII, domainToUnicode } from 'node:url';
import { codePoint, foldCase, hasLoneSurrogate } from '../text/text-rules.js';
import { msg, type Message } from '../i18n/message.js';

/**
 * The email address rules, in one pure module without I/O.
 *
 * An address is accepted when a person could mean it: a dot-atom local part
 * (letters, digits and the RFC 5322 atext symbols, Unicode letters allowed),
 * one `@`, and a dotted DNS domain (IDN allowed, stored in ASCII form).
 * Quoted local parts, comments, IP literals, control characters anywhere and
 * RFC 5321 length overruns are refused. Reserved names (RFC 2606 / 6761) are
 * accepted but classified UNDELIVERABLE_RESERVED and never mailed.
 *
 * Uniqueness compares the local part in NFC with a full case fold (foldCase:
 * "ΟΔΟΣ" and "οδοσ", "é" and "e" + U+0301 are one address), and an address
 * may not hide default-ignorable characters (U+034F, U+FE0F, zero-width
 * spaces and joiners, soft hyphens…) that would make two look the same.
 */

export type Deliverability = 'DELIVERABLE' | 'UNDELIVERABLE_RESERVED' | 'UNKNOWN' | 'NO_MAIL_DOMAIN';

export interface ParsedEmail {
  /** Local part as entered, `@`, ASCII (punycode) lower-case domain: what is stored and mailed. */
  address: string;
  /** The same address with the domain shown in Unicode. */
  display: string;
  /** Case-folded local part (NFC) and the ASCII domain: the key that is unique across all users. */
  normalized: string;
  localPart: string;
  /** ASCII form of the domain. */
  domain: string;
  deliverability: Deliverability;
}

export type EmailResult = { ok: true; email: ParsedEmail } | { ok: false; reason: Message };

export const MAX_LOCAL_PART_OCTETS = 64;
export const MAX_ADDRESS_OCTETS = 254;
export const MAX_LABEL_OCTETS = 63;

// C0 and C1 controls, DEL, and the Unicode line/paragraph separators, zero-width
// and bidirectional formatting characters that hide what an address really is.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u061c]/u;
// Characters that show nothing: two addresses differing only by them would look the same.
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
// Leading and trailing spaces (and other space separators) are trimmed; nothing else is.
const EDGE_SPACES = /^[\p{Zs}]+|[\p{Zs}]+$/gu;
// One local-part atom: RFC 5322 atext plus Unicode letters, marks and digits (RFC 6531).
const LOCAL_ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~\p{L}\p{M}\p{N}-]+$/u;
const ASCII_LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const TLD = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

const RESERVED_TLDS = new Set(['invalid', 'test', 'example', 'localhost']);
const RESERVED_DOMAINS = ['example.com', 'example.net', 'example.org'];

const octets = (s: string): number => Buffer.byteLength(s, 'utf8');
const fail = (reason: Message): EmailResult => ({ ok: false, reason });

export function isReservedDomain(asciiDomain: string): boolean {
  const labels = asciiDomain.split('.');
  if (RESERVED_TLDS.has(labels[labels.length - 1])) return true;
  return RESERVED_DOMAINS.some((d) => asciiDomain === d || asciiDomain.endsWith(`.${d}`));
}

export function parseEmail(input: unknown): EmailResult {
  if (typeof input !== 'string') return fail(msg('email.enterEmailAddress'));
  if (CONTROL.test(input) || hasLoneSurrogate(input)) return fail(msg('email.addressContainsControlCharacter'));
  const ignorable = IGNORABLE.exec(input);
  if (ignorable) return fail(msg('email.addressContainsInvisibleCharacter', { ignorable: codePoint(ignorable[0]) }));
  const value = input.replace(EDGE_SPACES, '').normalize('NFC');
  if (value === '') return fail(msg('email.enterEmailAddress'));
  if (/\s/u.test(value)) return fail(msg('email.emailAddressContainSpaces'));
  if (/["()<>[\]\\,;:]/.test(value)) {
    return fail(msg('email.quotesCommentsBracketsIp'));
  }
  const at = value.indexOf('@');
  if (at < 0) return fail(msg('email.emailAddressNeedsBetween'));
  if (value.indexOf('@', at + 1) >= 0) return fail(msg('email.emailAddressHasExactly'));
  const localPart = value.slice(0, at);
  const rawDomain = value.slice(at + 1);
  if (localPart === '') return fail(msg('email.partBeforeMissing'));
  if (rawDomain === '') return fail(msg('email.domainAfterMissing'));

  if (localPart.startsWith('.') || localPart.endsWith('.') || localPart.includes('..')) {
    return fail(msg('email.partBeforeStartEnd'));
  }
  if (!localPart.split('.').every((atom) => LOCAL_ATOM.test(atom))) {
    return fail(msg('email.partBeforeContainsCharacter'));
  }
  if (octets(localPart) > MAX_LOCAL_PART_OCTETS) {
    return fail(msg('email.partBeforeLongerThan', { maxLocalPartOctets: MAX_LOCAL_PART_OCTETS }));
  }

  // Structure of the domain as typed, before IDN mapping hides it.
  if (rawDomain.startsWith('.') || rawDomain.endsWith('.') || rawDomain.includes('..')) {
    return fail(msg('email.domainStartEndWith'));
  }
  if (!rawDomain.includes('.')) return fail(msg('email.domainNeedsDotAs'));
  if (/^[\d.]+$/.test(rawDomain)) return fail(msg('email.iPAddressesAreNot'));
  if (/[\x00-\x7f]/.test(rawDomain.replace(/[A-Za-z0-9.-]/g, ''))) {
    return fail(msg('email.domainContainsCharacterNot'));
  }
  if (/^\d+$/.test(rawDomain.slice(rawDomain.lastIndexOf('.') + 1))) return fail(msg('email.topLevelDomainNumber'));

  const domain = domainToASCII(rawDomain);
  if (domain === '' || domain.includes('%')) return fail(msg('email.domainNotValidDomain'));
  const labels = domain.split('.');
  if (labels.length < 2 || labels.some((l) => l === '')) return fail(msg('email.domainNotValidDomain'));
  for (const label of labels) {
    if (label.length > MAX_LABEL_OCTETS) return fail(msg('email.partDomainLongerThan', { maxLabelOctets: MAX_LABEL_OCTETS }));
    if (label.startsWith('-') || label.endsWith('-')) return fail(msg('email.partDomainStartEnd'));
    if (!ASCII_LABEL.test(label)) return fail(msg('email.domainContainsCharacterNot'));
    if (label.slice(2, 4) === '--' && !label.startsWith('xn--')) return fail(msg('email.domainNotValidDomain'));
  }
  const tld = labels[labels.length - 1];
  if (/^\d+$/.test(tld)) return fail(msg('email.topLevelDomainNumber'));
  if (!TLD.test(tld)) return fail(msg('email.topLevelDomainNot'));

  const address = `${localPart}@${domain}`;
  if (octets(address) > MAX_ADDRESS_OCTETS) return fail(msg('email.addressLongerThanCharacters', { maxAddressOctets: MAX_ADDRESS_OCTETS }));

  const unicodeDomain = domainToUnicode(domain) || domain;
  return {
    ok: true,
    email: {
      address,
      display: `${localPart}@${unicodeDomain}`,
      normalized: `${foldCase(localPart)}@${domain}`,
      localPart,
      domain,
      deliverability: isReservedDomain(domain) ? 'UNDELIVERABLE_RESERVED' : 'UNKNOWN',
    },
  };
}

/** The key used to find an address: case-folded, ASCII domain. Null when it is not an address. */
export function emailKey(input: string): string | null {
  const r = parseEmail(input);
  return r.ok ? r.email.normalized : null;
}

/** The key of the start of an address typed in a search: the same fold as `normalized`, so a prefix of an address finds it. */
export function emailSearchKey(query: string): string {
  return foldCase(query);
}

/** May mail ever be sent to an address of this deliverability? Reserved names: never. */
export function isMailable(deliverability: Deliverability): boolean {
  return deliverability === 'DELIVERABLE' || deliverability === 'UNKNOWN';
}
