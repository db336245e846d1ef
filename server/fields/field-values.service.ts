import { In, IsNull, type EntityManager } from 'typeorm';
import type { Database } from '../db/database.js';
import { forShare } from '../db/locks.js';
import { insertMany } from '../db/inserts.js';
import { placeholders } from '../db/sql.js';
import { InputProblems, UserInputError } from '../graphql/errors.js';
import { change } from '../audit/audit.service.js';
import type { FieldChange } from '../audit/audit.types.js';
import { User } from '../users/user.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { parseFieldValue, type RawFieldValue, type StoredValue } from './field-rules.js';
import { quoteInput } from '../text/text-rules.js';
import { loadFieldDefinitions } from './user-field.service.js';
import { missingValueCounts } from './missing-values.js';
import { UserFieldOptionEntity, UserFieldValueEntity } from './user-field.entity.js';
import {
  LookupTarget,
  UserFieldType,
  UserFieldValue,
  type UserField,
  type UserFieldFilter,
  type UserFieldInput,
  type UserFieldOption,
} from './user-field.types.js';
import { msg } from '../i18n/message.js';

/** One field's new value, validated: `values` empty clears it. */
export interface PreparedFieldValue {
  field: UserField;
  values: StoredValue[];
}

/** What `prepare` returns and `write` applies. `definitions` is null when no input was given (nothing was read). */
export interface PreparedFieldValues {
  items: PreparedFieldValue[];
  definitions: UserField[] | null;
}

/** A user's stored values by field id; a MULTISELECT has one row per chosen option. */
export type StoredUserValues = Map<number, StoredValue[]>;

type Row = Record<string, unknown>;
/** Ids per IN list: well under both drivers' parameter limits. */
const CHUNK = 1000;
/** users(fields:): at most this many filters, each with at most this many values. */
export const FILTER_LIMITS = { filters: 20, values: 100 } as const;

/** extensions.field for a key a client sent: the key itself when it could be one, else "fields" (never a long echo). */
const fieldOfKey = (key: unknown): string =>
  typeof key === 'string' && /^[a-z0-9_]{1,64}$/.test(key.trim().toLowerCase()) ? key.trim().toLowerCase() : 'fields';
const unknownKey = (key: unknown): UserInputError => new UserInputError(fieldOfKey(key), msg('fields.thereNoUserField2', { key: quoteInput(key) }));

