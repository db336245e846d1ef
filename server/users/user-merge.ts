import { In, type EntityManager } from 'typeorm';
import type { Database } from '../db/database.js';
import { externalIdKey } from './profile-rules.js';
import { ForbiddenError, NotFoundError, UserInputError } from '../graphql/errors.js';
import type { Actor } from '../auth/viewer.js';
import { change, organizationChange } from '../audit/audit.service.js';
import { Organization } from '../organizations/organization.entity.js';
import type { FieldChange } from '../audit/audit.types.js';
import { recordVersion, versionsOf } from '../versions/record-versions.js';
import type { AccountDeps } from './user-account.types.js';
import { lockUser } from './user-reads.js';
import { Role, User } from './user.entity.js';
import { msg } from '../i18n/message.js';

/** Profile fields a merge may take from either side (the others: the survivor's, or the merged one's when the survivor has none). */
export const MERGE_CHOICE_FIELDS = ['name', 'alias', 'timeZone', 'locale', 'externalId', 'details', 'notes', 'organization'] as const;
const COLUMNS = {
  name: 'name',
  alias: 'alias',
  timeZone: 'time_zone',
  locale: 'locale',
  externalId: 'external_id',
  details: 'details',
  notes: 'notes',
} as const;

export type MergeSide = 'SOURCE' | 'TARGET';

/** What a merge moves, as the preview shows it and the history line lists it. */
export interface MergePlan {
  source: User;
  target: User;
  emails: string[];
  phones: string[];
  tags: string[];
  /** Fields both have with different values: the person chooses (default: the survivor's). */
  choices: { field: string; title: string; sourceValue: string | null; targetValue: string | null }[];
  ticketsRequested: number;
  ticketsCopied: number;
  historyEntries: number;
}

type Row = Record<string, unknown>;
const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/**
 * Merging two end users' accounts (issue 13): every email and phone, tags,
 * custom field values, tickets requested and CC'd, side conversations and the
 * history move to the survivor (`target`); fields both have are taken from the
 * side chosen; the merged account (`source`) is deleted with `merged_into_id`
 * pointing at the survivor, so `user(id)` of it answers the survivor. One
 * transaction, both rows locked in id order; one history line on the
 * survivor lists what moved.
 */
export class UserMerge {
  constructor(
    private readonly db: Database,
    private readonly deps: Pick<AccountDeps, 'audit' | 'sessions' | 'tokens' | 'changes'>,
  ) {}

  preview(sourceId: number, targetId: number): Promise<MergePlan> {
    return this.db.transaction((m) => this.plan(m, sourceId, targetId, false));
  }

