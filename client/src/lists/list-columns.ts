// What a customer list's column shows for a user (issue 9), as text; the
// page renders a few (name, email, organization) as links instead.
import type { ListUsersQuery } from '../graphql/generated/graphql';
import { displayPhone } from '../users/display-phone';

export type ListUser = ListUsersQuery['users']['edges'][number]['node'];

export const CUSTOM_PREFIX = 'custom_fields.';

/**
 * How the reader's language says a boolean, a date, a number (ui/format), a
 * time zone and a language (by name: users/profile-values.ts).
 */
export interface ColumnWords {
  yesNo: (v: boolean) => string;
  date: (iso: string) => string;
  number: (decimal: string) => string;
  timeZone: (zone: string) => string;
  language: (code: string) => string;
  /** A custom field's option by its title (its value while the definitions are unknown). */
  optionTitle: (key: string, value: string) => string;
}

/** A custom field's value as its column shows it: numbers and dates the reader's way, options by title. */
function customText(value: ListUser['fields'][number] | undefined, say: ColumnWords): string {
  if (!value) return '';
  switch (value.type) {
    case 'INTEGER':
    case 'DECIMAL':
      return value.number ? say.number(value.number) : '';
    case 'CHECKBOX':
      return value.boolean === null || value.boolean === undefined ? '' : say.yesNo(value.boolean);
    case 'DATE':
      return value.date ? say.date(value.date) : '';
    // By value (one per cell: the chosen titles of a field with 2,000 options, for a page of 100, would cost the
    // server's limit), titled from the field's definition.
    case 'DROPDOWN':
      return value.value ? say.optionTitle(value.key, value.value) : '';
    case 'MULTISELECT':
      return value.value
        ? value.value
            .split(', ')
            .map((v) => say.optionTitle(value.key, v))
            .join(', ')
        : '';
    default:
      return value.text ?? '';
  }
}

/** The text of a column for a user, in the reader's language (`say`). */
export function columnText(user: ListUser, column: string, say: ColumnWords): string {
  if (column.startsWith(CUSTOM_PREFIX)) {
    const key = column.slice(CUSTOM_PREFIX.length);
    return customText(
      user.fields.find((f) => f.key === key),
      say,
    );
  }
  switch (column) {
    case 'phone':
      return displayPhone(user) ?? '';
    case 'tags':
      return user.tags.join(', ');
    case 'external_id':
      return user.externalId ?? '';
    case 'alias':
      return user.alias ?? '';
    case 'time_zone':
      return user.timeZone ? say.timeZone(user.timeZone) : '';
    case 'locale':
      return user.locale ? say.language(user.locale) : '';
    case 'verified':
      return say.yesNo(user.verified);
    case 'suspended':
      return say.yesNo(user.suspended);
    case 'created_at':
      return say.date(user.createdAt);
    case 'updated_at':
      return say.date(user.updatedAt);
    default:
      return '';
  }
}
