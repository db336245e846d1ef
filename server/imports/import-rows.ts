import { hash } from 'node:crypto';
import { parseEmail } from '../users/email-address.js';
import { externalIdKey } from '../users/profile-rules.js';
import type { BatchInput, BulkOutcome, BulkProblem, PreparedBatch } from '../users/user-batch.js';
import type { OncePerAccount } from '../users/batch-matches.js';
import { msg } from '../i18n/message.js';
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

/** The column (as the header spells it) a problem or a warning is about: a custom field's key is its custom_fields.<key> column. */
export function columnOf(problem: Pick<BulkProblem, 'field'>, header: CsvHeader): string | null {
  if (problem.field === null) return null;
  const builtIn = COLUMN_OF[problem.field] ?? problem.field;
  const candidates = [builtIn, `${CUSTOM_FIELD_PREFIX}${problem.field}`];
  for (const c of candidates) if (header.spelled[c]) return header.spelled[c];
  if (builtIn === 'email' && header.spelled.emails) return header.spelled.emails;
  if (builtIn === 'phone' && header.spelled.phones) return header.spelled.phones;
  return builtIn;
}

const SAME_ACCOUNT = {
  externalId: 'imports.sameAccountByExternalId',
  email: 'imports.sameAccountByEmail',
  phone: 'imports.sameAccountByPhone',
} as const;

/**
 * Remembers the emails (in any letter case, by the same normalization as
 * the service's uniqueness) and external ids seen in a file, to fail a row
 * that repeats one; and the accounts the rows wrote (and the phone numbers
 * of those a preview created and rolled back), so that a row matching an
 * account an earlier row wrote fails instead of writing it again
 * (OncePerAccount, in every chunk). A key is kept as 76 bits of its SHA-1 and the row it was
 * first seen in, in 12 bytes a slot outside the JavaScript heap (KeyTable):
 * a million rows of four keys take about 60 MB, and make no garbage.
 */
export class InFileDuplicates {
  private readonly table = new KeyTable();

  /** The row (line) that already has one of these keys, with the column it is in; records the keys otherwise. */
  check(line: number, u: ImportedUser): { column: 'email' | 'external_id'; line: number } | null {
    const keys: { column: 'email' | 'external_id'; key: string }[] = [];
    for (const e of u.emails ?? []) {
      const parsed = parseEmail(e);
      keys.push({ column: 'email', key: `e:${parsed.ok ? parsed.email.normalized : e.toLowerCase()}` });
    }
    if (u.externalId) keys.push({ column: 'external_id', key: `x:${externalIdKey(u.externalId.trim())}` });
    const digests = keys.map((k) => hash('sha1', k.key, 'binary'));
    for (const [i, d] of digests.entries()) {
      const first = this.table.lineOf(d);
      if (first !== 0 && first !== line) return { column: keys[i].column, line: first };
    }
    for (const d of digests) this.table.add(d, line);
    return null;
  }

  /** For the user service's batch of a chunk whose inputs are these `lines`. */
  oncePerAccount(lines: readonly number[]): OncePerAccount {
    const lineOf = (key: string) => this.table.lineOf(hash('sha1', key, 'binary')) || null;
    return {
      account: (id) => lineOf(`u:${id}`),
      createdPhone: (e164) => lineOf(`p:${e164}`),
      problem: (earlier, by) => ({
        code: 'DUPLICATE_IN_FILE',
        field: by,
        text: msg(SAME_ACCOUNT[by], { line: String('index' in earlier ? lines[earlier.index] : earlier.line) }),
      }),
    };
  }

  /**
   * Remembers the accounts a chunk wrote. A preview's new accounts were rolled back (their ids may be given again):
   * their phone numbers are remembered instead, which the run would match them by.
   */
  wrote(lines: readonly number[], outcomes: BulkOutcome[], checked: PreparedBatch, dryRun: boolean): void {
    for (const o of outcomes) {
      if (o.status === 'FAILED' || o.userId === null) continue;
      const line = lines[o.index];
      if (o.status !== 'CREATED' || !dryRun) this.table.add(hash('sha1', `u:${o.userId}`, 'binary'), line);
      const p = checked.prepared[o.index];
      if (o.status !== 'CREATED' || !('prepared' in p)) continue;
      for (const ph of [p.prepared.changes.columns.phone, ...p.prepared.extras.phones])
        if (ph) this.table.add(hash('sha1', `p:${ph}`, 'binary'), line);
    }
  }
}

/** Partitions of a KeyTable (the first 12 bits of a digest), each a small table that grows on its own. */
const PARTS = 4096;
const MAX_LOAD = 0.9;

/**
 * A set of digests with the line each was first added at, in typed arrays
 * (three 32-bit words a slot: 64 bits of the digest and the line; line 0 is
 * an empty slot, lines start at 2). A digest is told from another by its
 * partition (12 bits) and the 64 bits kept: two keys of a million-row file
 * are mistaken for each other with a chance of about one in ten billion.
 * Linear probing; a partition grows by a fifth when 90 % full, so growing
 * never copies more than a 4,096th of the table at once.
 */
export class KeyTable {
  private readonly parts: Uint32Array[] = Array.from({ length: PARTS }, () => new Uint32Array(3 * 8));
  private readonly sizes = new Uint32Array(PARTS);

  /** The line `digest` (a SHA-1 as 'binary' text: a character a byte) was added at, or 0. */
  lineOf(digest: string): number {
    const hi = word(digest, 2);
    const lo = word(digest, 6);
    const slots = this.parts[partOf(digest)];
    const capacity = slots.length / 3;
    for (let i = hi % capacity; ; i = i + 1 === capacity ? 0 : i + 1) {
      const line = slots[3 * i + 2];
      if (line === 0) return 0;
      if (slots[3 * i] === hi && slots[3 * i + 1] === lo) return line;
    }
  }

  /** Records `digest` at `line` (the first line stays when it is there already). */
  add(digest: string, line: number): void {
    const part = partOf(digest);
    if (put(this.parts[part], word(digest, 2), word(digest, 6), line)) this.sizes[part]++;
    const capacity = this.parts[part].length / 3;
    if (this.sizes[part] > capacity * MAX_LOAD) {
      const old = this.parts[part];
      const slots = new Uint32Array(3 * Math.ceil(capacity * 1.2));
      for (let i = 0; i < old.length; i += 3) if (old[i + 2] !== 0) put(slots, old[i], old[i + 1], old[i + 2]);
      this.parts[part] = slots;
    }
  }
}

const partOf = (d: string): number => (d.charCodeAt(0) << 4) | (d.charCodeAt(1) >>> 4);
/** Four bytes of a digest from `at`, as an unsigned 32-bit number. */
const word = (d: string, at: number): number =>
  ((d.charCodeAt(at) << 24) | (d.charCodeAt(at + 1) << 16) | (d.charCodeAt(at + 2) << 8) | d.charCodeAt(at + 3)) >>> 0;

/** Writes a slot (its home is `hi` modulo the capacity); false when the digest was there already. */
function put(slots: Uint32Array, hi: number, lo: number, line: number): boolean {
  const capacity = slots.length / 3;
  for (let i = hi % capacity; ; i = i + 1 === capacity ? 0 : i + 1) {
    if (slots[3 * i + 2] === 0) {
      slots[3 * i] = hi;
      slots[3 * i + 1] = lo;
      slots[3 * i + 2] = line;
      return true;
    }
    if (slots[3 * i] === hi && slots[3 * i + 1] === lo) return false;
  }
}
