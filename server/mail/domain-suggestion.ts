import { damerauLevenshtein } from '../search/edit-distance.js';
import { COMMON_MAIL_DOMAINS, SINGLE_DOMAIN_BRANDS } from './common-mail-domains.js';

/**
 * "gmial.com: did you mean gmail.com?" (issue 12): near misses of common mail
 * domains (common-mail-domains.ts). Pure, without I/O; the caller decides
 * whether to show it (in the domain check's warning, in the dialog) or to
 * refuse (EMAIL_DOMAIN_CHECK=block).
 *
 * - A domain on the list never gets a suggestion, nor does anything longer
 *   than 64 characters or without a letter.
 * - Damerau–Levenshtein distance (a swap of two neighbours is one edit:
 *   "gmial", "hotmial") to each listed domain, allowed up to:
 *   2 when the listed domain's name (its first label) has 5 or more letters
 *   ("gmail.c" -> gmail.com, "yahooo.fr" -> yahoo.fr, "outlok.con" -> outlook.com);
 *   1 when it has 3 or 4 ("fre.fr" -> free.fr, "gmx.dr" -> gmx.de, "aol.con" -> aol.com);
 *   only in the TLD when it has 1 or 2 ("me.con" -> me.com, but "be.com" is
 *   left alone: every two-letter name is one edit from another).
 *   TLD typos (con, cm, co, comm, fe, frr…) are edits like any other.
 * - A brand with a single domain (gmail, googlemail, icloud), spelled within
 *   one edit, under any other TLD: "gmail.fr", "gmial.de" -> gmail.com. A
 *   name that another listed domain has is not a misspelt brand: "mail.de"
 *   and "email.fr" are not gmail.
 * - An IDN domain is compared as given: pass its Unicode form ("gmaïl.com"
 *   is one edit from gmail.com; its ASCII form is not).
 * - Nearest first; between equals, the one with the typed TLD, then the
 *   most used (the list's order).
 */

export const MAX_SUGGESTED_INPUT = 64;

const nameOf = (domain: string): string => domain.split('.')[0]!;
const tldOf = (domain: string): string => domain.slice(domain.indexOf('.') + 1);
const LISTED = new Set(COMMON_MAIL_DOMAINS);
const LISTED_NAMES = new Set(COMMON_MAIL_DOMAINS.map(nameOf));

function allowedEdits(candidate: string, input: string): number {
  const name = nameOf(candidate);
  if (name.length >= 5) return 2;
  if (name.length >= 3) return 1;
  return nameOf(input) === name ? 1 : 0;
}

/** The common mail domain the (ASCII or Unicode) domain was probably meant to be, or null. */
export function suggestDomain(domain: string): string | null {
  const input = domain.trim().toLowerCase().replace(/\.$/, '');
  if (input === '' || [...input].length > MAX_SUGGESTED_INPUT || !/\p{L}/u.test(input) || LISTED.has(input)) return null;

  let best: { domain: string; distance: number; sameTld: boolean } | null = null;
  for (const candidate of COMMON_MAIL_DOMAINS) {
    const max = allowedEdits(candidate, input);
    if (max === 0) continue;
    const distance = damerauLevenshtein(input, candidate, max);
    if (distance > max) continue;
    const sameTld = input.includes('.') && tldOf(input) === tldOf(candidate);
    // Strictly better only: between equals the earlier (more used) one stays.
    if (!best || distance < best.distance || (distance === best.distance && sameTld && !best.sameTld))
      best = { domain: candidate, distance, sameTld };
  }
  if (best) return best.domain;

  const name = nameOf(input);
  if (!input.includes('.')) return null;
  for (const [brand, home] of Object.entries(SINGLE_DOMAIN_BRANDS)) {
    if (name === brand || (!LISTED_NAMES.has(name) && damerauLevenshtein(name, brand, 1) <= 1)) return home;
  }
  return null;
}

/** The address with its domain suggested (see suggestDomain), or null when there is nothing to suggest. */
export function suggestEmail(address: string): string | null {
  const at = address.lastIndexOf('@');
  if (at <= 0) return null;
  const suggestion = suggestDomain(address.slice(at + 1));
  return suggestion ? `${address.slice(0, at)}@${suggestion}` : null;
}
