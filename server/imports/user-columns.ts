/**
 * The columns of a users CSV file: what the import reads and the export
 * (issue 9) writes, so that an exported file can be edited and imported back.
 * Names are lower case; a file may spell them in any case.
 */

export const USER_COLUMNS = [
  'name',
  'email',
  'emails',
  'external_id',
  'phone',
  'phones',
  'role',
  'organization',
  'tags',
  'time_zone',
  'locale',
  'alias',
  'details',
  'notes',
  'verified',
  'suspended',
] as const;

export type UserColumn = (typeof USER_COLUMNS)[number];

export const CUSTOM_FIELD_PREFIX = 'custom_fields.';

/** The column of a custom field. */
export const customFieldColumn = (key: string): string => `${CUSTOM_FIELD_PREFIX}${key.toLowerCase()}`;

/** Every column a file may have: the built-in ones, then one per active custom field key. */
export function userColumns(customFieldKeys: readonly string[]): string[] {
  return [...USER_COLUMNS, ...customFieldKeys.map(customFieldColumn)];
}
