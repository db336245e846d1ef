// What each custom field type needs from the admin, and how the profile edits it.
import { inOrder } from '../graphql/enum-order';
import { LookupTarget, UserFieldType } from '../graphql/generated/graphql';

/** The types in the order the type select lists them. */
export const USER_FIELD_TYPES = inOrder(UserFieldType, [
  'TEXT',
  'MULTILINE',
  'CHECKBOX',
  'DATE',
  'INTEGER',
  'DECIMAL',
  'REGEXP',
  'DROPDOWN',
  'MULTISELECT',
  'LOOKUP',
]);

/** What a LOOKUP field may refer to, in the order the form offers them. */
export const LOOKUP_TARGETS = inOrder(LookupTarget, ['USER', 'ORGANIZATION']);

/** Types whose values are chosen from the field's options. */
export function hasOptions(type: UserFieldType): boolean {
  return type === 'DROPDOWN' || type === 'MULTISELECT';
}

/** The i18n key naming a type, e.g. "Drop-down". */
export function typeLabelKey(type: UserFieldType): string {
  return `userFields.types.${type}`;
}

/** The i18n key of a type's one-line explanation. */
export function typeHintKey(type: UserFieldType): string {
  return `userFields.typeHints.${type}`;
}
