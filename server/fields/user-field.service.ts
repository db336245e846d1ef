import type { EntityManager } from 'typeorm';
import { parseId } from '../graphql/ids.js';
import type { Database } from '../db/database.js';
import { duplicateKeyOf } from '../db/database.js';
import { fromSqlBool, fromSqlDate, insertRow, insertRows, placeholders, toSql } from '../db/sql.js';
import { NotFoundError, UserInputError } from '../graphql/errors.js';
import {
  compilePattern,
  normalizeDescription,
  normalizeFieldKey,
  normalizeOptions,
  normalizePatternHint,
  normalizeTitle,
  comparisonKey,
  type NormalizedOption,
} from './field-rules.js';
import {
  LookupTarget,
  UserField,
  UserFieldOption,
  UserFieldType,
  type CreateUserFieldInput,
  type UpdateUserFieldInput,
} from './user-field.types.js';

type Row = Record<string, unknown>;
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

const OPTION_TYPES = new Set([UserFieldType.DROPDOWN, UserFieldType.MULTISELECT]);
/** Rows per multi-row INSERT of options (6 parameters each): well under both drivers' limits. */
const OPTION_BATCH = 500;

export function fieldFromRow(r: Row): UserField {
  return Object.assign(new UserField(), {
    id: Number(r.id),
    key: String(r.field_key),
    title: String(r.title),
    description: str(r.description),
    type: r.type as UserFieldType,
    pattern: str(r.pattern),
    patternHint: str(r.pattern_hint),
    lookupTarget: (str(r.lookup_target) as LookupTarget | null) ?? null,
    required: fromSqlBool(r.is_required),
    active: fromSqlBool(r.is_active),
    position: Number(r.position),
    createdAt: fromSqlDate(r.created_at),
    updatedAt: fromSqlDate(r.updated_at),
    options: [],
  });
}

function optionFromRow(r: Row): UserFieldOption {
  const title = String(r.title);
  return Object.assign(new UserFieldOption(), {
    id: Number(r.id),
    title,
    value: String(r.value),
    position: Number(r.position),
    valueKey: String(r.value_key),
    titleKey: comparisonKey(title),
  });
}

/** Every field definition with its options, ordered by position: two queries whatever the number of fields. */
export async function loadFieldDefinitions(m: EntityManager): Promise<UserField[]> {
  const fields = ((await m.query('SELECT * FROM user_fields ORDER BY position, id')) as Row[]).map(fieldFromRow);
  if (fields.length === 0) return fields;
  const byId = new Map(fields.map((f) => [f.id, f]));
  const options: Row[] = await m.query('SELECT id, field_id, title, value, value_key, position FROM user_field_options ORDER BY field_id, position, id');
  for (const r of options) byId.get(Number(r.field_id))?.options.push(optionFromRow(r));
  return fields;
}

/** GraphQL ids are strings of digits; anything else names no field. */

async function insertOptions(m: EntityManager, fieldId: number, options: (NormalizedOption & { id?: number | null })[]): Promise<void> {
  const rows = options.map((o, i) => [o.id ?? null, fieldId, o.title, o.value, o.valueKey, i]);
  for (let i = 0; i < rows.length; i += OPTION_BATCH) {
    await insertRows(m, 'user_field_options', ['id', 'field_id', 'title', 'value', 'value_key', 'position'], rows.slice(i, i + OPTION_BATCH));
  }
}

/**
 * Admins' definitions of custom user fields. Key and type never change once
 * a field exists, so a stored value always means what it meant.
 */
export class UserFieldService {
  constructor(private readonly db: Database) {}

  async list(active?: boolean | null): Promise<UserField[]> {
    const all = await loadFieldDefinitions(this.db.manager);
    return active === null || active === undefined ? all : all.filter((f) => f.active === active);
  }

  async findById(id: number, m: EntityManager = this.db.manager): Promise<UserField | null> {
    const [row] = await m.query('SELECT * FROM user_fields WHERE id = ?', [id]);
    if (!row) return null;
    const field = fieldFromRow(row);
    const options: Row[] = await m.query('SELECT id, field_id, title, value, value_key, position FROM user_field_options WHERE field_id = ? ORDER BY position, id', [id]);
    field.options = options.map(optionFromRow);
    return field;
  }