  async merge(sourceId: number, targetId: number, choices: ReadonlyMap<string, MergeSide>, actor: Actor): Promise<number> {
    for (const field of choices.keys()) {
      if (!(MERGE_CHOICE_FIELDS as readonly string[]).includes(field) && !/^fields\.[a-z0-9_]{1,64}$/.test(field)) {
        throw new UserInputError('fieldChoices', msg('users.notFieldMergeChooses', { field }));
      }
    }
    await this.db.transaction(async (m) => {
      const plan = await this.plan(m, sourceId, targetId, true);
      const now = new Date();
      const pick = (field: string): MergeSide => choices.get(field) ?? 'TARGET';
      const recorded: FieldChange[] = [change('mergedFrom', null, `#${sourceId} ${plan.source.name}`)];
      // Profile fields: the side chosen; a field the survivor lacks comes from the merged account.
      const set: Record<string, unknown> = {};
      for (const [field, column] of Object.entries(COLUMNS)) {
        const theirs = (plan.source as unknown as Record<string, unknown>)[field];
        const mine = (plan.target as unknown as Record<string, unknown>)[field];
        if (theirs !== null && (mine === null || pick(field) === 'SOURCE') && theirs !== mine) {
          set[column] = theirs;
          recorded.push(change(field, mine, theirs));
        }
      }
      if (set.external_id !== undefined) {
        await m.query('UPDATE users SET external_id_key = NULL WHERE id = ?', [sourceId]);
        set.external_id_key = externalIdKey(String(set.external_id));
      }
      if (set.name !== undefined) set.name_key = plan.source.nameKey;
      if (plan.source.organizationId !== null && (plan.target.organizationId === null || pick('organization') === 'SOURCE')) {
        set.organization_id = plan.source.organizationId;
        const orgs = await m.findBy(Organization, { id: In([plan.source.organizationId, plan.target.organizationId ?? plan.source.organizationId]) });
        const named = (id: number | null) => orgs.find((o) => o.id === id) ?? null;
        recorded.push(organizationChange(named(plan.target.organizationId), named(plan.source.organizationId)));
      }
      const cols = Object.keys(set);
      if (cols.length) await m.query(`UPDATE users SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`, [...Object.values(set), targetId]);
      await this.moveIdentities(m, sourceId, targetId);
      if (plan.target.phone === null && plan.source.phone !== null) {
        // The survivor had no phone: the merged account's primary number becomes theirs.
        await m.query("UPDATE user_identities SET is_primary = 1 WHERE user_id = ? AND type = 'PHONE' AND value_normalized = ?", [
          targetId,
          plan.source.phone,
        ]);
        await m.query('UPDATE users SET phone = ? WHERE id = ?', [plan.source.phone, targetId]);
      }
      await this.moveTags(m, sourceId, targetId);
      recorded.push(...(await this.moveFieldValues(m, sourceId, targetId, pick)));
      await this.moveTickets(m, sourceId, targetId);
      await m.query("UPDATE audit_events SET subject_id = ? WHERE subject_type = 'user' AND subject_id = ?", [targetId, sourceId]);
      await m.query("DELETE FROM record_versions WHERE subject_type = 'user' AND subject_id = ?", [sourceId]);
      if (plan.emails.length) recorded.push(change('emails', null, plan.emails));
      if (plan.phones.length) recorded.push(change('phones', null, plan.phones));
      if (plan.tags.length) recorded.push(change('tags', null, plan.tags));
      if (plan.ticketsRequested) recorded.push(change('ticketsRequested', null, plan.ticketsRequested));
      if (plan.ticketsCopied) recorded.push(change('ticketsCopied', null, plan.ticketsCopied));
      await m.update(
        User,
        { id: sourceId },
        { deletedAt: now, deletedById: actor.userId, mergedIntoId: targetId, externalIdKey: null, updatedAt: now },
      );
      await m.update(User, { id: targetId }, { updatedAt: now });
      await this.deps.sessions.endAll(m, sourceId);
      await this.deps.tokens.revokeAllOf(m, sourceId, now);
      await this.deps.audit.record(m, targetId, 'MERGED', actor, recorded, now);
      await recordVersion(m, 'user', targetId, actor.userId, versionsOf(recorded.filter((c) => !c.redacted)), now);
      await this.deps.changes.changed(m, [sourceId], 'DELETED', now);
      await this.deps.changes.changed(m, [targetId], 'UPDATED', now);
    });
    return targetId;
  }

