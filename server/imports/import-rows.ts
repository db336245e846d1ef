import { createHash } from 'node:crypto';
import { parseEmail } from '../users/email-address.js';
import { externalIdKey } from '../users/profile-rules.js';
import type { BatchInput, BulkProblem } from '../users/user-batch.js';
import type { CsvHeader } from './csv-header.js';
import type { ImportedUser } from './row-mapper.js';
import { CUSTOM_FIELD_PREFIX } from './user-columns.js';

/**
 * From a mapped CSV row to the user service's batch input, and from the
 * service's problems back to the file's columns. Pure, apart from the
 * in-file duplicate memory.
 */

export function batchInputOf(u: ImportedUser): BatchInput {
  const [email, ...emails] = u.emails ?? [];
  const [phone, ...phones] = u.phones ?? [];
  return {
    name: u.name,
    email,
    emails: emails.length ? emails : undefined,
    phone: u.phones ? (phone ?? null) : undefined,
    phones: phones.length ? phones : undefined,
    role: u.role as BatchInput['role'],
    organization: u.organization,
    tags: u.tags,
    timeZone: u.timeZone,
    locale: u.locale,
    externalId: u.externalId,
    alias: u.alias,
    details: u.details,
    notes: u.notes,
    verified: u.verified,
    suspended: u.suspended,
    fields: u.fields,
  };
}

/** The service's input fields and the file's columns. */
const COLUMN_OF: Record<string, string> = {
  organizationId: 'organization',
  timeZone: 'time_zone',
  externalId: 'external_id',
};

/** The column (as the header spells it) a problem is about: a custom field's key is its custom_fields.<key> column. */
export function columnOf(problem: BulkProblem, header: CsvHeader): string | null {
  if (problem.field === null) return null;
  const builtIn = COLUMN_OF[problem.field] ?? problem.field;
  const candidates = [builtIn, `${CUSTOM_FIELD_PREFIX}${problem.field}`];
  for (const c of candidates) if (header.spelled[c]) return header.spelled[c];
  if (builtIn === 'email' && header.spelled.emails) return header.spelled.emails;
  if (builtIn === 'phone' && header.spelled.phones) return header.spelled.phones;
  return builtIn;
}

/**
 * Remembers the emails (in any letter case, by the same normalization as
 * the service's uniqueness) and external ids seen in a file, to fail a row
 * that repeats one. Keys are kept as 78 bits of a SHA-1 (a 48-bit Map key and
 * 30 bits to check), so a million rows take tens of megabytes, not hundreds.
 */
export class InFileDuplicates {
  private readonly seen = new Map<number, { check: number; line: number }>();

  /** The row (line) that already has one of these keys, with the column it is in; records the keys otherwise. */
  check(line: number, u: ImportedUser): { column: 'email' | 'external_id'; line: number } | null {
    const keys: { column: 'email' | 'external_id'; key: string }[] = [];
    for (const e of u.emails ?? []) {
      const parsed = parseEmail(e);
      keys.push({ column: 'email', key: `e:${parsed.ok ? parsed.email.normalized : e.toLowerCase()}` });
    }
    if (u.externalId) keys.push({ column: 'external_id', key: `x:${externalIdKey(u.externalId.trim())}` });
    const hashed = keys.map((k) => ({ ...k, h: hashOf(k.key) }));
    for (const k of hashed) {
      const hit = this.seen.get(k.h.slot);
      if (hit && hit.check === k.h.check && hit.line !== line) return { column: k.column, line: hit.line };
    }
    for (const k of hashed) if (!this.seen.has(k.h.slot)) this.seen.set(k.h.slot, { check: k.h.check, line });
    return null;
  }
}

function hashOf(key: string): { slot: number; check: number } {
  const d = createHash('sha1').update(key).digest();
  return { slot: d.readUIntBE(0, 6), check: d.readUInt32BE(6) & 0x3fffffff };
}

/** One CSV field, quoted when it must be (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
