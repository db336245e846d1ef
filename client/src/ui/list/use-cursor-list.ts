// A list a person searches and pages through: what is typed in the search
// box applies once typing pauses, the list starts again from its first page
// whenever the search or a filter changes, and pages go forward and back by
// cursor (use-cursor-pages). Shown by CursorList.vue.
//
//   const list = useCursorList({
//     url: true,
//     fetch: async ({ first, after, query }) => (await request(ThingsDocument, { first, after, query })).things,
//   });
//
// With `url` (true, or the page's useUrlState() when its filters live in the
// address too), the search (?q=) and the page (?after=CURSOR&page=N) are kept
// in the address: typing replaces it, Previous and Next push a history entry,
// and Back, Forward or a shared link show that search and page again. A
// cursor the server refuses, or a page number that is not one, means the
// first page.
import { onBeforeUnmount, ref, watch, type Ref, type WatchSource } from 'vue';
import type { FieldError } from '../../graphql/errors';
import { useCursorPages, type Connection } from './use-cursor-pages';
import { useUrlState, type UrlState } from './use-url-state';

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
  /** Keep the search and the page in the address (see above). */
  url?: true | UrlState;
}

/** The history entry's cursors of the pages before (Back to a later page: Previous still works). */
const CURSORS_STATE = 'listCursors';

export function useCursorList<TNode>(options: CursorListOptions<TNode>) {
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const url = options.url === true ? useUrlState() : options.url;
  /** The search the list shows, once typing pauses. */
  const query: Ref<string> = url ? url.text('q') : ref((options.initialQuery ?? '').trim());
  /** What is typed in the search box. */
  const search = ref(url ? query.value : (options.initialQuery ?? ''));

  const pages = useCursorPages<TNode>({
    pageSize,
    onError: options.onError,
    onBadCursor: url ? () => toFirstPage() : undefined,
    fetchPage: (after) => options.fetch({ first: pageSize, after, query: query.value === '' ? null : query.value }),
  });

  let timer: ReturnType<typeof setTimeout> | undefined;
  watch(search, (value) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      query.value = value.trim();
    }, SEARCH_DEBOUNCE_MS);
  });

  /** The page the address names: its cursor, and those before it as far as they are known. */
  function cursorsOfAddress(state: UrlState, after: string, pageNumber: string): (string | null | undefined)[] {
    if (!after) return [null];
    const known = state.state(CURSORS_STATE);
    if (Array.isArray(known) && known.length > 1 && known[known.length - 1] === after) {
      return known.map((cursor) => (typeof cursor === 'string' ? cursor : cursor === null ? null : undefined));
    }
    const shown = pages.cursors.value;
    const at = shown.indexOf(after);
    if (at > 0) return shown.slice(0, at + 1);
    if (pages.page.value?.pageInfo.endCursor === after) return [...shown, after];
    const n = /^\d{1,4}$/.test(pageNumber) ? Number(pageNumber) : 2;
    return [null, ...Array<undefined>(Math.max(n, 2) - 2).fill(undefined), after];
  }

  function writePage(mode: 'push' | 'replace'): void {
    if (!url) return;
    const cursors = pages.cursors.value;
    const after = cursors[cursors.length - 1] ?? undefined;
    url.set({ after, page: cursors.length > 1 ? String(cursors.length) : undefined }, mode, {
      [CURSORS_STATE]: cursors.map((cursor) => cursor ?? null),
    });
  }

  function toFirstPage(): void {
    void pages.first();
    writePage('replace');
  }

  if (url) {
    const after = url.text('after');
    const pageNumber = url.text('page');
    let seen = url.fromAddress.value;
    const sources = [query, ...(options.filters ?? [])];
    watch([...sources, after], (now, before) => {
      const addressMoved = url.fromAddress.value !== seen;
      seen = url.fromAddress.value;
      if (addressMoved) {
        // Back, Forward or a link: the search, filters and page it names.
        if (search.value.trim() !== query.value) search.value = query.value;
        pages.cursors.value = cursorsOfAddress(url, after.value, pageNumber.value);
        void pages.reload();
        return;
      }
      const filtersChanged = now.slice(0, -1).some((value, i) => !Object.is(value, before[i]));
      if (!filtersChanged) return;
      // A filter the list was waiting for is known now (a saved list, a field's type): the page the address names.
      const waited = pages.page.value === null && pages.error.value === null && Object.is(now[0], before[0]);
      if (waited) void pages.reload();
      else toFirstPage();
    });
    pages.cursors.value = cursorsOfAddress(url, after.value, pageNumber.value);
  } else {
    watch([query, ...(options.filters ?? [])], () => void pages.first());
  }

  function clearSearch(): void {
    clearTimeout(timer);
    search.value = '';
    query.value = '';
  }

  function next(): void {
    const before = pages.cursors.value.length;
    pages.next();
    if (pages.cursors.value.length !== before) writePage('push');
  }

  function previous(): void {
    const before = pages.cursors.value;
    pages.previous();
    if (pages.cursors.value !== before) writePage('push');
  }

  onBeforeUnmount(() => clearTimeout(timer));
  void pages.reload();

  return { ...pages, next, previous, search, query, clearSearch };
}

export type CursorList<TNode> = ReturnType<typeof useCursorList<TNode>>;