  /** Reads (and with `lock`, locks in id order) both accounts and what would move. */
  private async plan(m: EntityManager, sourceId: number, targetId: number, lock: boolean): Promise<MergePlan> {
    if (sourceId === targetId) throw new UserInputError('targetId', msg('users.chooseTwoDifferentAccounts'));
    const read = async (id: number) =>
      lock ? lockUser(m, id) : m.createQueryBuilder(User, 'u').where('u.id = :id AND u.deleted_at IS NULL', { id }).getOne();
    const [first, second] = sourceId < targetId ? [sourceId, targetId] : [targetId, sourceId];
    const a = await read(first);
    const b = await read(second);
    const source = sourceId === first ? a : b;
    const target = sourceId === first ? b : a;
    if (!source) throw new NotFoundError(msg('notFound.user', { id: sourceId }));
    if (!target) throw new NotFoundError(msg('notFound.user', { id: targetId }));
    if (source.role !== Role.END_USER || target.role !== Role.END_USER) {
      throw new ForbiddenError(msg('users.twoEndUsersMerged'));
    }
    const identities: Row[] = await m.query('SELECT type, value FROM user_identities WHERE user_id = ? ORDER BY id', [sourceId]);
    const tags: Row[] = await m.query(
      'SELECT tag FROM user_tags WHERE user_id = ? AND tag NOT IN (SELECT tag FROM user_tags WHERE user_id = ?) ORDER BY tag',
      [sourceId, targetId],
    );
    const [requested] = await m.query('SELECT COUNT(*) AS n FROM tickets WHERE requester_id = ?', [sourceId]);
    const [copied] = await m.query('SELECT COUNT(*) AS n FROM ticket_ccs WHERE user_id = ?', [sourceId]);
    const [history] = await m.query("SELECT COUNT(*) AS n FROM audit_events WHERE subject_type = 'user' AND subject_id = ?", [sourceId]);
    const choices: MergePlan['choices'] = [];
    for (const field of Object.keys(COLUMNS) as (keyof typeof COLUMNS)[]) {
      const s = text(source[field]);
      const t = text(target[field]);
      if (s !== null && t !== null && s !== t) choices.push({ field, title: field, sourceValue: s, targetValue: t });
    }
    if (source.organizationId !== null && target.organizationId !== null && source.organizationId !== target.organizationId) {
      const names: Row[] = await m.query('SELECT id, name FROM organizations WHERE id IN (?, ?)', [source.organizationId, target.organizationId]);
      const name = (id: number) => text(names.find((r) => Number(r.id) === id)?.name);
      choices.push({
        field: 'organization',
        title: 'organization',
        sourceValue: name(source.organizationId),
        targetValue: name(target.organizationId),
      });
    }
    const values: Row[] = await m.query(
      `SELECT v.user_id, f.field_key, f.title, v.value FROM user_field_values v JOIN user_fields f ON f.id = v.field_id
       WHERE v.user_id IN (?, ?) ORDER BY f.position, v.value`,
      [sourceId, targetId],
    );
    const byKey = new Map<string, { title: string; source: string[]; target: string[] }>();
    for (const v of values) {
      const key = String(v.field_key);
      if (!byKey.has(key)) byKey.set(key, { title: String(v.title), source: [], target: [] });
      byKey.get(key)![Number(v.user_id) === sourceId ? 'source' : 'target'].push(String(v.value));
    }
    for (const [key, v] of byKey) {
      if (v.source.length && v.target.length && v.source.join('\n') !== v.target.join('\n')) {
        choices.push({ field: `fields.${key}`, title: v.title, sourceValue: v.source.join(', '), targetValue: v.target.join(', ') });
      }
    }
    return {
      source,
      target,
      emails: identities.filter((i) => i.type === 'EMAIL').map((i) => String(i.value)),
      phones: identities.filter((i) => i.type === 'PHONE').map((i) => String(i.value)),
      tags: tags.map((t) => String(t.tag)),
      choices,
      ticketsRequested: Number(requested.n),
      ticketsCopied: Number(copied.n),
      historyEntries: Number(history.n),
    };
  }

  /** Every address moves (none primary on the survivor); a number both have stays once, the unique holder's row kept. */
  private async moveIdentities(m: EntityManager, sourceId: number, targetId: number): Promise<void> {
    const both: Row[] = await m.query(
      `SELECT s.id AS sid, t.id AS tid, s.unique_value AS su FROM user_identities s JOIN user_identities t
       ON t.user_id = ? AND t.type = s.type AND t.value_normalized = s.value_normalized WHERE s.user_id = ?`,
      [targetId, sourceId],
    );
    for (const r of both) {
      // Keep the row that holds the number's unique key.
      if (r.su !== null && r.su !== undefined) await m.query('DELETE FROM user_identities WHERE id = ?', [r.tid]);
      else await m.query('DELETE FROM user_identities WHERE id = ?', [r.sid]);
    }
    await m.query('UPDATE user_identities SET user_id = ?, is_primary = 0 WHERE user_id = ?', [targetId, sourceId]);
  }

