// A page's state kept in the address (its query parameters), so Back returns
// to the same place and a link can be shared. Each parameter is a ref: set by
// the page (typing, a filter picked), it rewrites the address with
// router.replace (no history entry per keystroke); a page change is written
// with push (set(..., 'push')), so Back goes to the page before. When the
// address changes under the page (Back, Forward, a link), the refs follow.
// A value the page cannot use (an unknown sort, an empty tag) reads as the
// default, never as an error.
//
//   const url = useUrlState();
//   const status = url.choice('status', ['', 'OPEN', 'CLOSED'], '');
//   const list = useCursorList({ url, filters: [status], fetch: ... });
import { computed, nextTick, ref, watch, type Ref, type WritableComputedRef } from 'vue';
import { useRoute, useRouter, type LocationQuery, type LocationQueryRaw } from 'vue-router';

type Raw = LocationQuery[string] | undefined;
type Written = string | (string | null)[] | null | undefined;

interface Param {
  /** The value as the address writes it (undefined: left out). */
  written: () => Written;
  /** Takes the address's value; true when it changed the ref. */
  read: (raw: Raw) => boolean;
}

function firstText(raw: Raw): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === 'string' ? value : '';
}

function same(a: Written, b: Written): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

export function useUrlState() {
  const route = useRoute();
  const router = useRouter();
  /** The page's route: once the address names another page, it is left alone. */
  const ownName = route.name;
  const params = new Map<string, Param>();
  const pending = new Map<string, Written>();
  let how: 'replace' | 'push' = 'replace';
  let historyState: Record<string, unknown> | undefined;
  let scheduled = false;
  /**
   * The addresses the page is on its way to: when one arrives, the refs
   * already hold what it says (or newer values, not to be undone).
   */
  const ownNavigations = new Set<string>();
  let inFlight: LocationQueryRaw | null = null;
  /** Counts the times the address changed a ref (Back, Forward, a link to the same page). */
  const fromAddress = ref(0);

  const onPage = () => route.name === ownName;

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    // After the page's own watchers: several changes at once make one navigation.
    void nextTick(() => {
      scheduled = false;
      if (!onPage() || pending.size === 0) {
        pending.clear();
        return;
      }
      // Every parameter as the page holds it: a navigation still on its way may not show in route.query yet.
      const values = new Map<string, Written>(pending);
      for (const [name, param] of params) values.set(name, param.written());
      // Compared with where the last navigation of the page is going, while it is on its way.
      const shown = (inFlight ?? route.query) as Record<string, Written>;
      const query: LocationQueryRaw = { ...route.query };
      let changed = false;
      for (const [name, value] of values) {
        if (!same(value, shown[name] ?? undefined)) changed = true;
        if (value === undefined) delete query[name];
        else query[name] = value;
      }
      const mode = how;
      const state = historyState;
      pending.clear();
      how = 'replace';
      historyState = undefined;
      if (!changed) return;
      const target = { query, hash: route.hash, ...(state ? { state: state as never } : {}) };
      const path = router.resolve(target).fullPath;
      ownNavigations.add(path);
      inFlight = query;
      void (mode === 'push' ? router.push(target) : router.replace(target)).finally(() => {
        ownNavigations.delete(path);
        if (inFlight === query) inFlight = null;
      });
    });
  }

  function register<T>(name: string, initial: T, parse: (raw: Raw) => T, write: (value: T) => Written) {
    const local = ref(initial) as Ref<T>;
    params.set(name, {
      written: () => write(local.value),
      read: (raw) => {
        const next = parse(raw);
        if (same(write(next), write(local.value))) return false;
        local.value = next;
        return true;
      },
    });
    const bound: WritableComputedRef<T> = computed({
      get: () => local.value,
      set: (next) => {
        if (same(write(next), write(local.value))) {
          local.value = next;
          return;
        }
        local.value = next;
        pending.set(name, write(next));
        schedule();
      },
    });
    return bound;
  }

  /** A text ('' when the address has none). */
  function text(name: string): WritableComputedRef<string> {
    const parse = (raw: Raw) => firstText(raw);
    return register(name, parse(route.query[name]), parse, (value) => value || undefined);
  }

  /** Several values (?tag=a&tag=b); empty ones are dropped. */
  function list(name: string): WritableComputedRef<string[]> {
    const parse = (raw: Raw) => [raw].flat().filter((value): value is string => typeof value === 'string' && value !== '');
    return register(name, parse(route.query[name]), parse, (value) => (value.length > 0 ? [...value] : undefined));
  }

  /** One of `allowed`; anything else in the address reads as `fallback` (which the address leaves out). */
  function choice<T extends string>(name: string, allowed: readonly T[], fallback: T): WritableComputedRef<T> {
    const parse = (raw: Raw) => {
      const value = firstText(raw);
      return (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
    };
    return register(name, parse(route.query[name]), parse, (value) => (value === fallback ? undefined : value));
  }

  /**
   * Writes several parameters at once; `push` leaves a history entry (a page
   * change). `state` goes with the history entry (see useCursorList).
   */
  function set(values: Record<string, string | undefined>, mode: 'replace' | 'push', state?: Record<string, unknown>) {
    for (const [name, value] of Object.entries(values)) {
      const param = params.get(name);
      if (param) param.read(value);
      pending.set(name, value || undefined);
    }
    if (mode === 'push') how = 'push';
    if (state) historyState = { ...historyState, ...state };
    schedule();
  }

  /** What the history entry shown holds (e.g. the cursors of the pages before). */
  function state(key: string): unknown {
    return (router.options.history.state as Record<string, unknown> | null)?.[key];
  }

  // Synchronous: the refs have the address's values before any watcher of the page runs.
  watch(
    () => route.query,
    (query) => {
      if (!onPage() || ownNavigations.has(route.fullPath)) return;
      let changed = false;
      for (const [name, param] of params) if (!pending.has(name) && param.read(query[name])) changed = true;
      if (changed) fromAddress.value += 1;
    },
    { flush: 'sync' },
  );

  return { text, list, choice, set, state, fromAddress };
}

export type UrlState = ReturnType<typeof useUrlState>;
