import type { EntityManager } from 'typeorm';
import { placeholders } from '../db/sql.js';
import type { UserSnapshot } from './batch-snapshots.js';
import type { PreparedUpdate } from './user-account.types.js';
import { IdentityType } from './user-identity.entity.js';
import type { Role } from './user.entity.js';
import type { BulkProblem } from './user-batch.js';

/**
 * Which existing accounts a batch's inputs name (CREATE_OR_UPDATE, UPDATE):
 * by external id, then any email, then a phone number, read for the whole
 * batch at once; the accounts the batch creates are remembered for its later
 * inputs.
 */

export interface Matched {
  id: number;
  role: Role;
}

export interface Matches {
  ext: Map<string, Matched>;
  email: Map<string, Matched>;
  phone: Map<string, Matched>;
}

/** Match order: external id, then any email, then a phone number. */
export function findMatch(matches: Matches, p: PreparedUpdate): Matched | null {
  const ext = p.changes.columns.externalIdKey;
  if (ext && matches.ext.has(ext)) return matches.ext.get(ext)!;
  for (const e of [p.email, ...p.extras.emails]) if (e && matches.email.has(e.normalized)) return matches.email.get(e.normalized)!;
  for (const ph of [p.changes.columns.phone, ...p.extras.phones]) if (ph && matches.phone.has(ph)) return matches.phone.get(ph)!;
  return null;
}

/** Which of an input's keys names `id` (for a message): the first in match order. */
export function matchedBy(matches: Matches, p: PreparedUpdate, id: number): 'externalId' | 'email' | 'phone' {
  const ext = p.changes.columns.externalIdKey;
  if (ext && matches.ext.get(ext)?.id === id) return 'externalId';
  for (const e of [p.email, ...p.extras.emails]) if (e && matches.email.get(e.normalized)?.id === id) return 'email';
  return 'phone';
}

/**
 * One input per account (an import: two rows of one file never write one
 * account, or importing the file again would change it back and forth). The
 * batch fails an input whose match an earlier input of the same batch wrote
 * (created, updated or matched unchanged); the caller remembers what its
 * earlier batches wrote.
 */
export interface OncePerAccount {
  /** The earlier batches' input (an import's line) that wrote this account, or null. */
  account(userId: number): number | null;
  /**
   * The earlier batches' input that created an account with this phone number (E.164), or null: a dry run's batches
   * are rolled back, so a later one would not find that account to match it by phone as the run will.
   */
  createdPhone(e164: string): number | null;
  /** The problem of such an input: `earlier` is an input of this batch (its index) or what the calls above gave. */
  problem(earlier: { index: number } | { line: number }, by: 'externalId' | 'email' | 'phone'): BulkProblem;
}

/** The problem of an input whose account an earlier input wrote (`written`: this batch's, account id -> index), or null. */
export function writtenBefore(
  once: OncePerAccount,
  written: ReadonlyMap<number, number>,
  matches: Matches,
  p: PreparedUpdate,
  match: Matched | null,
): BulkProblem | null {
  if (match) {
    const by = matchedBy(matches, p, match.id);
    const index = written.get(match.id);
    if (index !== undefined) return once.problem({ index }, by);
    const line = match.id > 0 ? once.account(match.id) : null;
    return line === null ? null : once.problem({ line }, by);
  }
  for (const ph of [p.changes.columns.phone, ...p.extras.phones]) {
    const line = ph ? once.createdPhone(ph) : null;
    if (line !== null) return once.problem({ line }, 'phone');
  }
  return null;
}

export function remember(matches: Matches, p: PreparedUpdate, user: Matched): void {
  const ext = p.changes.columns.externalIdKey;
  if (ext) matches.ext.set(ext, user);
  for (const e of [p.email, ...p.extras.emails]) if (e && !matches.email.has(e.normalized)) matches.email.set(e.normalized, user);
  for (const ph of [p.changes.columns.phone, ...p.extras.phones]) if (ph && !matches.phone.has(ph)) matches.phone.set(ph, user);
}

/** Whether the matched account (read at the start of the batch) owns an address: its id, or null (someone else's is refused by the unique index). */
export function ownerIn(snapshot: UserSnapshot, normalized: string, id: number): number | null {
  return snapshot.identities.some((i) => i.type === IdentityType.EMAIL && i.uniqueValue === normalized) ? id : null;
}

/** The accounts the inputs name, by external id, email (any of a user's) and phone number, in three queries. */
export async function matchesOf(m: EntityManager, prepared: PreparedUpdate[]): Promise<Matches> {
  const ext = uniq(prepared.map((p) => p.changes.columns.externalIdKey).filter((k): k is string => !!k));
  const emails = uniq(prepared.flatMap((p) => [p.email?.normalized, ...p.extras.emails.map((e) => e.normalized)]).filter((k): k is string => !!k));
  const phones = uniq(prepared.flatMap((p) => [p.changes.columns.phone, ...p.extras.phones]).filter((k): k is string => !!k));
  const matches: Matches = { ext: new Map(), email: new Map(), phone: new Map() };
  const row = (r: Record<string, unknown>): Matched => ({ id: Number(r.id), role: r.role as Role });
  for (const part of chunks(ext)) {
    const rows = await m.query(
      `SELECT id, role, external_id_key AS k FROM users WHERE external_id_key IN (${placeholders(part.length)}) AND deleted_at IS NULL`,
      part,
    );
    for (const r of rows) matches.ext.set(String(r.k), row(r));
  }
  for (const [type, keys, map] of [
    ['EMAIL', emails, matches.email],
    ['PHONE', phones, matches.phone],
  ] as const) {
    for (const part of chunks(keys)) {
      const rows = await m.query(
        `SELECT u.id, u.role, i.value_normalized AS k FROM user_identities i JOIN users u ON u.id = i.user_id
         WHERE i.type = ? AND i.value_normalized IN (${placeholders(part.length)}) AND i.unique_value IS NOT NULL AND u.deleted_at IS NULL`,
        [type, ...part],
      );
      for (const r of rows) map.set(String(r.k), row(r));
    }
  }
  return matches;
}

const uniq = <T>(values: T[]): T[] => [...new Set(values)];
function chunks<T>(values: T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}
