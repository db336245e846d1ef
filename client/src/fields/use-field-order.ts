// Reordering a list of fields three ways, each ending in one save of the new
// order: drag and drop by a handle (HTML5 drag events), the keyboard on that
// handle (Space or Enter picks up, arrows move, Space or Enter drops, Escape
// cancels), and plain Move up / Move down buttons. Every step is announced
// through a live region; a failed save restores the previous order.
import { nextTick, ref, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';

export interface FieldOrderOptions<T> {
  items: Ref<T[]>;
  idOf: (item: T) => string;
  nameOf: (item: T) => string;
  /** The handle of an item, to keep the focus on it while it moves. */
  handleOf: (id: string) => HTMLElement | null;
  /** Saves the order in `items`; throws to have the previous order restored. */
  save: () => Promise<void>;
}

export function useFieldOrder<T>(options: FieldOrderOptions<T>) {
  const { items, idOf, nameOf, handleOf } = options;
  const { t } = useI18n();

  /** Picked up with the keyboard. */
  const grabbedId = ref<string | null>(null);
  /** Being dragged with the pointer. */
  const draggingId = ref<string | null>(null);
  const saving = ref(false);
  const announcement = ref('');
  let before: T[] | null = null;

  function indexOf(id: string): number {
    return items.value.findIndex((item) => idOf(item) === id);
  }

  function place(id: string): { title: string; position: number; total: number } {
    const index = indexOf(id);
    const item = items.value[index];
    return { title: item ? nameOf(item) : '', position: index + 1, total: items.value.length };
  }

  function announce(message: string): void {
    announcement.value = message;
  }

  function moveTo(id: string, target: number): boolean {
    const from = indexOf(id);
    const to = Math.max(0, Math.min(items.value.length - 1, target));
    if (from < 0 || from === to) return false;
    const next = items.value.slice();
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved as T);
    items.value = next;
    return true;
  }

  async function refocus(id: string): Promise<void> {
    await nextTick();
    const handle = handleOf(id);
    if (handle && document.activeElement !== handle) handle.focus();
  }

  function sameOrder(a: readonly T[], b: readonly T[]): boolean {
    return a.length === b.length && a.every((item, index) => idOf(item) === idOf(b[index] as T));
  }

  /** Saves when the order changed; on failure puts `previous` back. */
  async function commit(previous: T[], spoken: string): Promise<void> {
    if (sameOrder(previous, items.value)) {
      announce(spoken);
      return;
    }
    saving.value = true;
    try {
      await options.save();
      announce(`${spoken} ${t('userFields.reorder.saved')}`);
    } catch {
      items.value = previous;
      announce(t('userFields.reorder.failed'));
    } finally {
      saving.value = false;
    }
  }

  // --- Keyboard ---

  function pickUp(id: string): void {
    before = items.value.slice();
    grabbedId.value = id;
    announce(t('userFields.reorder.pickedUp', place(id)));
  }

  async function drop(id: string): Promise<void> {
    const previous = before ?? items.value.slice();
    before = null;
    grabbedId.value = null;
    await commit(previous, t('userFields.reorder.dropped', place(id)));
    await refocus(id);
  }

  function cancel(id: string, keepFocus = true): void {
    if (before) items.value = before;
    before = null;
    grabbedId.value = null;
    announce(t('userFields.reorder.cancelled', place(id)));
    if (keepFocus) void refocus(id);
  }

  function onHandleKeydown(item: T, event: KeyboardEvent): void {
    const id = idOf(item);
    const grabbed = grabbedId.value === id;
    switch (event.key) {
      case ' ':
      case 'Spacebar':
      case 'Enter':
        event.preventDefault();
        if (grabbed) void drop(id);
        else if (!saving.value && !draggingId.value) pickUp(id);
        return;
      case 'Escape':
        if (!grabbed) return;
        event.preventDefault();
        event.stopPropagation();
        cancel(id);
        return;
      case 'ArrowUp':
      case 'ArrowDown':
      case 'Home':
      case 'End': {
        if (!grabbed) return;
        event.preventDefault();
        const index = indexOf(id);
        const target =
          event.key === 'ArrowUp' ? index - 1 : event.key === 'ArrowDown' ? index + 1 : event.key === 'Home' ? 0 : items.value.length - 1;
        if (moveTo(id, target)) announce(t('userFields.reorder.moved', place(id)));
        void refocus(id);
        return;
      }
      case 'Tab':
        // Leaving the handle with a field in hand puts it back.
        if (grabbed) cancel(id, false);
        return;
    }
  }

  /** Focus went elsewhere (a click away) while a field was picked up: put it back. */
  function onHandleBlur(item: T): void {
    const id = idOf(item);
    if (grabbedId.value !== id) return;
    setTimeout(() => {
      if (grabbedId.value === id && document.activeElement !== handleOf(id)) cancel(id, false);
    }, 0);
  }

  // --- Pointer: HTML5 drag and drop ---

  function onDragStart(item: T, event: DragEvent): void {
    if (saving.value || grabbedId.value) {
      event.preventDefault();
      return;
    }
    const id = idOf(item);
    before = items.value.slice();
    draggingId.value = id;
    const transfer = event.dataTransfer;
    if (transfer) {
      transfer.effectAllowed = 'move';
      transfer.setData('text/plain', nameOf(item));
      const row = (event.currentTarget as HTMLElement | null)?.closest('tr');
      if (row && typeof transfer.setDragImage === 'function') transfer.setDragImage(row, 24, 20);
    }
  }

  /** Over another row: the dragged one takes its place, so the list shows where it lands. */
  function onDragOver(item: T, event: DragEvent): void {
    const id = draggingId.value;
    if (!id) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
    const target = idOf(item);
    if (target !== id) moveTo(id, indexOf(target));
  }

  function onDrop(event: DragEvent): void {
    const id = draggingId.value;
    if (!id) return;
    event.preventDefault();
    const previous = before ?? items.value.slice();
    before = null;
    draggingId.value = null;
    void commit(previous, t('userFields.reorder.dropped', place(id)));
  }

  /** The drag ended without a drop on the list: nothing moves. */
  function onDragEnd(): void {
    if (!draggingId.value) return;
    if (before) items.value = before;
    before = null;
    draggingId.value = null;
  }

  // --- Buttons ---

  async function moveBy(item: T, delta: number): Promise<void> {
    if (saving.value || grabbedId.value || draggingId.value) return;
    const id = idOf(item);
    const previous = items.value.slice();
    if (!moveTo(id, indexOf(id) + delta)) return;
    await commit(previous, t('userFields.reorder.moved', place(id)));
  }

  return {
    grabbedId,
    draggingId,
    saving,
    announcement,
    onHandleKeydown,
    onHandleBlur,
    onDragStart,
    onDragOver,
    onDrop,
    onDragEnd,
    moveBy,
  };
}
