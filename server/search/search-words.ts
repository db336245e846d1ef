import { domainToASCII, domainToUnicode } from 'node:url';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { foldForSearch } from './fold.js';
import { capWord, indexWordsOf, runsOf } from './word-split.js';

/**
 * The words of the user search (issue 9), pure and without I/O: what to index
 * for a user, and what a query asks for. A user matches a query when EVERY
 * query word is the prefix of at least one of the user's words (AND).
 *
 * Index side, `userSearchWords(user)`, each word with its kind:
 * - name, alias, organization: the words of the text (see word-split.ts:
 *   letters/digits runs, CJK runs as all their suffixes, "O'Brien" also as
 *   "obrien", "Jean-Luc" also as "jeanluc").
 * - email: each address whole ("grace@acme.io"); email_local: its local part
 *   whole and its words ("g.hopper", "g", "hopper", "ghopper");
 *   email_domain: its domain and each parent domain of at least two labels
 *   ("mail.acme.co.uk", "acme.co.uk", "co.uk"; never a bare TLD such as "io").
 *   Without a public-suffix list "the domain without subdomains" is not
 *   knowable, so every parent is kept: it costs a few rows and "acme.io",
 *   "@acme.io" and "acme" all find mail.acme.io. Addresses and domains with
 *   an IDN domain are indexed in both their Unicode and their ASCII form.
 * - phone: the E.164 digits without "+" ("33612345678") and the national
 *   form's digits with the trunk prefix ("0612345678"), from libphonenumber.
 * - external_id: the id whole and its words ("CRM-0042" -> crm-0042, crm, 0042, crm0042).
 * - tag: the tag whole ("vip_gold") and its words (vip, gold).
 * Every word is folded (case, accents: see fold.ts) and cut to MAX_WORD (64)
 * characters, so it fits the index column; a longer value is found by its
 * first 64 characters (a query word is cut the same way). Exactness (an exact
 * email, phone or external id ranks first) is therefore the caller's to check
 * against the full stored value, e.g. with `wholeQueryKey`/`queryPhoneDigits`.
 *
 * Query side, `queryWords(query)`: the query is cut at spaces, commas and
 * semicolons into chunks, then:
 * - a chunk with an "@", or shaped like a domain (labels joined by dots, the
 *   last one at least two characters with a letter: "acme.io",
 *   "jean.dupont"), stays whole, without leading "@"s: "@acme.io" -> acme.io,
 *   "grace@acme" -> grace@acme. So a dotted chunk matches addresses, not two
 *   name words ("J.R.R." is not domain-shaped and gives j, r, r).
 * - consecutive chunks made of digits and phone punctuation (+ ( ) . - /)
 *   become one word of their digits: "+33 6 12" -> 33612, "06 12 34" ->
 *   061234, "(415) 555-2671" -> 4155552671.
 * - any other chunk gives its runs: "Jean-Luc" -> jean, luc; "O'Brien" -> o,
 *   brien; a CJK run stays whole ("小明").
 * Duplicates and words that are the prefix of another query word are dropped
 * (they add no condition).
 */

export type SearchWordKind = 'name' | 'alias' | 'email' | 'email_local' | 'email_domain' | 'phone' | 'external_id' | 'organization' | 'tag' | 'role';

export interface SearchWord {
  word: string;
  kind: SearchWordKind;
}

/** What the index needs of a user. Emails as stored (ASCII domain), phones in E.164. */
export interface SearchableUser {
  name: string;
  alias?: string | null;
  emails?: readonly string[];
  phones?: readonly string[];
  externalId?: string | null;
  organizationName?: string | null;
  tags?: readonly string[];
  /** The account's role: indexed as a marker word (`roleMarker`) that no query can type. */
  role?: string | null;
}

/**
 * Every account in the index has one marker word, a control character and
 * its role's letter: a query cannot contain a control character, so no
 * search ever matches it, but the prefix counts (prefix-counts.ts) count it
 * like any word, so "how many accounts" and "how many end users" are one
 * small read (ROLE_MARK alone: every account not deleted).
 */
export const ROLE_MARK = '\u0001';
const ROLE_LETTERS: Record<string, string> = { END_USER: 'E', AGENT: 'A', ADMIN: 'D' };
export const roleMarker = (role: string): string => ROLE_MARK + (ROLE_LETTERS[role] ?? '?');

const PHONE_CHUNK = /^\+?[\d().\-/]*\d[\d().\-/]*$/u;
const DOMAIN_SHAPED = /^[\p{L}\p{N}][\p{L}\p{M}\p{N}_-]*(?:\.[\p{L}\p{M}\p{N}_-]+)*\.(?=[\p{L}\p{M}\p{N}-]*\p{L})[\p{L}\p{M}\p{N}-]{2,}\.?$/u;

