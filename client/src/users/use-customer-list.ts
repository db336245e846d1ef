// One page of the customer list: search (debounced), filters (tags, an
// organization), cursor paging forward and back, and the total. Stale answers
// (an older search) are ignored.
import { computed, onBeforeUnmount, ref, watch } from 'vue';
import { request } from '../graphql/client';
import { toFormErrors, type FieldError } from '../graphql/errors';
import { USERS, type UsersData } from '../graphql/operations';

export const PAGE_SIZE = 25;
export const SEARCH_DEBOUNCE_MS = 250;

export interface CustomerFilters {
  /** Users with every one of these tags. */
  tags?: string[];
  organizationId?: string | null;
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
  const page = ref<UsersData['users'] | null>(null);
  const loading = ref(false);
  const error = ref<FieldError | null>(null);

  let latest = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function load(): Promise<void> {
    const requestNumber = ++latest;
    loading.value = true;
    error.value = null;
    try {
      const data = await request(USERS, {
        first: PAGE_SIZE,
        after: cursors.value[cursors.value.length - 1] ?? null,
        query: query.value === '' ? null : query.value,
        ...(tags.value.length > 0 ? { tags: tags.value } : {}),
        ...(organizationId.value ? { organizationId: organizationId.value } : {}),
      });
      if (requestNumber !== latest) return;
      page.value = data.users;
    } catch (failure) {
      if (requestNumber !== latest) return;
      error.value = toFormErrors(failure, []).general[0] ?? null;
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

  watch([query, tags, organizationId], () => {
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

  /** The search and every filter. */
  function clearAll(): void {
    clearSearch();
    tags.value = [];
    organizationId.value = null;
  }

  const filtered = computed(() => tags.value.length > 0 || organizationId.value !== null);

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