  async create(input: CreateUserFieldInput): Promise<UserField> {
    const key = normalizeFieldKey(input.key);
    const title = normalizeTitle(input.title);
    const type = input.type;
    if (!Object.values(UserFieldType).includes(type)) throw new UserInputError('type', 'Unknown field type.');
    const description = normalizeDescription(input.description);
    let pattern: string | null = null;
    let patternHint: string | null = null;
    if (type === UserFieldType.REGEXP) {
      if (input.pattern === null || input.pattern === undefined) throw new UserInputError('pattern', 'A REGEXP field needs a pattern.');
      compilePattern(input.pattern);
      pattern = input.pattern;
      patternHint = normalizePatternHint(input.patternHint);
    } else {
      if (input.pattern !== null && input.pattern !== undefined) throw new UserInputError('pattern', 'Only REGEXP fields have a pattern.');
      if (input.patternHint !== null && input.patternHint !== undefined) throw new UserInputError('patternHint', 'Only REGEXP fields have a pattern hint.');
    }
    let options: NormalizedOption[] = [];
    if (OPTION_TYPES.has(type)) options = normalizeOptions(input.options);
    else if (input.options !== null && input.options !== undefined) throw new UserInputError('options', 'Only DROPDOWN and MULTISELECT fields have options.');
    let lookupTarget: LookupTarget | null = null;
    if (type === UserFieldType.LOOKUP) {
      if (!input.lookupTarget) throw new UserInputError('lookupTarget', 'A LOOKUP field needs a lookupTarget (USER or ORGANIZATION).');
      lookupTarget = input.lookupTarget;
    } else if (input.lookupTarget !== null && input.lookupTarget !== undefined) {
      throw new UserInputError('lookupTarget', 'Only LOOKUP fields have a lookupTarget.');
    }
    const now = new Date();
    try {
      const id = await this.db.transaction(async (m) => {
        const [taken] = await m.query('SELECT id FROM user_fields WHERE field_key = ?', [key]);
        if (taken) throw keyTaken(key);
        const [{ p }] = await m.query('SELECT MAX(position) AS p FROM user_fields');
        const id = await insertRow(m, 'user_fields', {
          field_key: key,
          title,
          description,
          type,
          pattern,
          pattern_hint: patternHint,
          lookup_target: lookupTarget,
          is_required: input.required ?? false,
          is_active: input.active ?? true,
          position: p === null || p === undefined ? 0 : Number(p) + 1,
          created_at: now,
          updated_at: now,
        });
        await insertOptions(m, id, options);
        return id;
      });
      return (await this.findById(id))!;
    } catch (err) {
      if (duplicateKeyOf(err)) throw keyTaken(key);
      throw err;
    }
  }

  /**
   * Changes a definition. `options` replaces the list; an option keeps its id
   * when its value (ignoring letter case) is still there, so renaming a title
   * or reordering changes no stored value. Removing an option that users have
   * is refused with the values in use and how many users have them: nothing is
   * lost silently; clear those values first (or keep the option).
   * A new pattern applies to values written from then on; stored values are kept.
   */
  async update(id: number, input: UpdateUserFieldInput): Promise<UserField> {
    await this.db.transaction(async (m) => {
      const field = await this.findById(id, m);
      if (!field) throw new NotFoundError(`User field ${id}`);
      const cols: Record<string, unknown> = {};
      if (input.title !== undefined) cols.title = normalizeTitle(input.title);
      if (input.description !== undefined) cols.description = normalizeDescription(input.description);
      if (field.type === UserFieldType.REGEXP) {
        if (input.pattern === null) throw new UserInputError('pattern', 'A REGEXP field needs a pattern.');
        if (input.pattern !== undefined) {
          compilePattern(input.pattern);
          cols.pattern = input.pattern;
        }
        if (input.patternHint !== undefined) cols.pattern_hint = normalizePatternHint(input.patternHint);
      } else {
        if (input.pattern !== null && input.pattern !== undefined) throw new UserInputError('pattern', 'Only REGEXP fields have a pattern.');
        if (input.patternHint !== null && input.patternHint !== undefined) throw new UserInputError('patternHint', 'Only REGEXP fields have a pattern hint.');
      }
      if (input.required !== null && input.required !== undefined) cols.is_required = input.required;
      if (input.active !== null && input.active !== undefined) cols.is_active = input.active;
      let options: NormalizedOption[] | null = null;
      if (OPTION_TYPES.has(field.type)) {
        if (input.options === null) throw new UserInputError('options', 'A drop-down or multi-select field needs at least one option; give the whole list.');
        if (input.options !== undefined) options = normalizeOptions(input.options);
      } else if (input.options !== null && input.options !== undefined) {
        throw new UserInputError('options', 'Only DROPDOWN and MULTISELECT fields have options.');
      }
      if (options) await this.replaceOptions(m, field, options);
      cols.updated_at = new Date();
      const names = Object.keys(cols);
      await m.query(`UPDATE user_fields SET ${names.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`, [...names.map((c) => toSql(cols[c])), id]);
    });
    return (await this.findById(id))!;
  }

