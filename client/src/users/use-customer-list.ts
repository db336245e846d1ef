// The customer list: search, filters (role, tags, an organization, custom
// field values) and cursor pages (ui/list/use-cursor-list). A custom field value
// the server refuses (BAD_USER_INPUT naming the field's key) is an error of
// that filter, not of the list, and the list it no longer answers goes.
// The search, the filters and the page live in the address (ui/list/use-url-state).
import { computed, ref } from 'vue';
import { request } from '../graphql/client';
import { toFormErrors, type FieldError } from '../graphql/errors';
import type { Role, UserFieldFilter, UserListItemFragment, UserSortInput } from '../graphql/generated/graphql';
import { useCursorList } from '../ui/list/use-cursor-list';
import type { UrlState } from '../ui/list/use-url-state';
import { UsersDocument } from './user-operations';

/** Whose accounts the Customers page lists: end users unless asked (the API's `users` lists every role). */
export type RoleFilter = Role | 'ALL';
export const ROLE_FILTERS: readonly RoleFilter[] = ['END_USER', 'AGENT', 'ADMIN', 'ALL'];
export const DEFAULT_ROLE_FILTER: RoleFilter = 'END_USER';

/** How the list is sorted (?sort=); '' is the server's own order (best matches, else newest first). */
export const CUSTOMER_SORTS = ['', 'name', '-name', 'created', '-updated'] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];

function sortInput(sort: CustomerSort): UserSortInput | null {
  if (sort === '') return null;
  const field = sort.replace('-', '');
  return {
    field: field === 'name' ? 'NAME' : field === 'created' ? 'CREATED_AT' : 'UPDATED_AT',
    direction: sort.startsWith('-') ? 'DESC' : 'ASC',
  };
}

export interface CustomerFilters {
  /**
   * Custom field values, read whenever they may have changed; `null` while
   * they cannot be told yet (the list waits instead of showing everyone).
   */
  fields?: () => UserFieldFilter[] | null;
}

export function useCustomerList(url: UrlState, initialFilters: CustomerFilters = {}) {
  /** Users with every one of these tags (?tag=). */
  const tags = url.list('tag');
  const organizationKey = url.text('org');
  const organizationId = computed<string | null>({
    get: () => organizationKey.value || null,
    set: (id) => {
      organizationKey.value = id ?? '';
    },
  });
  const sort = url.choice('sort', CUSTOMER_SORTS, '');
  /** Whose accounts (?role=; end users unless asked). */
  const role = url.choice<RoleFilter>('role', ROLE_FILTERS, DEFAULT_ROLE_FILTER);
  /** Errors about a custom field filter, by the field's key. */
  const fieldErrors = ref<Record<string, FieldError>>({});
  const fieldFilters = computed<UserFieldFilter[] | null>(() => (initialFilters.fields ? initialFilters.fields() : []));
  // By content: the filters are rebuilt whenever what they are made of changes.
  const fieldsKey = computed(() => JSON.stringify(fieldFilters.value));

  /** "Did you mean …?": what the server suggested for the search it answered last. */
  const suggestions = ref<{ query: string | null; values: string[] }>({ query: null, values: [] });

  const list = useCursorList<UserListItemFragment>({
    url,
    filters: [role, tags, organizationId, fieldsKey, sort],
    fetch: async ({ first, after, query }) => {
      fieldErrors.value = {};
      const fields = fieldFilters.value;
      // Loads again when the field filters are known (they are a filter).
      if (fields === null) return undefined;
      const data = await request(UsersDocument, {
        first,
        after,
        query,
        ...(tags.value.length > 0 ? { tags: tags.value } : {}),
        ...(organizationId.value ? { organizationId: organizationId.value } : {}),
        ...(fields.length > 0 ? { fields } : {}),
        ...(role.value !== 'ALL' ? { filter: { roles: [role.value] } } : {}),
        ...(sort.value ? { sort: sortInput(sort.value) } : {}),
      });
      suggestions.value = { query: query ?? '', values: data.users.suggestions };
      return data.users;
    },
    onError: (failure) => {
      const errors = toFormErrors(
        failure,
        (fieldFilters.value ?? []).map((filter) => filter.key),
      );
      fieldErrors.value = errors.fields;
      return { error: errors.general[0] ?? null, dropPage: Object.keys(errors.fields).length > 0 };
    },
  });

  /** The search, the role, the tags and the organization (the page clears its field filter). */
  function clearAll(): void {
    list.clearSearch();
    role.value = DEFAULT_ROLE_FILTER;
    tags.value = [];
    organizationId.value = null;
  }

  const filtered = computed(
    () => role.value !== DEFAULT_ROLE_FILTER || tags.value.length > 0 || organizationId.value !== null || (fieldFilters.value ?? []).length > 0,
  );

  /** Suggestions for the search shown (never an older one's). */
  const didYouMean = computed(() => (suggestions.value.query === list.query.value ? suggestions.value.values : []));

  return { ...list, role, tags, organizationId, sort, filtered, fieldErrors, clearAll, didYouMean };
}
