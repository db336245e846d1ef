// A message handed from the add-customer dialog to the profile it opens:
// "Customer added", and the server's warnings (e.g. a reserved domain).
import type { WarningDetailsFragment } from '../graphql/generated/graphql';

export interface UserFlash {
  userId: string;
  created: boolean;
  warnings: WarningDetailsFragment[];
}

let pending: UserFlash | null = null;

export function setUserFlash(flash: UserFlash): void {
  pending = flash;
}

/** The flash for this user, once. */
export function takeUserFlash(userId: string): UserFlash | null {
  if (pending?.userId !== userId) return null;
  const flash = pending;
  pending = null;
  return flash;
}

/** A message for the Customers page, e.g. after a profile was deleted. */
export type ListFlash = 'deleted';
let pendingList: ListFlash | null = null;

export function setListFlash(flash: ListFlash): void {
  pendingList = flash;
}

export function takeListFlash(): ListFlash | null {
  const flash = pendingList;
  pendingList = null;
  return flash;
}
