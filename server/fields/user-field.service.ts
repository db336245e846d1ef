import { In, type EntityManager } from 'typeorm';
import { parseId } from '../graphql/ids.js';
import type { Database } from '../db/database.js';
import { duplicateKeyOf } from '../db/database.js';
import { insertMany, insertOne } from '../db/inserts.js';
import { forUpdate } from '../db/locks.js';
import { InputProblems, NotFoundError, UserInputError } from '../graphql/errors.js';
import {
  compilePattern,
  normalizeDescription,
  normalizeOptions,
  normalizePatternHint,
  normalizeTitle,
  comparisonKey,
  type NormalizedOption,
} from './field-rules.js';
import { normalizeFieldKey } from './field-key-rules.js';
import { LookupTarget, UserField, UserFieldOption, UserFieldType, type CreateUserFieldInput, type UpdateUserFieldInput } from './user-field.types.js';
import { UserFieldEntity, UserFieldOptionEntity, UserFieldValueEntity } from './user-field.entity.js';
import { User } from '../users/user.entity.js';
import { msg } from '../i18n/message.js';

const OPTION_TYPES = new Set([UserFieldType.DROPDOWN, UserFieldType.MULTISELECT]);
/** Rows per multi-row INSERT of options (6 parameters each): well under both drivers' limits. */
const OPTION_BATCH = 500;

/** The API's view of a stored definition (options added by the caller). */
function present(f: UserFieldEntity): UserField {
  return Object.assign(new UserField(), { ...f, options: [] });
}

function presentOption(o: UserFieldOptionEntity): UserFieldOption {
  return Object.assign(new UserFieldOption(), {
    id: o.id,
    title: o.title,
    value: o.value,
    position: o.position,
    valueKey: o.valueKey,
    titleKey: comparisonKey(o.title),
  });
}

/** Every field definition with its options, ordered by position: two queries whatever the number of fields. */
export async function loadFieldDefinitions(m: EntityManager): Promise<UserField[]> {
  const fields = (await m.find(UserFieldEntity, { order: { position: 'ASC', id: 'ASC' } })).map(present);
  if (fields.length === 0) return fields;
  const byId = new Map(fields.map((f) => [f.id, f]));
  const options = await m.find(UserFieldOptionEntity, { order: { fieldId: 'ASC', position: 'ASC', id: 'ASC' } });
  for (const o of options) byId.get(o.fieldId)?.options.push(presentOption(o));
  return fields;
}

