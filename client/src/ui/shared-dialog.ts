// Open/closed state for a dialog the whole app shares (one instance, mounted
// by App.vue): the top bar's "+ Add" menu and the pages open the same one.
import { readonly, ref } from 'vue';

export function sharedDialog() {
  const isOpen = ref(false);
  return () => ({
    isOpen: readonly(isOpen),
    open(): void {
      isOpen.value = true;
    },
    close(): void {
      isOpen.value = false;
    },
  });
}
