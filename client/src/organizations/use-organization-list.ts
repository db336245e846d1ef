// The organization list: search by name prefix (debounced) over cursor pages.
import { onBeforeUnmount, ref, watch } from 'vue';
import { request } from '../graphql/client';
import { OrganizationsDocument } from './organization-operations';
import { useCursorPages } from '../ui/use-cursor-pages';

export const ORGANIZATION_PAGE_SIZE = 25;
export const ORGANIZATION_SEARCH_DEBOUNCE_MS = 250;

export function useOrganizationList(initialQuery = '') {
  /** What is typed in the search box. */
  const search = ref(initialQuery);
  /** The search the list shows, once typing pauses. */
  const query = ref(initialQuery.trim());

  const pages = useCursorPages(
    async (after) =>
      (
        await request(OrganizationsDocument, {
          first: ORGANIZATION_PAGE_SIZE,
          after,
          query: query.value === '' ? null : query.value,
        })
      ).organizations,
    ORGANIZATION_PAGE_SIZE,
  );

  let timer: ReturnType<typeof setTimeout> | undefined;
  watch(search, (value) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      query.value = value.trim();
    }, ORGANIZATION_SEARCH_DEBOUNCE_MS);
  });
  watch(query, () => void pages.first());

  function clearSearch(): void {
    clearTimeout(timer);
    search.value = '';
    query.value = '';
  }

  onBeforeUnmount(() => clearTimeout(timer));
  void pages.first();

  return { ...pages, search, query, clearSearch };
}
