import { inputErrors, type UserInputError } from '../graphql/errors.js';
import type { PreparedFieldValues } from './field-values.service.js';
import { msg, type Message } from '../i18n/message.js';

/**
 * The rule of required custom fields, the same on every way an end user's
 * profile is saved (updateUser, bulk and upsert APIs, imports, the admin
 * app's profile): a save may not empty an active required field. A save that
 * does not touch the field is never blocked by it, and a new account may
 * start without it (the profile shows what is missing). Staff accounts are
 * not held to it.
 */
export function emptiedRequired(prepared: PreparedFieldValues): { field: string; message: Message }[] {
  return prepared.items
    .filter((item) => item.field.active && item.field.required && item.values.length === 0)
    .map((item) => ({ field: item.field.key, message: msg('fields.requiredCannotBeEmptied', { title: item.field.title }) }));
}

/** The error for a save that empties required fields (every one named), or null when it empties none. */
export function emptiedRequiredError(prepared: PreparedFieldValues): UserInputError | null {
  const problems = emptiedRequired(prepared);
  return problems.length > 0 ? inputErrors(problems) : null;
}