/** The digits of a phone number typed as digits and phone punctuation, or null when it is not one. */
export function queryPhoneDigits(query: string): string | null {
  const compact = query.trim().replace(/\s+/gu, '');
  if (!PHONE_CHUNK.test(compact)) return null;
  return compact.replace(/\D/g, '');
}

/** The whole query folded and trimmed: compare it with a user's full email or external id (folded the same way) to rank exact matches first. */
export function wholeQueryKey(query: string): string {
  return foldForSearch(query.trim()).replace(/^@+/u, '');
}

/** The words a query asks for, each a prefix to match (see above). */
export function queryWords(query: string): string[] {
  const words: string[] = [];
  let phone: string | null = null;
  const endPhone = () => {
    if (phone) words.push(capWord(phone));
    phone = null;
  };
  for (const chunk of query.split(/[\s,;]+/u)) {
    if (chunk === '') continue;
    if (PHONE_CHUNK.test(chunk)) {
      phone = (phone ?? '') + chunk.replace(/\D/g, '');
      continue;
    }
    endPhone();
    const folded = foldForSearch(chunk);
    if (folded.includes('@') || DOMAIN_SHAPED.test(folded)) {
      const address = folded.replace(/^@+/u, '');
      if (address !== '') words.push(capWord(address));
      continue;
    }
    words.push(...runsOf(chunk));
  }
  endPhone();
  const unique = [...new Set(words)];
  return unique.filter((w) => !unique.some((other) => other !== w && other.startsWith(w)));
}

function emailWords(address: string): SearchWord[] {
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return indexWordsOf(address).map((word) => ({ word, kind: 'email' }));
  const local = address.slice(0, at);
  const ascii = domainToASCII(address.slice(at + 1)) || address.slice(at + 1).toLowerCase();
  const unicode = domainToUnicode(ascii) || ascii;
  const out: SearchWord[] = [{ word: capWord(foldForSearch(local)), kind: 'email_local' }];
  // The words of the local part too: "dupont" finds jean.dupont@…, "17" finds second.17…@….
  for (const word of indexWordsOf(local)) out.push({ word, kind: 'email_local' });
  for (const domain of new Set([foldForSearch(unicode), ascii.toLowerCase()])) {
    out.push({ word: capWord(`${foldForSearch(local)}@${domain}`), kind: 'email' });
    const labels = domain.split('.');
    for (let i = 0; i <= labels.length - 2; i++) out.push({ word: capWord(labels.slice(i).join('.')), kind: 'email_domain' });
  }
  return out;
}

function phoneWords(phone: string): SearchWord[] {
  const digits = phone.replace(/\D/g, '');
  if (digits === '') return [];
  const out: SearchWord[] = [{ word: capWord(digits), kind: 'phone' }];
  const parsed = parsePhoneNumberFromString(phone.trim().startsWith('+') ? phone : `+${digits}`);
  if (parsed) {
    const national = parsed.formatNational().replace(/\D/g, '');
    if (national !== '') out.push({ word: capWord(national), kind: 'phone' });
  }
  return out;
}

/** A whole value (external id, tag) and its words. */
function wholeAndWords(value: string, kind: SearchWordKind): SearchWord[] {
  const whole = foldForSearch(value.trim());
  const words = indexWordsOf(value);
  const out = whole === '' ? [] : [{ word: capWord(whole), kind }];
  return [...out, ...words.map((word) => ({ word, kind }))];
}

const textWords = (text: string | null | undefined, kind: SearchWordKind): SearchWord[] =>
  text ? indexWordsOf(text).map((word) => ({ word, kind })) : [];

/** The distinct {word, kind} pairs to index for a user (see above). */
export function userSearchWords(user: SearchableUser): SearchWord[] {
  const all: SearchWord[] = [
    ...textWords(user.name, 'name'),
    ...textWords(user.alias, 'alias'),
    ...(user.emails ?? []).flatMap(emailWords),
    ...(user.phones ?? []).flatMap(phoneWords),
    ...(user.externalId ? wholeAndWords(user.externalId, 'external_id') : []),
    ...textWords(user.organizationName, 'organization'),
    ...(user.tags ?? []).flatMap((tag) => wholeAndWords(tag, 'tag')),
    ...(user.role ? [{ word: roleMarker(user.role), kind: 'role' as const }] : []),
  ];
  const seen = new Set<string>();
  return all.filter(({ word, kind }) => {
    const key = `${kind}\u0000${word}`;
    if (word === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** True when every query word is the prefix of one of the words: the rule the database applies, for tests and for highlighting. */
export function matchesWords(query: readonly string[], words: readonly SearchWord[]): boolean {
  return query.length > 0 && query.every((q) => words.some((w) => w.word.startsWith(q)));
}
