// What one organization page tells the next: "created" to the new
// organization's page, "deleted" to the list.
import { flashMessage } from '../ui/page/flash';

export const organizationFlash = flashMessage<'created' | 'deleted'>();
