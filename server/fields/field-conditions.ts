import { UserInputError } from '../graphql/errors.js';
import type { UserFieldCondition } from '../users/user-filter.types.js';
import { FILTER_LIMITS, type FieldValuesService } from './field-values.service.js';
import { UserFieldType } from './user-field.types.js';
import { msg } from '../i18n/message.js';
import { isCalendarDate } from './field-rules.js';

/**
 * Conditions on custom field values for a user filter (issue 9), as SQL on a
 * user id column: equals / values (the existing field filter), is empty,
 * and before / after for numbers and dates. Each one is an index lookup on
 * (field_id, value_key), or a read of one field's values for before/after.
 */
export async function fieldConditionsSql(
  service: FieldValuesService,
  conditions: readonly UserFieldCondition[],
  userIdColumn: string,
): Promise<{ sql: string; params: unknown[] }[]> {
  if (conditions.length > FILTER_LIMITS.filters) throw new UserInputError('fields', msg('fields.filterByAtMost', { filters: FILTER_LIMITS.filters }));
  const definitions = await service.definitions();
  const out: { sql: string; params: unknown[] }[] = [];
  for (const c of conditions) {
    const key = typeof c.key === 'string' ? c.key.trim().toLowerCase() : '';
    const field = definitions.find((f) => f.key === key);
    const errorField = /^[a-z0-9_]{1,64}$/.test(key) ? key : 'fields';
    if (!field) throw new UserInputError(errorField, msg('fields.thereNoUserField'));
    const given = [c.equals != null || c.values != null, c.isEmpty != null, c.before != null || c.after != null].filter(Boolean).length;
    if (given !== 1) throw new UserInputError(errorField, msg('fields.fieldConditionGivesOne'));
    // An inactive field's values are kept but shown nowhere: no kind of condition may tell who has one.
    if (!field.active) throw new UserInputError(key, msg('fields.userFieldInactiveSearched', { key }));
    if (c.equals != null || c.values != null) {
      out.push(await service.filterClause([{ key, value: c.equals ?? null, values: c.values ?? null }], userIdColumn));
    } else if (c.isEmpty === true) {
      out.push(await service.filterClause([{ key, value: null }], userIdColumn));
    } else if (c.isEmpty === false) {
      out.push({ sql: `${userIdColumn} IN (SELECT fv.user_id FROM user_field_values fv WHERE fv.field_id = ?)`, params: [field.id] });
    } else {
      const date = field.type === UserFieldType.DATE;
      const number = field.type === UserFieldType.INTEGER || field.type === UserFieldType.DECIMAL;
      if (!date && !number) throw new UserInputError(key, msg('fields.beforeAfterApplyNumber'));
      const shape = date ? /^\d{4}-\d{2}-\d{2}$/ : /^-?\d{1,12}(\.\d{1,6})?$/;
      const value = date ? 'fv.value' : service.dialect === 'mysql' ? 'CAST(fv.value AS DECIMAL(20, 6))' : 'CAST(fv.value AS REAL)';
      const parts: string[] = [];
      const params: unknown[] = [field.id];
      for (const [bound, op] of [
        [c.before, '<'],
        [c.after, '>'],
      ] as const) {
        if (bound == null) continue;
        if (!shape.test(bound.trim())) throw new UserInputError(key, date ? msg('fields.dateBound') : msg('fields.numberBound'));
        // The shape is not enough for a date: 2020-02-30 would compare as text and silently match nothing.
        if (date && !isCalendarDate(bound.trim())) throw new UserInputError(key, msg('fieldValues.notCalendarDate', { v: bound.trim() }));
        parts.push(` AND ${value} ${op} ?`);
        params.push(date ? bound.trim() : Number(bound.trim()));
      }
      out.push({ sql: `${userIdColumn} IN (SELECT fv.user_id FROM user_field_values fv WHERE fv.field_id = ?${parts.join('')})`, params });
    }
  }
  return out;
}