async function insertOptions(m: EntityManager, fieldId: number, options: (NormalizedOption & { id?: number | null })[]): Promise<void> {
  const rows = options.map((o, position) => ({
    ...(o.id ? { id: o.id } : {}),
    fieldId,
    title: o.title,
    value: o.value,
    valueKey: o.valueKey,
    position,
  }));
  for (let i = 0; i < rows.length; i += OPTION_BATCH) {
    await insertMany(m, UserFieldOptionEntity, rows.slice(i, i + OPTION_BATCH));
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
    const row = await m.findOneBy(UserFieldEntity, { id });
    if (!row) return null;
    const field = present(row);
    field.options = (await m.find(UserFieldOptionEntity, { where: { fieldId: id }, order: { position: 'ASC', id: 'ASC' } })).map(presentOption);
    return field;
  }

  /**
   * A definition and its options locked for a change: changes of one field
   * take turns, and a user's value naming an option (which locks that option
   * for share, see FieldValuesService.write) is either in before the option
   * can go, or finds it gone.
   */
  private async lockField(m: EntityManager, id: number): Promise<UserField> {
    const row = await forUpdate(m.createQueryBuilder(UserFieldEntity, 'f').where('f.id = :id', { id })).getOne();
    if (!row) throw new NotFoundError(msg('notFound.userField', { id }));
    const field = present(row);
    const options = await forUpdate(
      m.createQueryBuilder(UserFieldOptionEntity, 'o').where('o.field_id = :id', { id }).orderBy('o.position').addOrderBy('o.id'),
    ).getMany();
    field.options = options.map(presentOption);
    return field;
  }

  async create(input: CreateUserFieldInput): Promise<UserField> {
    // Every invalid field at once.
    const problems = new InputProblems();
    const key = problems.check(() => normalizeFieldKey(input.key));
    const title = problems.check(() => normalizeTitle(input.title));
    const type = input.type;
    if (!Object.values(UserFieldType).includes(type)) problems.add(new UserInputError('type', msg('fields.unknownFieldType')));
    const description = problems.check(() => normalizeDescription(input.description));
    let pattern: string | null = null;
    let patternHint: string | null = null;
    if (type === UserFieldType.REGEXP) {
      problems.check(() => {
        if (input.pattern === null || input.pattern === undefined) throw new UserInputError('pattern', msg('fields.rEGEXPFieldNeedsPattern'));
        compilePattern(input.pattern);
        pattern = input.pattern;
      });
      patternHint = problems.check(() => normalizePatternHint(input.patternHint));
    } else {
      if (input.pattern !== null && input.pattern !== undefined) problems.add(new UserInputError('pattern', msg('fields.rEGEXPFieldsHavePattern')));
      if (input.patternHint !== null && input.patternHint !== undefined)
        problems.add(new UserInputError('patternHint', msg('fields.rEGEXPFieldsHavePattern2')));
    }
    let options: NormalizedOption[] = [];
    if (OPTION_TYPES.has(type)) options = problems.check(() => normalizeOptions(input.options));
    else if (input.options !== null && input.options !== undefined)
      problems.add(new UserInputError('options', msg('fields.dROPDOWNMultiselectFieldsHave')));
    let lookupTarget: LookupTarget | null = null;
    if (type === UserFieldType.LOOKUP) {
      if (!input.lookupTarget) problems.add(new UserInputError('lookupTarget', msg('fields.lOOKUPFieldNeedsLookuptarget')));
      else lookupTarget = input.lookupTarget;
    } else if (input.lookupTarget !== null && input.lookupTarget !== undefined) {
      problems.add(new UserInputError('lookupTarget', msg('fields.lOOKUPFieldsHaveLookuptarget')));
    }
    problems.throwIfAny();
    const now = new Date();
    try {
      const id = await this.db.transaction(async (m) => {
        if (await m.existsBy(UserFieldEntity, { key })) throw keyTaken(key);
        const last = await m.findOne(UserFieldEntity, { where: {}, order: { position: 'DESC' }, select: { id: true, position: true } });
        const id = await insertOne(m, UserFieldEntity, {
          key,
          title,
          description,
          type,
          pattern,
          patternHint,
          lookupTarget,
          required: input.required ?? false,
          active: input.active ?? true,
          position: last ? last.position + 1 : 0,
          createdAt: now,
          updatedAt: now,
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
      const field = await this.lockField(m, id);
      const cols: Partial<UserFieldEntity> = {};
      // Every invalid field at once.
      const problems = new InputProblems();
      if (input.title !== undefined) problems.check(() => (cols.title = normalizeTitle(input.title)));
      if (input.description !== undefined) problems.check(() => (cols.description = normalizeDescription(input.description)));
      if (field.type === UserFieldType.REGEXP) {
        if (input.pattern === null) problems.add(new UserInputError('pattern', msg('fields.rEGEXPFieldNeedsPattern')));
        if (input.pattern !== undefined && input.pattern !== null) {
          const given = input.pattern;
          problems.check(() => compilePattern(given));
          cols.pattern = given;
        }
        if (input.patternHint !== undefined) problems.check(() => (cols.patternHint = normalizePatternHint(input.patternHint)));
      } else {
        if (input.pattern !== null && input.pattern !== undefined) problems.add(new UserInputError('pattern', msg('fields.rEGEXPFieldsHavePattern')));
        if (input.patternHint !== null && input.patternHint !== undefined)
          problems.add(new UserInputError('patternHint', msg('fields.rEGEXPFieldsHavePattern2')));
      }
      if (input.required !== null && input.required !== undefined) cols.required = input.required;
      if (input.active !== null && input.active !== undefined) cols.active = input.active;
      let options: NormalizedOption[] | null = null;
      if (OPTION_TYPES.has(field.type)) {
        if (input.options === null) problems.add(new UserInputError('options', msg('fields.dropDownMultiSelect2')));
        if (input.options !== undefined && input.options !== null) options = problems.check(() => normalizeOptions(input.options));
      } else if (input.options !== null && input.options !== undefined) {
        problems.add(new UserInputError('options', msg('fields.dROPDOWNMultiselectFieldsHave')));
      }
      problems.throwIfAny();
      if (options) await this.replaceOptions(m, field, options);
      await m.update(UserFieldEntity, { id }, { ...cols, updatedAt: new Date() });
    });
    return (await this.findById(id))!;
  }

  private async replaceOptions(m: EntityManager, field: UserField, options: NormalizedOption[]): Promise<void> {
    const next = new Set(options.map((o) => o.valueKey));
    const removed = field.options.filter((o) => !next.has(o.valueKey));
    if (removed.length) {
      const keys = removed.map((o) => o.valueKey);
      const inUse: { value_key: unknown; n: unknown }[] = [];
      for (let i = 0; i < keys.length; i += OPTION_BATCH) {
        inUse.push(
          ...(await m
            .createQueryBuilder(UserFieldValueEntity, 'v')
            .innerJoin(User, 'u', 'u.id = v.user_id AND u.deleted_at IS NULL')
            .select(['v.value_key AS value_key', 'COUNT(*) AS n'])
            .where('v.field_id = :field AND v.value_key IN (:...keys)', { field: field.id, keys: keys.slice(i, i + OPTION_BATCH) })
            .groupBy('v.value_key')
            .getRawMany()),
        );
      }
      if (inUse.length) {
        const byKey = new Map(field.options.map((o) => [o.valueKey, o.value]));
        const named = inUse
          .slice(0, 10)
          .map((r) => `"${byKey.get(String(r.value_key)) ?? String(r.value_key)}" (${Number(r.n)} ${Number(r.n) === 1 ? 'user' : 'users'})`);
        throw new UserInputError(
          'options',
          msg('fields.removeOptionsUsersHave', { value: named.join(', '), value2: inUse.length > 10 ? ', …' : '' }),
        );
      }
    }
    // What deleted accounts still hold of a removed option goes with it.
    for (let i = 0; i < removed.length; i += OPTION_BATCH) {
      await m.delete(UserFieldValueEntity, { fieldId: field.id, valueKey: In(removed.slice(i, i + OPTION_BATCH).map((o) => o.valueKey)) });
    }
    const before = new Map(field.options.map((o) => [o.valueKey, o]));
    await m.delete(UserFieldOptionEntity, { fieldId: field.id });
    await insertOptions(
      m,
      field.id,
      options.map((o) => ({ ...o, id: before.get(o.valueKey)?.id ?? null })),
    );
    // Stored values follow a renamed value's letter case (the key is unchanged).
    for (const o of options) {
      const old = before.get(o.valueKey);
      if (old && old.value !== o.value) {
        await m.update(UserFieldValueEntity, { fieldId: field.id, valueKey: o.valueKey }, { value: o.value });
      }
    }
  }

  /** New order of all fields: `ids` must name every field exactly once. */
  async reorder(ids: readonly string[]): Promise<UserField[]> {
    await this.db.transaction(async (m) => {
      const rows = await forUpdate(m.createQueryBuilder(UserFieldEntity, 'f').select('f.id')).getMany();
      const existing = new Set(rows.map((r) => r.id));
      const seen = new Set<number>();
      for (const raw of ids) {
        const id = parseId(raw);
        if (id === null || !existing.has(id)) throw new UserInputError('ids', msg('fields.thereNoUserField3', { raw: JSON.stringify(raw) }));
        if (seen.has(id)) throw new UserInputError('ids', msg('fields.fieldListedTwiceList', { id }));
        seen.add(id);
      }
      if (seen.size !== existing.size) {
        const missing = [...existing].filter((id) => !seen.has(id));
        throw new UserInputError(
          'ids',
          msg('fields.listEveryFieldExactly', { value: missing.slice(0, 20).join(', '), value2: missing.length > 20 ? ', …' : '' }),
        );
      }
      const order = [...seen];
      for (const [position, id] of order.entries()) await m.update(UserFieldEntity, { id }, { position });
    });
    return this.list();
  }

  /** Removes a field with its options and every user's value of it. */
  async delete(id: number): Promise<void> {
    await this.db.transaction(async (m) => {
      await this.lockField(m, id);
      await m.delete(UserFieldValueEntity, { fieldId: id });
      await m.delete(UserFieldOptionEntity, { fieldId: id });
      await m.delete(UserFieldEntity, { id });
    });
  }
}

function keyTaken(key: string): UserInputError {
  return new UserInputError('key', msg('fields.userFieldWithKey', { key }));
}
