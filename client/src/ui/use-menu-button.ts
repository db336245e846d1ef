// The ARIA menu button pattern: a button opens a list of menu items; arrows,
// Home and End move between them, Escape closes and returns focus, Tab or a
// click elsewhere closes. An open menu is moved sideways as far as needed to
// stay on the screen (a button near a phone's edge).
import { nextTick, onBeforeUnmount, ref, watch } from 'vue';

export function useMenuButton() {
  const open = ref(false);
  const root = ref<HTMLElement | null>(null);
  const button = ref<HTMLButtonElement | null>(null);
  const menu = ref<HTMLElement | null>(null);

  function items(): HTMLElement[] {
    return Array.from(menu.value?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
  }

  /** Keeps the open menu inside the viewport, with a small margin. */
  function keepOnScreen(): void {
    const el = menu.value;
    if (!el) return;
    el.style.translate = '';
    const margin = 8;
    const rect = el.getBoundingClientRect();
    const viewport = document.documentElement.clientWidth || window.innerWidth;
    let shift = 0;
    if (rect.right > viewport - margin) shift = viewport - margin - rect.right;
    if (rect.left + shift < margin) shift = margin - rect.left;
    if (shift !== 0) el.style.translate = `${Math.round(shift)}px 0`;
  }

  async function show(focusIndex = 0): Promise<void> {
    open.value = true;
    await nextTick();
    keepOnScreen();
    const list = items();
    list.at(focusIndex % list.length)?.focus();
  }

  function hide(returnFocus = true): void {
    open.value = false;
    if (returnFocus) button.value?.focus();
  }

  function toggle(): void {
    if (open.value) hide();
    else void show();
  }

  function onMenuKeydown(event: KeyboardEvent): void {
    const list = items();
    const index = list.indexOf(document.activeElement as HTMLElement);
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        list[(index + 1) % list.length]?.focus();
        break;
      case 'ArrowUp':
        event.preventDefault();
        list.at((index - 1) % list.length)?.focus();
        break;
      case 'Home':
        event.preventDefault();
        list[0]?.focus();
        break;
      case 'End':
        event.preventDefault();
        list.at(-1)?.focus();
        break;
      case 'Escape':
        event.preventDefault();
        hide();
        break;
      case 'Tab':
        hide(false);
        break;
    }
  }

  function onDocumentPointerDown(event: PointerEvent): void {
    if (root.value && !root.value.contains(event.target as Node)) hide(false);
  }

  watch(open, (isOpen) => {
    if (isOpen) document.addEventListener('pointerdown', onDocumentPointerDown);
    else document.removeEventListener('pointerdown', onDocumentPointerDown);
  });
  onBeforeUnmount(() => document.removeEventListener('pointerdown', onDocumentPointerDown));

  return { open, root, button, menu, show, hide, toggle, onMenuKeydown };
}
