// Whether the add-customer dialog is open. One dialog for the whole app: the
// top bar's "+ Add" menu and the Customers page both open it.
import { readonly, ref } from 'vue';

const isOpen = ref(false);

export function useAddCustomerDialog() {
  return {
    isOpen: readonly(isOpen),
    open(): void {
      isOpen.value = true;
    },
    close(): void {
      isOpen.value = false;
    },
  };
}
