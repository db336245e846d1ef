// The people typed or pasted in one field (a ticket's requester, CCs, a side
// conversation's To), as mail clients write them (RFC 5322 mailboxes):
// `Gus Fring <gus@pollos.fr>`, `"Fring, Gus" <gus@pollos.fr>`, bare
// addresses. Entries are separated by commas, semicolons or line breaks;
// spaces alone separate only bare addresses (`a@x.fr b@y.fr`). Each entry is
// read by nodemailer's address parser (quotes, escapes, comments); this module
// only cuts the text into entries and says which entries hold no address.
import addressparser from 'nodemailer/lib/addressparser';
import type { UserRefInput } from '../graphql/generated/graphql';

export interface Mailbox {
  /** The display name, '' when none was given. */
  name: string;
  /** The address, as typed (the server normalizes it). */
  email: string;
}

export interface MailboxList {
  mailboxes: Mailbox[];
  /** The entries that are not an address, as typed (trimmed), to name them in an error. */
  invalid: string[];
}

/**
 * An address a person could mean: something, one @, a dotted domain, no spaces
 * or brackets. The server's rule (server/users/email-address.ts) decides; this
 * only catches what is surely not one, before sending.
 */
const ADDRESS = /^[^\s@<>()[\]",;:\\]+@[^\s@<>()[\]",;:\\.]+(\.[^\s@<>()[\]",;:\\.]+)+$/u;

export const isAddress = (text: string): boolean => ADDRESS.test(text);

/** The text cut at commas, semicolons and line breaks that are outside quotes and comments. */
function entriesOf(text: string): string[] {
  const entries: string[] = [];
  let current = '';
  let quoted = false;
  let comment = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && (quoted || comment > 0) && i + 1 < text.length) {
      current += c + text[++i]!;
      continue;
    }
    if (quoted) quoted = c !== '"';
    else if (comment > 0) comment += c === '(' ? 1 : c === ')' ? -1 : 0;
    else if (c === '"') quoted = true;
    else if (c === '(') comment = 1;
    else if (c === ',' || c === ';' || c === '\n' || c === '\r') {
      // An address holds none of these (even inside <…>: an unclosed < ends with its entry).
      entries.push(current);
      current = '';
      continue;
    }
    current += c;
  }
  entries.push(current);
  return entries.map((e) => e.trim()).filter(Boolean);
}

/** One entry: `Name <address>`, a quoted name or a comment with an address (one mailbox), else bare addresses separated by spaces. */
function readEntry(entry: string): Mailbox[] | null {
  if (!/[<"(]/u.test(entry)) {
    const words = entry.split(/\s+/u);
    return words.every(isAddress) ? words.map((email) => ({ name: '', email })) : null;
  }
  const parsed = addressparser(entry, { flatten: true });
  if (parsed.length !== 1 || (entry.match(/</gu)?.length ?? 0) > 1) return null;
  const [mailbox] = parsed;
  return mailbox && isAddress(mailbox.address) ? [{ name: mailbox.name.trim(), email: mailbox.address }] : null;
}

/** Every mailbox of a field, in order, and the entries that are not one. */
export function parseMailboxes(text: string): MailboxList {
  const list: MailboxList = { mailboxes: [], invalid: [] };
  for (const entry of entriesOf(text)) {
    const read = readEntry(entry);
    if (read) list.mailboxes.push(...read);
    else list.invalid.push(entry);
  }
  return list;
}

/**
 * What was typed in a single-person field (the requester picker's "Add … as a
 * new customer"): a mailbox gives name and email; an address alone the email;
 * anything else is taken as a name.
 */
export function personIn(text: string): Mailbox {
  const typed = text.trim();
  const { mailboxes, invalid } = parseMailboxes(typed);
  if (mailboxes.length === 1 && invalid.length === 0) return mailboxes[0]!;
  return typed.includes('@') ? { name: '', email: typed } : { name: typed, email: '' };
}

/** A mailbox as the server takes a person of a ticket: the address, with the name when one was given. */
export const mailboxRef = ({ name, email }: Mailbox): UserRefInput => (name ? { email, name } : { email });

/** A mailbox written back as a person would type it (a name with a comma or a quote is quoted), to name it or to put it back in a field. */
export function mailboxText({ name, email }: Mailbox): string {
  if (!name) return email;
  const shown = /[",;:<>()[\]\\@]/u.test(name) ? `"${name.replace(/["\\]/gu, '\\$&')}"` : name;
  return `${shown} <${email}>`;
}
