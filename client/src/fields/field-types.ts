// What each custom field type needs from the admin, and how the profile edits it.
import { USER_FIELD_TYPES, type UserFieldType } from '../graphql/schema-types';

export { USER_FIELD_TYPES };

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