  private async moveTags(m: EntityManager, sourceId: number, targetId: number): Promise<void> {
    await m.query('DELETE FROM user_tags WHERE user_id = ? AND tag IN (SELECT tag FROM (SELECT tag FROM user_tags WHERE user_id = ?) x)', [
      sourceId,
      targetId,
    ]);
    await m.query('UPDATE user_tags SET user_id = ? WHERE user_id = ?', [targetId, sourceId]);
  }

  private async moveFieldValues(m: EntityManager, sourceId: number, targetId: number, pick: (field: string) => MergeSide): Promise<FieldChange[]> {
    const rows: Row[] = await m.query(
      'SELECT v.user_id, v.field_id, f.field_key FROM user_field_values v JOIN user_fields f ON f.id = v.field_id WHERE v.user_id IN (?, ?)',
      [sourceId, targetId],
    );
    const recorded: FieldChange[] = [];
    const fields = new Map<number, { key: string; source: boolean; target: boolean }>();
    for (const r of rows) {
      const id = Number(r.field_id);
      const f = fields.get(id) ?? { key: String(r.field_key), source: false, target: false };
      if (Number(r.user_id) === sourceId) f.source = true;
      else f.target = true;
      fields.set(id, f);
    }
    for (const [fieldId, f] of fields) {
      if (!f.source) continue;
      const takeSource = !f.target || pick(`fields.${f.key}`) === 'SOURCE';
      if (takeSource) {
        await m.query('DELETE FROM user_field_values WHERE user_id = ? AND field_id = ?', [targetId, fieldId]);
        await m.query('UPDATE user_field_values SET user_id = ? WHERE user_id = ? AND field_id = ?', [targetId, sourceId, fieldId]);
        recorded.push(change(`fields.${f.key}`, null, 'merged'));
      } else {
        await m.query('DELETE FROM user_field_values WHERE user_id = ? AND field_id = ?', [sourceId, fieldId]);
      }
    }
    return recorded;
  }

  private async moveTickets(m: EntityManager, sourceId: number, targetId: number): Promise<void> {
    await m.query('UPDATE tickets SET requester_id = ? WHERE requester_id = ?', [targetId, sourceId]);
    for (const [table, key] of [
      ['ticket_ccs', 'ticket_id'],
      ['side_conversation_participants', 'side_conversation_id'],
    ] as const) {
      await m.query(`DELETE FROM ${table} WHERE user_id = ? AND ${key} IN (SELECT ${key} FROM (SELECT ${key} FROM ${table} WHERE user_id = ?) x)`, [
        sourceId,
        targetId,
      ]);
      await m.query(`UPDATE ${table} SET user_id = ? WHERE user_id = ?`, [targetId, sourceId]);
    }
  }
}

/** Possible duplicates of an end user: other end users with one of their phone numbers, or the same name in the same organization. */
export async function possibleDuplicates(m: EntityManager, user: User, limit = 10): Promise<number[]> {
  if (user.role !== Role.END_USER) return [];
  const byPhone: Row[] = await m.query(
    `SELECT DISTINCT o.user_id AS id FROM user_identities mine JOIN user_identities o ON o.type = 'PHONE' AND o.value_normalized = mine.value_normalized
     JOIN users u ON u.id = o.user_id WHERE mine.user_id = ? AND mine.type = 'PHONE' AND o.user_id <> ? AND u.deleted_at IS NULL AND u.role = 'END_USER'
     LIMIT ${Math.floor(limit)}`,
    [user.id, user.id],
  );
  const byName: Row[] =
    user.organizationId === null
      ? []
      : await m.query(
          `SELECT id FROM users WHERE name_key = ? AND organization_id = ? AND id <> ? AND deleted_at IS NULL AND role = 'END_USER' LIMIT ${Math.floor(limit)}`,
          [user.nameKey, user.organizationId, user.id],
        );
  return [...new Set([...byPhone, ...byName].map((r) => Number(r.id)))].slice(0, limit);
}
