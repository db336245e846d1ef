// Whether the add-organization dialog is open (admins): one for the whole app,
// opened by the Organizations page and by "+ Add → Organization".
import { sharedDialog } from '../ui/shared-dialog';

export const useAddOrganizationDialog = sharedDialog();
