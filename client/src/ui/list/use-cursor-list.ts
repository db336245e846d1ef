// A list a person searches and pages through: what is typed in the search
// box applies once typing pauses, the list starts again from its first page
// whenever the search or a filter changes, and pages go forward and back by
// cursor (use-cursor-pages). Shown by CursorList.vue.
//
//   const list = useCursorList({
//     fetch: async ({ first, after, query }) => (await request(ThingsDocument, { first, after, query })).things,
//   });
import { onBeforeUnmount, ref, watch, type WatchSource } from 'vue';
import type { FieldError } from '../../graphql/errors';
import { useCursorPages, type Connection } from './use-cursor-pages';

export const PAGE_SIZE = 25;
export const SEARCH_DEBOUNCE_MS = 250;

export interface PageRequest {
  first: number;
  after: string | null;
  /** The search, trimmed; null when there is none. */
  query: string | null;
}

export interface CursorListOptions<TNode> {
  /** One page; undefined while it cannot be asked for yet (the list waits). */
  fetch: (request: PageRequest) => Promise<Connection<TNode> | null | undefined>;
  pageSize?: number;
  /** The search the list starts with (e.g. from the address). */
  initialQuery?: string;
  /** Filters: when one changes, the list starts again from its first page. */
  filters?: WatchSource[];
  /** See useCursorPages. */
  onError?: (failure: unknown) => { error: FieldError | null; dropPage?: boolean };
}

export function useCursorList<TNode>(options: CursorListOptions<TNode>) {
  const pageSize = options.pageSize ?? PAGE_SIZE;
  /** What is typed in the search box. */
  const search = ref(options.initialQuery ?? '');
  /** The search the list shows, once typing pauses. */
  const query = ref(search.value.trim());

  const pages = useCursorPages<TNode>({
    pageSize,
    onError: options.onError,
    fetchPage: (after) => options.fetch({ first: pageSize, after, query: query.value === '' ? null : query.value }),
  });

  let timer: ReturnType<typeof setTimeout> | undefined;
  watch(search, (value) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      query.value = value.trim();
    }, SEARCH_DEBOUNCE_MS);
  });
  watch([query, ...(options.filters ?? [])], () => void pages.first());

  function clearSearch(): void {
    clearTimeout(timer);
    search.value = '';
    query.value = '';
  }

  onBeforeUnmount(() => clearTimeout(timer));
  void pages.first();

  return { ...pages, search, query, clearSearch };
}

export type CursorList<TNode> = ReturnType<typeof useCursorList<TNode>>;
