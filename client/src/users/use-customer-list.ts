// One page of the customer list: search (debounced), filters (tags, an
// organization, custom field values), cursor paging forward and back, and the
// total. Stale answers (an older search) are ignored. A custom field value the
// server refuses (BAD_USER_INPUT naming the field's key) is an error of that
// filter, not of the list.
import { computed, onBeforeUnmount, ref, watch } from 'vue';
import { request } from '../graphql/client';
import { toFormErrors, type FieldError } from '../graphql/errors';
import type { UserFieldFilter, UserPageFragment } from '../graphql/generated/graphql';
import { UsersDocument } from './user-operations';

export const PAGE_SIZE = 25;
export const SEARCH_DEBOUNCE_MS = 250;

export interface CustomerFilters {
  /** Users with every one of these tags. */
  tags?: string[];
  organizationId?: string | null;
  /**
   * Custom field values, read whenever they may have changed; `null` while
   * they cannot be told yet (the list waits instead of showing everyone).
   */
  fields?: () => UserFieldFilter[] | null;
}

export function useCustomerList(initialQuery = '', initialFilters: CustomerFilters = {}) {
  /** What is typed in the search box. */
  const search = ref(initialQuery);
  /** The search the list shows, once typing pauses. */
  const query = ref(initialQuery.trim());
  const tags = ref<string[]>(initialFilters.tags ?? []);
  const organizationId = ref<string | null>(initialFilters.organizationId ?? null);
  /** The `after` cursor of every page visited; the last one is the current page. */
  const cursors = ref<(string | null)[]>([null]);
  const page = ref<UserPageFragment | null>(null);
  const loading = ref(false);
  const error = ref<FieldError | null>(null);
  /** Errors about a custom field filter, by the field's key. */
  const fieldErrors = ref<Record<string, FieldError>>({});
  const fieldFilters = computed<UserFieldFilter[] | null>(() => (initialFilters.fields ? initialFilters.fields() : []));

  let latest = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function load(): Promise<void> {
    const requestNumber = ++latest;
    loading.value = true;
    error.value = null;
    fieldErrors.value = {};
    const fields = fieldFilters.value;
    // Loads again when the field filters are known (the watcher below).
    if (fields === null) return;
    try {
      const data = await request(UsersDocument, {
        first: PAGE_SIZE,
        after: cursors.value[cursors.value.length - 1] ?? null,
        query: query.value === '' ? null : query.value,
        ...(tags.value.length > 0 ? { tags: tags.value } : {}),
        ...(organizationId.value ? { organizationId: organizationId.value } : {}),
        ...(fields.length > 0 ? { fields } : {}),
      });
      if (requestNumber !== latest) return;
      page.value = data.users;
    } catch (failure) {
      if (requestNumber !== latest) return;
      const errors = toFormErrors(failure, fields.map((filter) => filter.key));
      fieldErrors.value = errors.fields;
      error.value = errors.general[0] ?? null;
      // The list no longer answers the filters shown: it is not kept.
      if (Object.keys(errors.fields).length > 0) page.value = null;
    } finally {
      if (requestNumber === latest) loading.value = false;
    }
  }

  watch(search, (value) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      query.value = value.trim();
    }, SEARCH_DEBOUNCE_MS);
  });

  // By content: the filters are rebuilt whenever what they are made of changes.
  const fieldsKey = computed(() => JSON.stringify(fieldFilters.value));

  watch([query, tags, organizationId, fieldsKey], () => {
    cursors.value = [null];
    void load();
  });

  function next(): void {
    const cursor = page.value?.pageInfo.endCursor;
    if (!page.value?.pageInfo.hasNextPage || !cursor) return;
    cursors.value = [...cursors.value, cursor];
    void load();
  }

  function previous(): void {
    if (cursors.value.length <= 1) return;
    cursors.value = cursors.value.slice(0, -1);
    void load();
  }

  function clearSearch(): void {
    clearTimeout(timer);
    search.value = '';
    query.value = '';
  }

  /** The search, the tags and the organization (the page clears its field filter). */
  function clearAll(): void {
    clearSearch();
    tags.value = [];
    organizationId.value = null;
  }

  const filtered = computed(
    () => tags.value.length > 0 || organizationId.value !== null || (fieldFilters.value ?? []).length > 0,
  );

  const users = computed(() => page.value?.edges.map((edge) => edge.node) ?? []);
  const hasPrevious = computed(() => cursors.value.length > 1);
  const hasNext = computed(() => Boolean(page.value?.pageInfo.hasNextPage));
  const range = computed(() => {
    const total = page.value?.totalCount ?? 0;
    const from = (cursors.value.length - 1) * PAGE_SIZE + 1;
    return { from, to: from + users.value.length - 1, total };
  });

  onBeforeUnmount(() => clearTimeout(timer));
  void load();

  return {
    search,
    query,
    tags,
    organizationId,
    filtered,
    users,
    page,
    loading,
    error,
    fieldErrors,
    range,
    hasPrevious,
    hasNext,
    next,
    previous,
    clearSearch,
    clearAll,
    reload: load,
  };
}
