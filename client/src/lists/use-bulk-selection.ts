// The rows chosen for a bulk action, shared by the Customers page and a
// customer list's page: some users by id, or every user the shown filter
// matches ("Select all N matching"). It remembers who the page has shown
// (name and role, by id), so the bulk dialog can warn about people it will
// not act on and the answer can name those it could not.
import { computed, ref, watch, type Ref } from 'vue';
import type { Role, UserFilterInput } from '../graphql/generated/graphql';

export interface KnownUser {
  id: string;
  name: string;
  role: Role;
}

/** What a bulk mutation acts on: ids, or the filter of the list shown. */
export type BulkTarget = { ids: string[] } | { filter: UserFilterInput };

export function useBulkSelection(options: {
  /** The rows the page shows. */
  rows: Ref<readonly KnownUser[]>;
  /** How many users the filter matches. */
  total: Ref<number>;
  /** The filter shown (null while it is not known); a change clears the selection. */
  filter: Ref<UserFilterInput | null>;
}) {
  const selected = ref<string[]>([]);
  const allMatching = ref(false);
  const seen = new Map<string, KnownUser>();
  watch(
    options.rows,
    (rows) => {
      for (const row of rows) seen.set(row.id, { id: row.id, name: row.name, role: row.role });
    },
    { immediate: true },
  );

  const count = computed(() => (allMatching.value ? options.total.value : selected.value.length));
  const pageIds = computed(() => options.rows.value.map((u) => u.id));
  /** Nothing on the page and nothing chosen: nothing to select or act on (a search that matched nobody). */
  const idle = computed(() => pageIds.value.length === 0 && count.value === 0);
  const pageSelected = computed(() => pageIds.value.length > 0 && pageIds.value.every((id) => selected.value.includes(id)));
  function togglePage(): void {
    allMatching.value = false;
    selected.value = pageSelected.value
      ? selected.value.filter((id) => !pageIds.value.includes(id))
      : [...new Set([...selected.value, ...pageIds.value])];
  }
  function toggle(id: string): void {
    selected.value = selected.value.includes(id) ? selected.value.filter((x) => x !== id) : [...selected.value, id];
  }
  function selectAll(): void {
    allMatching.value = true;
  }
  function clear(): void {
    selected.value = [];
    allMatching.value = false;
  }
  function isSelected(id: string): boolean {
    return allMatching.value || selected.value.includes(id);
  }
  watch(() => JSON.stringify(options.filter.value), clear);

  const target = computed<BulkTarget>(() => (allMatching.value && options.filter.value ? { filter: options.filter.value } : { ids: selected.value }));
  /** The selected users the page has shown (all matching: the rows shown; the others are not known). */
  const known = computed<KnownUser[]>(() =>
    allMatching.value ? options.rows.value.map((u) => seen.get(u.id)!) : selected.value.flatMap((id) => seen.get(id) ?? []),
  );
  /** A name the page has shown for an id. */
  const nameOf = (id: string): string | null => seen.get(id)?.name ?? null;

  return {
    selected,
    allMatching,
    count,
    total: options.total,
    pageSelected,
    idle,
    togglePage,
    toggle,
    selectAll,
    clear,
    isSelected,
    target,
    known,
    nameOf,
  };
}

export type BulkSelection = ReturnType<typeof useBulkSelection>;
