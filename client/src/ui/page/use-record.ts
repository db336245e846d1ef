// The record a page shows (a user, an organization), by the id in the
// address: loaded again when the id changes, missing when the server says so
// (null or NOT_FOUND), and deleted after the person confirms.
import { ref, watch } from 'vue';
import { toFormErrors, type FieldError } from '../../graphql/errors';
import { useLoaded } from '../use-loaded';

export function useRecord<T extends { id: string }>(id: () => string, fetch: (id: string) => Promise<T | null>) {
  const loaded = useLoaded(() => fetch(id()));
  const deleting = ref(false);
  const deleteError = ref<FieldError | null>(null);

  watch(
    id,
    (next) => {
      deleteError.value = null;
      if (loaded.data.value?.id !== next) loaded.clear();
      void loaded.load();
    },
    { immediate: true },
  );

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
    deleting,
    deleteError,
    remove,
  };
}

export type RecordState<T extends { id: string }> = ReturnType<typeof useRecord<T>>;
