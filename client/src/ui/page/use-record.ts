// The record a page shows (a user, an organization), by the id in the
// address: loaded again when the id changes, missing when the server says so
// (null or NOT_FOUND), the message a previous page handed to it (flash.ts),
// the window's title, and deleted after the person confirms.
import { ref, watch, type Ref } from 'vue';
import { toFormErrors, type FieldError } from '../../graphql/errors';
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
  const deleting = ref(false);
  const deleteError = ref<FieldError | null>(null);

  watch(
    options.id,
    (next) => {
      flash.value = options.flash?.take(next) ?? null;
      deleteError.value = null;
      if (loaded.data.value?.id !== next) loaded.clear();
      void loaded.load();
    },
    { immediate: true },
  );
  useDocumentTitle(() => options.title(loaded.data.value, loaded.notFound.value));

  /** Deletes the record once `question` is answered yes; then `done` (e.g. back to the list). */
  async function remove(question: string, destroy: (record: T) => Promise<unknown>, done: () => unknown): Promise<void> {
    const target = loaded.data.value;
    if (!target || deleting.value || !window.confirm(question)) return;
    deleting.value = true;
    deleteError.value = null;
    try {
      await destroy(target);
      await done();
    } catch (error) {
      deleteError.value = toFormErrors(error, []).general[0] ?? null;
    } finally {
      deleting.value = false;
    }
  }

  return {
    record: loaded.data,
    loading: loaded.loading,
    notFound: loaded.notFound,
    loadError: loaded.error,
    reload: loaded.load,
    flash,
    deleting,
    deleteError,
    remove,
  };
}

export type RecordState<T extends { id: string }> = ReturnType<typeof useRecord<T>>;
