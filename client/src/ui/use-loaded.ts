// What a page loads (again on Try again): the data, whether it is on its
// way, the error to show, and whether the thing asked for does not exist
// (an answer of null, or NOT_FOUND). Stale answers are ignored.
import { computed, ref, type Ref } from 'vue';
import { toFormErrors, type FieldError } from '../graphql/errors';
import { latestRequest } from './latest-request';

export function useLoaded<T>(fetch: () => Promise<T | null>) {
  const data = ref(null) as Ref<T | null>;
  const loading = ref(false);
  /** Something came back (data, or null for nothing there). */
  const loaded = ref(false);
  const failure = ref<FieldError | null>(null);
  const requests = latestRequest();

  async function load(): Promise<void> {
    const current = requests.start();
    loading.value = true;
    failure.value = null;
    try {
      const found = await fetch();
      if (!current()) return;
      data.value = found;
      loaded.value = true;
    } catch (caught) {
      if (current()) failure.value = toFormErrors(caught, []).general[0] ?? null;
    } finally {
      if (current()) loading.value = false;
    }
  }

  /** Forgets what was shown, e.g. before loading another record. */
  function clear(): void {
    data.value = null;
    loaded.value = false;
  }

  const notFound = computed(() => failure.value?.code === 'NOT_FOUND' || (loaded.value && !loading.value && data.value === null));
  /** The error to show, when the thing is not simply missing. */
  const error = computed(() => (failure.value?.code === 'NOT_FOUND' ? null : failure.value));

  return { data, loading, loaded, error, notFound, load, clear };
}
