// What the add-customer dialog hands to the profile it opens ("Customer
// added", and the server's warnings, e.g. a reserved domain), and what a
// deleted profile hands to the Customers list.
import type { WarningDetailsFragment } from '../graphql/generated/graphql';
import { flashMessage } from '../ui/page/flash';

export interface UserFlash {
  created: boolean;
  warnings: WarningDetailsFragment[];
}

/** To a profile, by the user's id. */
export const userFlash = flashMessage<UserFlash>();
/** To the Customers list. */
export const customerListFlash = flashMessage<'deleted'>();
