// Whether the add-customer dialog is open. One dialog for the whole app: the
// top bar's "+ Add" menu and the Customers page both open it.
import { sharedDialog } from '../ui/shared-dialog';

export const useAddCustomerDialog = sharedDialog();
