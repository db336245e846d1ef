// The record a page shows (a user, an organization), by the id in the
// address: loaded again when the id changes, missing when the server says so
// (null or NOT_FOUND), the message a previous page handed to it (flash.ts),
// and the window's title. Deleting it is the page's: Delete in RecordHeader
// opens a ConfirmDialog (danger), which shows a refusal.
import { ref, watch, type Ref } from 'vue';
import { useDocumentTitle } from '../use-document-title';
import { useLoaded } from '../use-loaded';

export interface RecordOptions<T, F> {
  id: () => string;
  fetch: (id: string) => Promise<T | null>;
  /** The window's title: the record's name; `null` while loading. */
  title: (record: T | null, notFound: boolean) => string | null;
  /** Where a previous page left a message for this record. */
  flash?: { take(to: string): F | null };
}

export function useRecord<T extends { id: string }, F = never>(options: RecordOptions<T, F>) {
  const loaded = useLoaded(() => options.fetch(options.id()));
  const flash = ref(null) as Ref<F | null>;

  watch(
    options.id,
    (next) => {
      flash.value = options.flash?.take(next) ?? null;
      if (loaded.data.value?.id !== next) loaded.clear();
      void loaded.load();
    },
    { immediate: true },
  );
  useDocumentTitle(() => options.title(loaded.data.value, loaded.notFound.value));

  return {
    record: loaded.data,
    loading: loaded.loading,
    notFound: loaded.notFound,
    loadError: loaded.error,
    reload: loaded.load,
    flash,
  };
}

export type RecordState<T extends { id: string }> = ReturnType<typeof useRecord<T>>;
