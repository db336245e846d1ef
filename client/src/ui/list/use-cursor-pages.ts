// Pages of a GraphQL connection, forward and back by cursor, with the total
// and the range shown ("26–50 of 112"). Stale answers are ignored.
import { computed, ref, type Ref } from 'vue';
import { toFormErrors, type FieldError } from '../../graphql/errors';
import type { PageInfoFieldsFragment } from '../../graphql/generated/graphql';
import { latestRequest } from '../latest-request';

export interface Connection<TNode> {
  totalCount: number;
  pageInfo: PageInfoFieldsFragment;
  edges: { cursor: string; node: TNode }[];
}

export interface CursorPagesOptions<TNode> {
  /**
   * The page after `after` (null: the first). Undefined: it cannot be asked
   * for yet; the list stays loading until the next load().
   */
  fetchPage: (after: string | null) => Promise<Connection<TNode> | null | undefined>;
  pageSize: number;
  /**
   * A load failed: the error to show (by default the first general one), and
   * whether the page shown no longer answers what was asked (it goes).
   */
  onError?: (failure: unknown) => { error: FieldError | null; dropPage?: boolean };
  /** The server refused the cursor asked for (e.g. one from an old link): by default the first page shows. */
  onBadCursor?: () => void;
}

function generalError(failure: unknown): { error: FieldError | null; dropPage?: boolean } {
  return { error: toFormErrors(failure, []).general[0] ?? null };
}

export function useCursorPages<TNode>(options: CursorPagesOptions<TNode>) {
  /**
   * The `after` cursor of every page visited; the last one is the current
   * page. Undefined: a page before whose cursor is not known (a shared link).
   */
  const cursors = ref<(string | null | undefined)[]>([null]);
  const page = ref(null) as Ref<Connection<TNode> | null>;
  const loading = ref(false);
  const error = ref<FieldError | null>(null);
  const requests = latestRequest();

  async function load(): Promise<void> {
    const current = requests.start();
    loading.value = true;
    error.value = null;
    try {
      const found = await options.fetchPage(cursors.value[cursors.value.length - 1] ?? null);
      if (!current() || found === undefined) return;
      page.value = found;
    } catch (failure) {
      if (!current()) return;
      if (cursors.value.length > 1 && toFormErrors(failure, ['after']).fields.after) {
        loading.value = false;
        if (options.onBadCursor) options.onBadCursor();
        else void first();
        return;
      }
      const { error: shown, dropPage } = (options.onError ?? generalError)(failure);
      error.value = shown;
      if (dropPage) page.value = null;
    }
    // Not in `finally`: a page that cannot be asked for yet keeps the list loading.
    if (current()) loading.value = false;
  }

  /** Back to the first page, e.g. for a new search. */
  function first(): Promise<void> {
    cursors.value = [null];
    return load();
  }

  function next(): void {
    const cursor = page.value?.pageInfo.endCursor;
    if (!page.value?.pageInfo.hasNextPage || !cursor) return;
    cursors.value = [...cursors.value, cursor];
    void load();
  }

  function previous(): void {
    if (cursors.value.length <= 1) return;
    const before = cursors.value.slice(0, -1);
    // The page before is not known (the list was opened on a later page): the first one.
    cursors.value = before[before.length - 1] === undefined ? [null] : before;
    void load();
  }

  const nodes = computed<TNode[]>(() => page.value?.edges.map((edge) => edge.node) ?? []);
  const hasPrevious = computed(() => cursors.value.length > 1);
  const hasNext = computed(() => Boolean(page.value?.pageInfo.hasNextPage));
  const range = computed(() => {
    const total = page.value?.totalCount ?? 0;
    const from = (cursors.value.length - 1) * options.pageSize + 1;
    return { from, to: from + nodes.value.length - 1, total };
  });

  return { page, nodes, loading, error, range, hasPrevious, hasNext, first, next, previous, reload: load, cursors };
}