  private async replaceOptions(m: EntityManager, field: UserField, options: NormalizedOption[]): Promise<void> {
    const next = new Set(options.map((o) => o.valueKey));
    const removed = field.options.filter((o) => !next.has(o.valueKey));
    if (removed.length) {
      const keys = removed.map((o) => o.valueKey);
      const inUse: Row[] = [];
      for (let i = 0; i < keys.length; i += OPTION_BATCH) {
        const part = keys.slice(i, i + OPTION_BATCH);
        inUse.push(
          ...(await m.query(
            `SELECT v.value_key, COUNT(*) AS n FROM user_field_values v JOIN users u ON u.id = v.user_id AND u.deleted_at IS NULL
             WHERE v.field_id = ? AND v.value_key IN (${placeholders(part.length)}) GROUP BY v.value_key`,
            [field.id, ...part],
          )),
        );
      }
      if (inUse.length) {
        const byKey = new Map(field.options.map((o) => [o.valueKey, o.value]));
        const named = inUse.slice(0, 10).map((r) => `"${byKey.get(String(r.value_key)) ?? String(r.value_key)}" (${Number(r.n)} ${Number(r.n) === 1 ? 'user' : 'users'})`);
        throw new UserInputError(
          'options',
          `Cannot remove options that users have: ${named.join(', ')}${inUse.length > 10 ? ', …' : ''}. Clear those values first, or keep the options.`,
        );
      }
    }
    // What deleted accounts still hold of a removed option goes with it.
    for (let i = 0; i < removed.length; i += OPTION_BATCH) {
      const part = removed.slice(i, i + OPTION_BATCH).map((o) => o.valueKey);
      await m.query(`DELETE FROM user_field_values WHERE field_id = ? AND value_key IN (${placeholders(part.length)})`, [field.id, ...part]);
    }
    const before = new Map(field.options.map((o) => [o.valueKey, o]));
    await m.query('DELETE FROM user_field_options WHERE field_id = ?', [field.id]);
    await insertOptions(m, field.id, options.map((o) => ({ ...o, id: before.get(o.valueKey)?.id ?? null })));
    // Stored values follow a renamed value's letter case (the key is unchanged).
    for (const o of options) {
      const old = before.get(o.valueKey);
      if (old && old.value !== o.value) {
        await m.query('UPDATE user_field_values SET value = ? WHERE field_id = ? AND value_key = ?', [o.value, field.id, o.valueKey]);
      }
    }
  }

  /** New order of all fields: `ids` must name every field exactly once. */
  async reorder(ids: readonly string[]): Promise<UserField[]> {
    await this.db.transaction(async (m) => {
      const rows: Row[] = await m.query('SELECT id FROM user_fields');
      const existing = new Set(rows.map((r) => Number(r.id)));
      const seen = new Set<number>();
      for (const raw of ids) {
        const id = parseId(raw);
        if (id === null || !existing.has(id)) throw new UserInputError('ids', `There is no user field with id ${JSON.stringify(raw)}.`);
        if (seen.has(id)) throw new UserInputError('ids', `Field ${id} is listed twice; list every field exactly once.`);
        seen.add(id);
      }
      if (seen.size !== existing.size) {
        const missing = [...existing].filter((id) => !seen.has(id));
        throw new UserInputError('ids', `List every field exactly once; missing: ${missing.slice(0, 20).join(', ')}${missing.length > 20 ? ', …' : ''}.`);
      }
      const order = [...seen];
      if (order.length === 0) return;
      await m.query(
        `UPDATE user_fields SET position = CASE id ${order.map(() => 'WHEN ? THEN ?').join(' ')} END WHERE id IN (${placeholders(order.length)})`,
        [...order.flatMap((id, i) => [id, i]), ...order],
      );
    });
    return this.list();
  }

  /** Removes a field with its options and every user's value of it. */
  async delete(id: number): Promise<void> {
    await this.db.transaction(async (m) => {
      const [row] = await m.query('SELECT id FROM user_fields WHERE id = ?', [id]);
      if (!row) throw new NotFoundError(`User field ${id}`);
      await m.query('DELETE FROM user_field_values WHERE field_id = ?', [id]);
      await m.query('DELETE FROM user_field_options WHERE field_id = ?', [id]);
      await m.query('DELETE FROM user_fields WHERE id = ?', [id]);
    });
  }
}

function keyTaken(key: string): UserInputError {
  return new UserInputError('key', `A user field with the key "${key}" already exists.`);
}
