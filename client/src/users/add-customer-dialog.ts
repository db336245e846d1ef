// Whether the add-customer dialog is open. One dialog for the whole app: the
// top bar's "+ Add" menu and the Customers page both open it. A form that
// names a new customer without creating it yet (the new-ticket form: the
// ticket and the customer are saved together) opens it with `openFor`: the
// dialog starts from what was typed and hands the name and email back.
import { shallowRef } from 'vue';
import { sharedDialog } from '../ui/shared-dialog';

export interface NewCustomer {
  name: string;
  email: string;
}

interface Pick {
  prefill: NewCustomer;
  use: (customer: NewCustomer) => void;
}

const shared = sharedDialog();
const pick = shallowRef<Pick | null>(null);

export function useAddCustomerDialog() {
  const dialog = shared();
  return {
    isOpen: dialog.isOpen,
    /** Set while the dialog was opened by openFor. */
    pick,
    open(): void {
      pick.value = null;
      dialog.open();
    },
    openFor(prefill: NewCustomer, use: (customer: NewCustomer) => void): void {
      pick.value = { prefill, use };
      dialog.open();
    },
    close(): void {
      dialog.close();
    },
  };
}
