import type { EntityManager } from 'typeorm';
import { placeholders } from '../db/sql.js';
import type { UserChangeListener } from '../users/user-change-listeners.js';
import { userSearchWords } from './search-words.js';
import { addPrefixCounts, prefixesOf } from './prefix-counts.js';

/**
 * Keeps `user_search_words` in step with the users (issue 9). The listener
 * runs inside every user write's transaction (server/users/user-change-listeners.ts),
 * so a user created, renamed or given a new address is found by the very next
 * request on both databases, and a failed write leaves the index as it was.
 * Only the difference is written: a change that touches no searchable field
 * (notes, time zone) reads three small sets and writes nothing.
 */

const BATCH = 500;
const INSERT_ROWS = 2000;

interface Row {
  id: unknown;
  name: string;
  alias: string | null;
  external_id: string | null;
  role: string;
  deleted_at: unknown;
  org: string | null;
}

/** Recomputes the words of these users (a deleted or missing user keeps none), with the caller's manager. */
export async function indexUsers(m: EntityManager, userIds: readonly number[], created = false, counts = true): Promise<void> {
  for (let i = 0; i < userIds.length; i += BATCH) await indexBatch(m, userIds.slice(i, i + BATCH), created, counts);
}

/**
 * `created`: users made in this transaction, who have no words yet (nothing to read or remove). `counts`:
 * keep the prefix counts in step (false only for the word index's own migration, which runs before they exist).
 */
async function indexBatch(m: EntityManager, ids: readonly number[], created: boolean, counts: boolean): Promise<void> {
  if (ids.length === 0) return;
  const inList = placeholders(ids.length);
  const users: Row[] = await m.query(
    `SELECT u.id, u.name, u.alias, u.external_id, u.role, u.deleted_at, o.name AS org
     FROM users u LEFT JOIN organizations o ON o.id = u.organization_id WHERE u.id IN (${inList})`,
    [...ids],
  );
  const identities: { user_id: unknown; type: string; value: string }[] = await m.query(
    `SELECT user_id, type, value FROM user_identities WHERE user_id IN (${inList})`,
    [...ids],
  );
  const tags: { user_id: unknown; tag: string }[] = await m.query(`SELECT user_id, tag FROM user_tags WHERE user_id IN (${inList})`, [...ids]);
  const existing: { user_id: unknown; word: string }[] = created
    ? []
    : await m.query(`SELECT user_id, word FROM user_search_words WHERE user_id IN (${inList})`, [...ids]);

  const identitiesOf = groupBy(identities);
  const tagsOf = groupBy(tags);
  const wanted = new Map<number, Set<string>>(ids.map((id) => [id, new Set<string>()]));
  for (const u of users) {
    if (u.deleted_at !== null && u.deleted_at !== undefined) continue;
    const id = Number(u.id);
    const mine = identitiesOf.get(id) ?? [];
    const words = userSearchWords({
      name: u.name,
      alias: u.alias,
      emails: mine.filter((i) => i.type === 'EMAIL').map((i) => i.value),
      phones: mine.filter((i) => i.type === 'PHONE').map((i) => i.value),
      externalId: u.external_id,
      organizationName: u.org,
      tags: (tagsOf.get(id) ?? []).map((t) => t.tag),
      role: u.role,
    });
    wanted.set(id, new Set(words.map((w) => w.word)));
  }

  const stale: [number, string][] = [];
  const have = new Map<number, Set<string>>();
  for (const row of existing) {
    const id = Number(row.user_id);
    if (!have.has(id)) have.set(id, new Set());
    have.get(id)!.add(row.word);
    if (!wanted.get(id)?.has(row.word)) stale.push([id, row.word]);
  }
  const fresh: [number, string][] = [];
  for (const [id, words] of wanted) for (const word of words) if (!have.get(id)?.has(word)) fresh.push([id, word]);

  // The one- and two-letter prefix counts (prefix-counts.ts) follow the difference.
  const delta = new Map<string, number>();
  for (const id of new Set([...stale.map(([u]) => u), ...fresh.map(([u]) => u)])) {
    const before = prefixesOf(have.get(id) ?? []);
    const after = prefixesOf(wanted.get(id) ?? []);
    for (const p of after) if (!before.has(p)) delta.set(p, (delta.get(p) ?? 0) + 1);
    for (const p of before) if (!after.has(p)) delta.set(p, (delta.get(p) ?? 0) - 1);
  }

  for (const id of new Set(stale.map(([id]) => id))) {
    const words = stale.filter(([u]) => u === id).map(([, w]) => w);
    for (let i = 0; i < words.length; i += INSERT_ROWS) {
      const part = words.slice(i, i + INSERT_ROWS);
      await m.query(`DELETE FROM user_search_words WHERE user_id = ? AND word IN (${placeholders(part.length)})`, [id, ...part]);
    }
  }
  for (let i = 0; i < fresh.length; i += INSERT_ROWS) {
    const part = fresh.slice(i, i + INSERT_ROWS);
    await m.query(
      `INSERT INTO user_search_words (user_id, word) VALUES ${part.map(() => '(?, ?)').join(', ')}`,
      part.flatMap(([id, word]) => [id, word]),
    );
  }
  if (counts) await addPrefixCounts(m, delta);
}

/** Rows by their user. */
function groupBy<T extends { user_id: unknown }>(rows: readonly T[]): Map<number, T[]> {
  const by = new Map<number, T[]>();
  for (const row of rows) {
    const id = Number(row.user_id);
    const list = by.get(id);
    if (list) list.push(row);
    else by.set(id, [row]);
  }
  return by;
}

/** The listener the app adds to its UserChangeListeners. */
export const searchIndexListener: UserChangeListener = (m, userIds, kind) => indexUsers(m, userIds, kind === 'CREATED');
