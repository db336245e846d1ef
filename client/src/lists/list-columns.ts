// What a customer list's column shows for a user (issue 9), as text; the
// page renders a few (name, email, organization) as links instead.
import type { ListUsersQuery } from '../graphql/generated/graphql';

export type ListUser = ListUsersQuery['users']['edges'][number]['node'];

export const CUSTOM_PREFIX = 'custom_fields.';

/** The text of a column for a user; `yesNo` and `date` say booleans and dates in the reader's language. */
export function columnText(user: ListUser, column: string, say: { yesNo: (v: boolean) => string; date: (iso: string) => string }): string {
  if (column.startsWith(CUSTOM_PREFIX)) {
    const key = column.slice(CUSTOM_PREFIX.length);
    return user.fields.find((f) => f.key === key)?.text ?? '';
  }
  switch (column) {
    case 'phone':
      return user.phone ?? '';
    case 'tags':
      return user.tags.join(', ');
    case 'external_id':
      return user.externalId ?? '';
    case 'alias':
      return user.alias ?? '';
    case 'time_zone':
      return user.timeZone ?? '';
    case 'locale':
      return user.locale ?? '';
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
