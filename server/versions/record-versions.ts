import { GraphQLError } from 'graphql';
import { MoreThan, type EntityManager } from 'typeorm';
import { placeholders } from '../db/sql.js';
import { UserInputError } from '../graphql/errors.js';
import { RecordVersionEntity } from './record-version.entity.js';
import { msg } from '../i18n/message.js';
import type { Role } from '../users/role.js';

/**
 * Versions of records people edit (users, organizations): every save adds one
 * to the record's `version` and writes what it changed, per field, with the
 * values before and after, in `record_versions` (in the save's transaction,
 * under the record's row lock, so versions never skip or repeat).
 *
 * A save that names the version it read (`expectedVersion`) is reconciled with
 * the saves made since, still under the lock: for each field it gives,
 * - nobody else changed it: applied;
 * - someone did, and the value given is the value read (this side did not
 *   change it): theirs is kept (merged);
 * - someone did, and the value given is theirs: nothing to do;
 * - someone did and this side changed it too: a CONFLICT, naming who, when
 *   and both values; nothing is written.
 * Values are compared in their stored form (normalized text, sorted tag
 * lists, a custom field's text).
 */

export type SubjectType = 'user' | 'organization';

const TABLES: Record<SubjectType, string> = { user: 'users', organization: 'organizations' };

export interface VersionChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** Who made the save a conflict is with, as the database knows them. */
export interface ConflictWriter {
  id: number;
  name: string;
  role: Role;
  alias: string | null;
}

export interface FieldConflict {
  field: string;
  theirValue: unknown;
  yourValue: unknown;
  changedBy: ConflictWriter | null;
  changedAt: Date;
}

/** A conflict as the API shows it (`extensions.conflicts[]`). */
export interface ShownConflict {
  field: string;
  theirValue: string | null;
  yourValue: string | null;
  /** true when the viewer may not read this field of this record: both values are null. */
  redacted: boolean;
  changedBy: { id: string | null; name: string | null } | null;
  changedAt: string;
}

/** What one viewer may see of a conflict (conflict-redaction.ts decides it from the policies). */
export interface ConflictView {
  values(field: string): boolean;
  writer(w: ConflictWriter): ShownConflict['changedBy'];
}

/** Nothing but the fields and when: what an error shows until someone decides what its viewer may see. */
const NOTHING: ConflictView = { values: () => false, writer: () => null };

/**
 * Someone else changed a field this save changes too. The conflicts' values and
 * writers are the record's data: `extensions.conflicts` starts with field names
 * and times only, and the API fills in what its viewer may read (`show`, from
 * conflict-redaction.ts), so nothing reaches a client that nobody decided it may see.
 */
export class ConflictError extends GraphQLError {
  constructor(
    readonly subject: SubjectType,
    readonly subjectId: number,
    readonly conflicts: readonly FieldConflict[],
  ) {
    const fields = conflicts.map((c) => c.field).join(', ');
    super(`Someone else changed ${fields} since you opened this record. Choose which value to keep.`, {
      extensions: { code: 'CONFLICT', conflicts: [] },
    });
    this.show(NOTHING);
  }

  /** Writes `extensions.conflicts` as `view` allows. */
  show(view: ConflictView): void {
    this.extensions.conflicts = this.conflicts.map((c): ShownConflict => {
      const visible = view.values(c.field);
      return {
        field: c.field,
        theirValue: visible ? shown(c.theirValue) : null,
        yourValue: visible ? shown(c.yourValue) : null,
        redacted: !visible,
        changedBy: c.changedBy && view.writer(c.changedBy),
        changedAt: c.changedAt.toISOString(),
      };
    });
  }
}

/** A value as the API shows it in a conflict: text, a list as text lines' join, or null. */
function shown(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.join(', ');
  return String(v);
}

/** Compares two stored values (lists in any order compare as sets of their text). */
export function sameValue(a: unknown, b: unknown): boolean {
  const norm = (v: unknown): string => {
    if (v === undefined || v === null || (Array.isArray(v) && v.length === 0) || v === '') return 'null';
    if (Array.isArray(v)) return JSON.stringify(v.map(String).sort());
    return JSON.stringify(String(v));
  };
  return norm(a) === norm(b);
}

/** Audit trail changes as version changes (for saves whose values the trail keeps: addresses, tags). */
export function versionsOf(changes: readonly { field: string; oldValue: string | null; newValue: string | null }[]): VersionChange[] {
  return changes.map((c) => ({ field: c.field, before: c.oldValue, after: c.newValue }));
}

/**
 * Adds one to the record's version and writes what changed, inside the
 * caller's transaction (the record's row is already locked). Returns the new version.
 */
