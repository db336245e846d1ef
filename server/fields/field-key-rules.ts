import { UserInputError } from '../graphql/errors.js';
import { quoteInput } from '../text/text-rules.js';
import { FIELD_LIMITS } from './field-rules.js';
import { msg } from '../i18n/message.js';

/**
 * The rules of a custom user field's key, pure and without I/O: the names a
 * key may not take and the form of a key. The other rules (titles, options,
 * patterns, values) live in field-rules.ts.
 */

/**
 * Names a key may not take: the profile's own fields (in snake_case and in
 * the camelCase the API uses, lower-cased), plus words that would make an
 * import column or an export ambiguous.
 */
export const BUILT_IN = new Set([
  'id',
  'name',
  'email',
  'emails',
  'email_address',
  'phone',
  'phones',
  'phone_number',
  'tag',
  'tags',
  'role',
  'roles',
  'notes',
  'note',
  'details',
  'detail',
  'organization',
  'organizations',
  'organization_id',
  'organizationid',
  'organization_name',
  'org',
  'org_id',
  'external_id',
  'externalid',
  'alias',
  'time_zone',
  'timezone',
  'locale',
  'language',
  'verified',
  'suspended',
  'created_at',
  'createdat',
  'updated_at',
  'updatedat',
  'created_via',
  'createdvia',
  'created_by',
  'created_by_id',
  'createdby',
  'createdbyid',
  'deleted_at',
  'deletedat',
  'deleted',
  'fields',
  'field',
  'user_fields',
  'custom_fields',
  'identities',
  'identity',
  'password',
  'password_hash',
  'photo',
  'photo_url',
  'photourl',
  'avatar',
  'primary_email',
  'primaryemail',
  'user',
  'users',
  'user_id',
  'userid',
  'type',
  'key',
  'value',
  'values',
  'events',
  'history',
  'active',
  'status',
  'signature',
  'url',
  'shared_phone_number',
  'moderator',
  'only_private_comments',
  'restricted_agent',
  'ticket_restriction',
  'default_group_id',
  'custom_role_id',
  'last_login_at',
  'two_factor_auth_enabled',
  'name_key',
  'external_id_key',
  '__typename',
]);

export function normalizeFieldKey(value: string): string {
  if (typeof value !== 'string' || value === '') throw new UserInputError('key', msg('fields.keyRequired'));
  if (value.length > FIELD_LIMITS.key) throw new UserInputError('key', msg('fields.keyAtMostCharacters', { key: FIELD_LIMITS.key }));
  if (!/^[a-z0-9_]+$/.test(value)) throw new UserInputError('key', msg('fields.keyMayContainLower'));
  if (/^[0-9]+$/.test(value)) throw new UserInputError('key', msg('fields.keyDigits'));
  if (BUILT_IN.has(value)) throw new UserInputError('key', msg('fields.builtInUserField', { value: quoteInput(value) }));
  return value;
}
