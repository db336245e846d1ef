// The rules for a custom field's key, checked as the admin types (the server
// checks them again): lower-case letters, digits and underscores, not only
// digits, at most 64 characters, and never the name of a built-in user field.

export const KEY_MAX_LENGTH = 64;

/**
 * Built-in user fields (and their snake_case spellings): a custom field named
 * like one would make CSV columns, filters and API inputs ambiguous.
 */
export const BUILT_IN_KEYS: ReadonlySet<string> = new Set([
  'id',
  'name',
  'email',
  'emails',
  'phone',
  'role',
  'organization',
  'organization_id',
  'organizations',
  'tags',
  'tag',
  'time_zone',
  'timezone',
  'locale',
  'language',
  'external_id',
  'alias',
  'details',
  'notes',
  'verified',
  'suspended',
  'deleted',
  'password',
  'photo',
  'photo_url',
  'identities',
  'fields',
  'created_via',
  'created_by',
  'created_at',
  'updated_at',
]);

/** The i18n key of the first rule `key` breaks, or null when it keeps them all. */
export function keyProblem(key: string): string | null {
  if (key === '') return 'userFields.key.required';
  if (!/^[a-z0-9_]+$/.test(key)) return 'userFields.key.characters';
  if (/^[0-9]+$/.test(key)) return 'userFields.key.onlyDigits';
  if (key.length > KEY_MAX_LENGTH) return 'userFields.key.tooLong';
  if (BUILT_IN_KEYS.has(key)) return 'userFields.key.builtIn';
  return null;
}

/** A key made from a title: "Plan level" → "plan_level", "Numéro TVA" → "numero_tva". */
export function suggestKey(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, KEY_MAX_LENGTH)
    .replace(/_+$/, '');
  return /^[0-9]+$/.test(slug) ? `field_${slug}` : slug;
}
