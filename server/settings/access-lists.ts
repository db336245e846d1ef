import { parseEmail, type ParsedEmail } from '../users/email-address.js';
import { quoteInput } from '../text/text-rules.js';
import { msg } from '../i18n/message.js';
import type { InputProblem } from '../graphql/errors.js';

/**
 * The allow list and the block list (Zendesk's semantics), pure and without I/O.
 *
 * An entry is a domain (`acme.com`: that domain, not its subdomains) or an
 * address (`ada@acme.com`: any letter case). In the block list an entry may
 * start with `reject:` (refused outright: no ticket, no account) or
 * `suspend:` (held for review); a plain entry is held like `suspend:`, and
 * `*` holds everyone who is not allowed. The allow list always wins over the
 * block list, and so do the domains of an organization.
 */

export type BlockAction = 'REJECT' | 'SUSPEND';

export interface AccessEntry {
  /** `*`, a domain (ASCII, lower case) or an address's normalized key. */
  match: string;
  kind: 'ANY' | 'DOMAIN' | 'ADDRESS';
  action: BlockAction;
  /** As stored and shown: normalized, with its prefix. */
  text: string;
}

export type ListVerdict = 'ALLOWED' | 'REJECT' | 'SUSPEND' | 'NONE';

export const MAX_LIST_ENTRIES = 1000;

function parseTarget(raw: string): { match: string; kind: 'DOMAIN' | 'ADDRESS'; shown: string } | null {
  if (raw.includes('@')) {
    const r = parseEmail(raw);
    return r.ok ? { match: r.email.normalized, kind: 'ADDRESS', shown: r.email.address } : null;
  }
  const r = parseEmail(`postmaster@${raw}`);
  return r.ok ? { match: r.email.domain, kind: 'DOMAIN', shown: r.email.domain } : null;
}

/** Normalizes one list's entries (blank ones dropped, duplicates merged); BAD_USER_INPUT on `field.i` for each bad one. */
export function parseList(values: readonly string[], list: 'allowList' | 'blockList'): { entries: AccessEntry[]; problems: InputProblem[] } {
  const entries: AccessEntry[] = [];
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  if (values.length > MAX_LIST_ENTRIES) problems.push({ field: list, message: msg('settings.atMostEntries', { maxListEntries: MAX_LIST_ENTRIES }) });
  values.slice(0, MAX_LIST_ENTRIES).forEach((value, i) => {
    const field = `${list}.${i}`;
    let raw = typeof value === 'string' ? value.trim() : '';
    if (raw === '') return;
    let action: BlockAction = 'SUSPEND';
    let prefix = '';
    const m = /^(reject|suspend):\s*/i.exec(raw);
    if (m) {
      if (list === 'allowList') {
        problems.push({ field, message: msg('settings.allowListTakesDomains', { value: quoteInput(value) }) });
        return;
      }
      action = m[1].toLowerCase() === 'reject' ? 'REJECT' : 'SUSPEND';
      prefix = `${m[1].toLowerCase()}:`;
      raw = raw.slice(m[0].length);
    }
    let entry: AccessEntry;
    if (raw === '*') {
      if (list === 'allowList' || prefix) {
        problems.push({ field, message: msg('settings.standsAloneInBlock', { value: quoteInput(value) }) });
        return;
      }
      entry = { match: '*', kind: 'ANY', action, text: '*' };
    } else {
      const target = parseTarget(raw);
      if (!target) {
        problems.push({ field, message: msg('settings.neitherDomainAcmeCom', { value: quoteInput(value) }) });
        return;
      }
      entry = { match: target.match, kind: target.kind, action, text: `${prefix}${target.shown}` };
    }
    const key = `${entry.kind}:${entry.match}:${entry.action}`;
    if (!seen.has(key)) {
      seen.add(key);
      entries.push(entry);
    }
  });
  return { entries, problems };
}

/** Stored lists (one entry a line, already normalized) back as entries. */
export function storedList(text: string, list: 'allowList' | 'blockList'): AccessEntry[] {
  return parseList(text.split('\n'), list).entries;
}

const matches = (e: AccessEntry, email: ParsedEmail) =>
  e.kind === 'ANY' || (e.kind === 'DOMAIN' ? e.match === email.domain.toLowerCase() : e.match === email.normalized);

/**
 * What the lists say of an address: ALLOWED (allow list, or `orgDomain`: the
 * address's domain belongs to an organization), else the strongest block
 * (REJECT over SUSPEND, `*` included), else NONE.
 */
export function listVerdict(email: ParsedEmail, allow: readonly AccessEntry[], block: readonly AccessEntry[], orgDomain: boolean): ListVerdict {
  if (orgDomain || allow.some((e) => matches(e, email))) return 'ALLOWED';
  const hits = block.filter((e) => matches(e, email));
  if (hits.some((e) => e.action === 'REJECT')) return 'REJECT';
  return hits.length > 0 ? 'SUSPEND' : 'NONE';
}
