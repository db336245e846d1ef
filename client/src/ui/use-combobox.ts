// The state of an editable combobox with a listbox popup (WAI-ARIA combobox
// pattern): suggestions fetched as the person types (debounced, stale answers
// ignored), which option is active (aria-activedescendant), open and closed.
// The component owns the input; this owns the list and the keys that move
// through it (`keydown`), with the component's own choices as hooks.
import { computed, onBeforeUnmount, ref, type Ref } from 'vue';
import { latestRequest } from './latest-request';

export const SUGGEST_DEBOUNCE_MS = 150;

export interface ComboboxOptions<T> {
  /** The input's id; options are `${id}-option-${index}`. */
  id: () => string;
  fetch: (query: string) => Promise<T[]>;
  /** Highlight the first match as soon as it arrives, so Enter picks it. */
  autoActivate?: boolean;
}

/** What a component decides about the combobox keys (`keydown`). */
export interface ComboboxKeys<T> {
  /** Whether the list shows (default: while open). */
  shown?: () => boolean;
  /** ArrowDown on a closed list (ArrowUp too with `arrowUpOpens`): e.g. search the text at once. None: the key is left alone. */
  openList?: () => void;
  arrowUpOpens?: boolean;
  /** Enter on the highlighted option. */
  pick: (item: T) => void;
  /**
   * Enter without a highlighted option. Default: while the list shows, nothing (a half-made choice
   * does not submit the form around it); else the key is left alone.
   */
  enter?: (event: KeyboardEvent) => void;
  /** After Escape closed the list (Escape then stops there: it does not also close a dialog around it). */
  closed?: () => void;
  /** Escape while the list is closed (default: left alone, e.g. to close the dialog). */
  escapeClosed?: (event: KeyboardEvent) => void;
}

export function useCombobox<T>(options: ComboboxOptions<T>) {
  const items = ref<T[]>([]) as Ref<T[]>;
  const open = ref(false);
  const active = ref(-1);
  const loading = ref(false);
  const failed = ref(false);

  let timer: ReturnType<typeof setTimeout> | undefined;
  const requests = latestRequest();

  async function run(query: string): Promise<void> {
    const current = requests.start();
    loading.value = true;
    try {
      const found = await options.fetch(query);
      if (!current()) return;
      items.value = found;
      failed.value = false;
      active.value = options.autoActivate && found.length > 0 ? 0 : -1;
      open.value = true;
    } catch {
      if (!current()) return;
      items.value = [];
      failed.value = true;
      active.value = -1;
      open.value = true;
    } finally {
      if (current()) loading.value = false;
    }
  }

  /** Asks for matches once typing pauses (at once with `immediate`). */
  function search(query: string, immediate = false): void {
    clearTimeout(timer);
    if (immediate) void run(query);
    else timer = setTimeout(() => void run(query), SUGGEST_DEBOUNCE_MS);
  }

  /** Closes the list and forgets any answer still on its way. */
  function close(): void {
    clearTimeout(timer);
    requests.cancel();
    loading.value = false;
    open.value = false;
    active.value = -1;
  }

  /** Moves the highlight by `delta`, wrapping around; from none, down is the first and up the last. */
  function move(delta: 1 | -1): void {
    const count = items.value.length;
    if (count === 0) return;
    const from = active.value < 0 ? (delta > 0 ? -1 : count) : active.value;
    active.value = (from + delta + count) % count;
    document.getElementById(optionId(active.value))?.scrollIntoView?.({ block: 'nearest' });
  }

  function optionId(index: number): string {
    return `${options.id()}-option-${index}`;
  }

  const listboxId = computed(() => `${options.id()}-listbox`);
  const activeItem = computed<T | undefined>(() => (open.value ? items.value[active.value] : undefined));
  const activeDescendant = computed(() =>
    open.value && active.value >= 0 && active.value < items.value.length ? optionId(active.value) : undefined,
  );
  /** The combobox pattern's attributes of the input (with `shown`: whether the list shows). */
  function inputAttrs(shown: boolean = open.value) {
    return {
      role: 'combobox',
      'aria-autocomplete': 'list' as const,
      'aria-expanded': shown ? ('true' as const) : ('false' as const),
      'aria-controls': listboxId.value,
      'aria-activedescendant': shown ? activeDescendant.value : undefined,
    };
  }

  onBeforeUnmount(close);

  /** The option the pointer is over becomes the active one. */
  function activate(index: number): void {
    active.value = index;
  }

  /**
   * The keys of the combobox pattern, the same in every picker: ArrowDown/ArrowUp move through the list (or open
   * it), Enter picks the highlighted option, Escape closes the list; nothing while an input method composes.
   */
  function keydown(event: KeyboardEvent, keys: ComboboxKeys<T>): void {
    if (event.isComposing) return;
    const shown = keys.shown?.() ?? open.value;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        const down = event.key === 'ArrowDown';
        if (shown) {
          event.preventDefault();
          move(down ? 1 : -1);
        } else if (keys.openList && (down || keys.arrowUpOpens)) {
          event.preventDefault();
          keys.openList();
        }
        return;
      }
      case 'Enter': {
        const item = shown ? activeItem.value : undefined;
        if (item !== undefined) {
          event.preventDefault();
          keys.pick(item);
        } else if (keys.enter) keys.enter(event);
        else if (shown) event.preventDefault();
        return;
      }
      case 'Escape':
        if (open.value) {
          event.preventDefault();
          event.stopPropagation();
          close();
          keys.closed?.();
        } else keys.escapeClosed?.(event);
        return;
    }
  }

  return {
    keydown,
    items,
    open,
    active,
    loading,
    failed,
    listboxId,
    activeItem,
    activeDescendant,
    inputAttrs,
    optionId,
    search,
    close,
    move,
    activate,
  };
}

export type Combobox<T> = ReturnType<typeof useCombobox<T>>;
