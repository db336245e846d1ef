// A list's filter by one custom field value (the Customers page): the active
// fields one can filter by (not LOOKUP ones: their values are ids), the field
// and the value picked, as the address keeps them (?field=KEY&value=VALUE),
// and the users(fields:) filter they make.
import { computed, ref, type Ref } from 'vue';
import { request } from '../graphql/client';
import type { FieldDefinitionFragment, UserFieldFilter } from '../graphql/generated/graphql';
import { UserFieldsDocument } from './field-operations';

export type FilterableField = Pick<FieldDefinitionFragment, 'id' | 'key' | 'title' | 'type' | 'options'>;

export function canFilterBy(field: Pick<FieldDefinitionFragment, 'active' | 'type'>): boolean {
  return field.active && field.type !== 'LOOKUP';
}

/** The users(fields:) entry for `value` of `field`: MULTISELECT asks for users having that option. */
export function fieldFilterInput(field: Pick<FieldDefinitionFragment, 'key' | 'type'>, value: string): UserFieldFilter {
  return field.type === 'MULTISELECT' ? { key: field.key, values: [value] } : { key: field.key, value };
}

/**
 * `address`: the field's key ('' for none) and the value as the page keeps
 * them (ui/list/use-url-state: ?field=&value=).
 */
export function useFieldFilter(address: { key: Ref<string>; value: Ref<string> }) {
  /** The fields one can filter by, in the admins' order; null until they are known. */
  const fields = ref<FilterableField[] | null>(null);
  /** The definitions could not be loaded: a value from the address goes to the server as text. */
  const failed = ref(false);
  const pickedKey = computed<string | null>({
    get: () => address.key.value || null,
    set: (next) => {
      address.key.value = next ?? '';
    },
  });
  /** The value as the server reads it (an option's value, "true"/"false", YYYY-MM-DD, text); none without a field. */
  const value = computed<string>({
    get: () => (pickedKey.value ? address.value.value : ''),
    set: (next) => {
      address.value.value = next;
    },
  });

  /** The key of the field picked; picking another one empties the value. */
  const key = computed<string | null>({
    get: () => pickedKey.value,
    set: (next) => {
      const normalized = next || null;
      if (normalized === pickedKey.value) return;
      pickedKey.value = normalized;
      value.value = '';
    },
  });

  const field = computed(() => fields.value?.find((candidate) => candidate.key === pickedKey.value) ?? null);

  /** users(fields:): empty without a field and a value; null while the field's type is unknown. */
  const filters = computed<UserFieldFilter[] | null>(() => {
    const text = value.value.trim();
    if (!pickedKey.value || text === '') return [];
    if (fields.value === null) return null;
    if (field.value) return [fieldFilterInput(field.value, text)];
    // Without the definitions the server still reads the value (an option by value or title).
    return failed.value ? [{ key: pickedKey.value, value: text }] : [];
  });

  function clear(): void {
    key.value = null;
  }

  request(UserFieldsDocument, { active: true })
    .then(({ userFields }) => {
      fields.value = userFields.filter(canFilterBy);
      // A field deleted, deactivated or mistyped in a link: no filter.
      if (pickedKey.value && !field.value) clear();
    })
    .catch(() => {
      failed.value = true;
      fields.value = [];
    });

  return { fields, field, key, value, filters, clear };
}