function chunks<T>(list: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

const sameValues = (field: UserField, a: StoredValue[], b: StoredValue[]): boolean => {
  // Options compare by key (a renamed value's letter case is no change); other types by their exact text.
  const by = OPTION_TYPES.has(field.type) ? (v: StoredValue) => v.key : (v: StoredValue) => v.value;
  if (a.length !== b.length) return false;
  const left = a.map(by).sort();
  const right = b.map(by).sort();
  return left.every((v, i) => v === right[i]);
};

const OPTION_TYPES = new Set([UserFieldType.DROPDOWN, UserFieldType.MULTISELECT]);

/** The audit trail's text of a value: the option values of a MULTISELECT as a list. */
function auditValue(field: UserField, values: StoredValue[]): string | string[] | null {
  if (values.length === 0) return null;
  if (field.type === UserFieldType.MULTISELECT) return ordered(field, values).map((v) => v.value);
  return values[0].value;
}

/** A field's values as the audit trail and the record versions write them (text; a MULTISELECT's options joined). */
export function fieldText(field: UserField, values: StoredValue[]): string | null {
  return change('value', null, auditValue(field, values)).newValue;
}

/**
 * A definition's options by comparison key, made once per definition object: a page of 100 profiles presents each
 * drop-down's values 100 times from the same definitions (read once per request), and the definitions are never
 * changed in place (an edit reads them again).
 */
const optionsByKey = new WeakMap<UserField, Map<string, UserFieldOption>>();
function optionByKey(field: UserField): Map<string, UserFieldOption> {
  let byKey = optionsByKey.get(field);
  if (!byKey) optionsByKey.set(field, (byKey = new Map(field.options.map((o) => [o.valueKey, o]))));
  return byKey;
}

/** Option rows in option order (a value whose option is gone goes last). */
function ordered(field: UserField, values: StoredValue[]): StoredValue[] {
  if (values.length < 2) return values;
  const byKey = optionByKey(field);
  return [...values].sort((a, b) => (byKey.get(a.key)?.position ?? Infinity) - (byKey.get(b.key)?.position ?? Infinity));
}

/**
 * Values of custom user fields: validation against the current definitions,
 * writes inside the caller's transaction (with the audit trail's changes),
 * batched reads for DataLoaders, and the SQL of a search filter.
 *
 * Storage: `user_field_values (user_id, field_id, value_key, value)`, one row
 * per value (per chosen option for a MULTISELECT). `value` is the canonical
 * text; `value_key` its comparison key (lower case, see comparisonKey), indexed
 * with the field for filters. Values of an inactive field are kept; a deleted
 * field takes its values with it.
 */
export class FieldValuesService {
  constructor(private readonly db: Database) {}

  /** The database's dialect (for the few conditions written differently on each). */
  get dialect(): 'mysql' | 'sqlite' {
    return this.db.dialect;
  }

  /** Every field definition with its options, by position (two queries). */
  definitions(m: EntityManager = this.db.manager): Promise<UserField[]> {
    return loadFieldDefinitions(m);
  }

  /**
   * Validates field inputs of a create or update: unknown key, inactive field,
   * a key given twice, or a wrong value -> BAD_USER_INPUT naming the key.
   * LOOKUP ids must name an existing user (not deleted) or organization.
   */
  async prepare(inputs: UserFieldInput[] | null | undefined, m: EntityManager = this.db.manager, known?: UserField[]): Promise<PreparedFieldValues> {
    if (!inputs || inputs.length === 0) return { items: [], definitions: null };
    // A batch reads the definitions once for all of its inputs (`known`).
    const definitions = known ?? (await this.definitions(m));
    const byKey = new Map(definitions.map((f) => [f.key, f]));
    const items: PreparedFieldValue[] = [];
    const seen = new Set<string>();
    // Every bad field at once (an admin fixing an import row or a form wants them all), each naming its key.
    const problems = new InputProblems();
    for (const input of inputs) {
      problems.check(() => {
        const given = typeof input.key === 'string' ? input.key.trim().toLowerCase() : '';
        const field = byKey.get(given);
        if (!field) throw unknownKey(input.key);
        if (!field.active) throw new UserInputError(field.key, msg('fields.userFieldInactiveTakes', { key: field.key }));
        if (seen.has(field.key)) throw new UserInputError(field.key, msg('fields.fieldGivenTwice', { key: field.key }));
        seen.add(field.key);
        items.push({ field, values: parseFieldValue(field, input) });
      });
    }
    await this.checkLookups(items, m, problems);
    problems.throwIfAny();
    return { items, definitions };
  }

  private async checkLookups(items: PreparedFieldValue[], m: EntityManager, problems: InputProblems): Promise<void> {
    for (const target of [LookupTarget.USER, LookupTarget.ORGANIZATION]) {
      const wanted = items.filter((i) => i.field.type === UserFieldType.LOOKUP && i.field.lookupTarget === target && i.values.length);
      if (wanted.length === 0) continue;
      const ids = [...new Set(wanted.map((i) => Number(i.values[0].value)))];
      const found = new Set<number>();
      for (const part of chunks(ids)) {
        const rows =
          target === LookupTarget.USER
            ? await m.find(User, { where: { id: In(part), deletedAt: IsNull() }, select: { id: true } })
            : await m.find(Organization, { where: { id: In(part) }, select: { id: true } });
        for (const r of rows) found.add(r.id);
      }
      for (const missing of wanted.filter((i) => !found.has(Number(i.values[0].value)))) {
        problems.add(
          new UserInputError(
            missing.field.key,
            msg(target === LookupTarget.USER ? 'fields.noUserWithId' : 'fields.noOrganizationWithId', {
              title: missing.field.title,
              value: missing.values[0].value,
            }),
          ),
        );
      }
    }
  }

  /**
   * Applies prepared values to a user inside the caller's transaction (after
   * the user's row is locked) and returns the audit trail's changes
   * (`fields.<key>`), only for values that actually change. A handful of
   * statements, whatever the number of fields.
   */
  async write(
    m: EntityManager,
    userId: number,
    prepared: PreparedFieldValues,
    now: Date,
    /** A user created in this transaction has no values yet; in a batch its rows are inserted at the end (`defer`). */
    fresh?: { defer?: (rows: Partial<UserFieldValueEntity>[]) => void },
    /** The user's values, already read under the user's lock (a batch's snapshot). */
    known?: readonly UserFieldValueEntity[],
  ): Promise<FieldChange[]> {
    if (prepared.items.length === 0) return [];
    const ids = new Set(prepared.items.map((i) => i.field.id));
    const rows = fresh
      ? []
      : known
        ? known.filter((r) => ids.has(r.fieldId))
        : await m.find(UserFieldValueEntity, { where: { userId, fieldId: In([...ids]) } });
    const before = new Map<number, StoredValue[]>();
    for (const r of rows) {
      if (!before.has(r.fieldId)) before.set(r.fieldId, []);
      before.get(r.fieldId)!.push({ value: r.value, key: r.valueKey });
    }
    const changed = prepared.items.filter((i) => !sameValues(i.field, before.get(i.field.id) ?? [], i.values));
    if (changed.length === 0) return [];
    await this.lockOptions(m, changed);
    if (!fresh) await m.delete(UserFieldValueEntity, { userId, fieldId: In(changed.map((i) => i.field.id)) });
    const inserts = changed.flatMap((i) => i.values.map((v) => ({ userId, fieldId: i.field.id, valueKey: v.key, value: v.value, updatedAt: now })));
    if (fresh?.defer) fresh.defer(inserts);
    else for (const part of chunks(inserts, 500)) await insertMany(m, UserFieldValueEntity, part);
    return changed.map((i) => change(`fields.${i.field.key}`, auditValue(i.field, before.get(i.field.id) ?? []), auditValue(i.field, i.values)));
  }

  /**
   * The options a write names, locked for share until it commits: an admin
   * removing one of them (UserFieldService.update locks them for update)
   * waits and then sees the value in use, or went first and the write is
   * refused here, never leaving a value of an option that is gone.
   */
  private async lockOptions(m: EntityManager, items: PreparedFieldValue[]): Promise<void> {
    const named = items.filter((i) => OPTION_TYPES.has(i.field.type) && i.values.length);
    if (named.length === 0) return;
    const keys = [...new Set(named.flatMap((i) => i.values.map((v) => v.key)))];
    const found = await forShare(
      m
        .createQueryBuilder(UserFieldOptionEntity, 'o')
        .where('o.field_id IN (:...ids) AND o.value_key IN (:...keys)', { ids: named.map((i) => i.field.id), keys }),
    ).getMany();
    const present = new Set(found.map((o) => `${o.fieldId}\u0000${o.valueKey}`));
    const gone = named.find((i) => i.values.some((v) => !present.has(`${i.field.id}\u0000${v.key}`)));
    if (gone) throw new UserInputError(gone.field.key, msg('fields.optionWasJustRemoved', { title: gone.field.title }));
  }

  /** How many end users (not deleted) have no value for each field, in the order of `fieldIds` (for a DataLoader). */
  missingValueCounts(fieldIds: readonly number[]): Promise<number[]> {
    return missingValueCounts(this.db.manager, fieldIds);
  }

  /**
   * Stored values of many users in one query (per 1,000 ids), for a
   * DataLoader: one map per id, in the order of `userIds`. Only active fields'
   * values are read.
   */
  async valuesOf(userIds: readonly number[], m: EntityManager = this.db.manager): Promise<StoredUserValues[]> {
    const by = new Map<number, StoredUserValues>(userIds.map((id) => [id, new Map()]));
    const ids = [...by.keys()];
    for (const part of chunks(ids)) {
      const rows: Row[] = await m.query(
        `SELECT v.user_id, v.field_id, v.value, v.value_key FROM user_field_values v JOIN user_fields f ON f.id = v.field_id AND f.is_active = 1
         WHERE v.user_id IN (${placeholders(part.length)})`,
        part,
      );
      for (const r of rows) {
        const values = by.get(Number(r.user_id))!;
        const fieldId = Number(r.field_id);
        if (!values.has(fieldId)) values.set(fieldId, []);
        values.get(fieldId)!.push({ value: String(r.value), key: String(r.value_key) });
      }
    }
    return userIds.map((id) => by.get(id)!);
  }

  /** Typed values of a user: one per active field, in position order, unset ones with null members. */
  present(definitions: readonly UserField[], values: StoredUserValues): UserFieldValue[] {
    return definitions.filter((f) => f.active).map((f) => presentValue(f, values.get(f.id) ?? []));
  }

  /**
   * An SQL condition on `userIdColumn` (e.g. "u.id") for users(fields: …):
   * every filter must hold (AND). A value is validated and put in canonical
   * form as on a write (BAD_USER_INPUT naming the key), then compared by its
   * comparison key, so text ignores letter case. value null (or empty) finds
   * users without a value; a MULTISELECT filter finds users having every
   * listed option. LOOKUP filters are not checked for existence (an unknown
   * id simply matches nobody). No filters: "1 = 1". At most 20 filters of
   * at most 100 values (FILTER_LIMITS); each filter is one indexed subquery,
   * a MULTISELECT's options counted in it (GROUP BY ... HAVING COUNT).
   */
  async filterClause(filters: UserFieldFilter[] | null | undefined, userIdColumn: string): Promise<{ sql: string; params: unknown[] }> {
    if (!/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/.test(userIdColumn)) throw new Error(`not a column: ${userIdColumn}`);
    if (!filters || filters.length === 0) return { sql: '1 = 1', params: [] };
    if (filters.length > FILTER_LIMITS.filters) {
      throw new UserInputError('fields', msg('fields.filterByAtMost', { filters: FILTER_LIMITS.filters }));
    }
    const tooMany = filters.find((f) => Array.isArray(f.values) && f.values.length > FILTER_LIMITS.values);
    if (tooMany) throw new UserInputError(fieldOfKey(tooMany.key), msg('fields.filterListAtMost', { values: FILTER_LIMITS.values }));
    const definitions = await this.definitions();
    const byKey = new Map(definitions.map((f) => [f.key, f]));
    const parts: string[] = [];
    const params: unknown[] = [];
    for (const filter of filters) {
      const field = byKey.get(typeof filter.key === 'string' ? filter.key.trim().toLowerCase() : '');
      if (!field) throw unknownKey(filter.key);
      if (!field.active) throw new UserInputError(field.key, msg('fields.userFieldInactiveSearched', { key: field.key }));
      const values = parseFieldValue(field, filter as RawFieldValue);
      if (values.length === 0) {
        parts.push(`${userIdColumn} NOT IN (SELECT fv.user_id FROM user_field_values fv WHERE fv.field_id = ?)`);
        params.push(field.id);
        continue;
      }
      if (field.type === UserFieldType.CHECKBOX && values[0].value === 'false') {
        // An unticked box and a box never touched both read "No".
        parts.push(`${userIdColumn} NOT IN (SELECT fv.user_id FROM user_field_values fv WHERE fv.field_id = ? AND fv.value_key = 'true')`);
        params.push(field.id);
        continue;
      }
      if (values.length > FILTER_LIMITS.values) throw new UserInputError(field.key, msg('fields.filterListAtMost', { values: FILTER_LIMITS.values }));
      if (values.length === 1) {
        parts.push(`${userIdColumn} IN (SELECT fv.user_id FROM user_field_values fv WHERE fv.field_id = ? AND fv.value_key = ?)`);
        params.push(field.id, values[0].key);
        continue;
      }
      // Every listed option (one row per user, field and key: the count says all are there).
      parts.push(
        `${userIdColumn} IN (SELECT fv.user_id FROM user_field_values fv WHERE fv.field_id = ? AND fv.value_key IN (${placeholders(values.length)})
         GROUP BY fv.user_id HAVING COUNT(*) = ${values.length})`,
      );
      params.push(field.id, ...values.map((v) => v.key));
    }
    return { sql: parts.map((p) => `(${p})`).join(' AND '), params };
  }

  /** Removes every value of a user (e.g. when the account is deleted), inside the caller's transaction. */
  async removeAll(m: EntityManager, userId: number): Promise<void> {
    await m.delete(UserFieldValueEntity, { userId });
  }
}

function presentValue(field: UserField, stored: StoredValue[]): UserFieldValue {
  const out = new UserFieldValue();
  out.key = field.key;
  out.field = field;
  out.type = field.type;
  out.value = null;
  out.values = null;
  out.text = null;
  out.number = null;
  out.boolean = null;
  out.date = null;
  out.options = null;
  out.lookupId = null;
  if (stored.length === 0) return out;
  const first = stored[0].value;
  out.value = first;
  switch (field.type) {
    case UserFieldType.TEXT:
    case UserFieldType.MULTILINE:
    case UserFieldType.REGEXP:
      out.text = first;
      return out;
    case UserFieldType.INTEGER:
    case UserFieldType.DECIMAL:
      out.number = first;
      return out;
    case UserFieldType.CHECKBOX:
      out.boolean = first === 'true';
      return out;
    case UserFieldType.DATE:
      out.date = first;
      return out;
    case UserFieldType.LOOKUP:
      out.lookupId = Number(first);
      return out;
    case UserFieldType.DROPDOWN:
    case UserFieldType.MULTISELECT: {
      const byKey = optionByKey(field);
      const rows = ordered(field, stored);
      const options = rows.map((r) => byKey.get(r.key)).filter((o): o is UserFieldOption => o !== undefined);
      const values = rows.map((r) => byKey.get(r.key)?.value ?? r.value);
      if (field.type === UserFieldType.DROPDOWN) {
        out.value = values[0];
        out.options = options.slice(0, 1);
        return out;
      }
      out.value = values.join(', ');
      out.values = values;
      out.options = options;
      return out;
    }
  }
}