export async function recordVersion(
  m: EntityManager,
  subject: SubjectType,
  id: number,
  actorUserId: number | null,
  changes: VersionChange[],
  at: Date,
): Promise<number> {
  await m.query(`UPDATE ${TABLES[subject]} SET version = version + 1 WHERE id = ?`, [id]);
  const [row] = await m.query(`SELECT version FROM ${TABLES[subject]} WHERE id = ?`, [id]);
  const version = Number(row.version);
  if (changes.length) {
    await m.insert(RecordVersionEntity, {
      subjectType: subject,
      subjectId: id,
      version,
      actorUserId,
      changes: JSON.stringify(changes.map((c) => ({ field: c.field, before: c.before ?? null, after: c.after ?? null }))),
      createdAt: at,
    });
  }
  return version;
}

/**
 * Reconciles a save made from `expectedVersion` with the saves since (see
 * above). `mine` holds the fields the save gives, in stored form. Returns the
 * fields to leave out (theirs kept); throws ConflictError when both sides
 * changed a field, BAD_USER_INPUT when the version is not one the record had.
 */
export async function reconcile(
  m: EntityManager,
  subject: SubjectType,
  id: number,
  expectedVersion: number,
  currentVersion: number,
  mine: ReadonlyMap<string, unknown>,
): Promise<string[]> {
  if (!Number.isSafeInteger(expectedVersion) || expectedVersion < 1 || expectedVersion > currentVersion) {
    throw new UserInputError('expectedVersion', msg('versions.recordAtVersionExpectedversion', { currentVersion, currentVersion2: currentVersion }));
  }
  if (expectedVersion === currentVersion || mine.size === 0) return [];
  const rows = await m.find(RecordVersionEntity, {
    where: { subjectType: subject, subjectId: id, version: MoreThan(expectedVersion) },
    order: { version: 'ASC' },
  });
  const theirs = new Map<string, { base: unknown; current: unknown; actor: number | null; at: Date }>();
  for (const r of rows) {
    for (const c of JSON.parse(r.changes) as VersionChange[]) {
      const seen = theirs.get(c.field);
      theirs.set(c.field, { base: seen ? seen.base : c.before, current: c.after, actor: r.actorUserId, at: r.createdAt });
    }
  }
  const keepTheirs: string[] = [];
  const conflicts: Omit<FieldConflict, 'changedBy'>[] = [];
  const actors: (number | null)[] = [];
  for (const [field, value] of mine) {
    const t = theirs.get(field);
    if (!t || sameValue(value, t.current)) continue;
    if (sameValue(value, t.base)) keepTheirs.push(field);
    else {
      conflicts.push({ field, theirValue: t.current, yourValue: value, changedAt: t.at });
      actors.push(t.actor);
    }
  }
  if (conflicts.length) {
    const writers = await writersOf(m, actors);
    throw new ConflictError(
      subject,
      id,
      conflicts.map((c, i) => ({ ...c, changedBy: actors[i] === null ? null : (writers.get(actors[i]!) ?? null) })),
    );
  }
  return keepTheirs;
}

async function writersOf(m: EntityManager, ids: (number | null)[]): Promise<Map<number, ConflictWriter>> {
  const wanted = [...new Set(ids.filter((i): i is number => i !== null))];
  if (wanted.length === 0) return new Map();
  const rows: { id: unknown; name: unknown; role: unknown; alias: unknown }[] = await m.query(
    `SELECT id, name, role, alias FROM users WHERE id IN (${placeholders(wanted.length)})`,
    wanted,
  );
  return new Map(
    rows.map((r) => [
      Number(r.id),
      { id: Number(r.id), name: String(r.name), role: r.role as Role, alias: r.alias === null ? null : String(r.alias) },
    ]),
  );
}

/** The earlier values of a field (newest first), from the saves that changed it: for History's "restore". */
export async function valuesOf(
  m: EntityManager,
  subject: SubjectType,
  id: number,
  field: string,
  limit: number,
): Promise<{ version: number; value: unknown; actorUserId: number | null; at: Date }[]> {
  const out: { version: number; value: unknown; actorUserId: number | null; at: Date }[] = [];
  const rows = await m.find(RecordVersionEntity, { where: { subjectType: subject, subjectId: id }, order: { version: 'DESC' } });
  for (const r of rows) {
    const c = (JSON.parse(r.changes) as VersionChange[]).find((x) => x.field === field);
    if (c) out.push({ version: r.version, value: c.after, actorUserId: r.actorUserId, at: r.createdAt });
    if (out.length >= limit) break;
  }
  return out;
}
