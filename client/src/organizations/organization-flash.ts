// What one organization page tells the next: "created" on the new page,
// "deleted" on the list. Read once.
import { ref } from 'vue';

export type OrganizationFlash = 'created' | 'deleted';

const pending = ref<{ flash: OrganizationFlash; organizationId: string | null } | null>(null);

export function setOrganizationFlash(flash: OrganizationFlash, organizationId: string | null = null): void {
  pending.value = { flash, organizationId };
}

/** The flash for this page (an organization's id, or null for the list), once. */
export function takeOrganizationFlash(organizationId: string | null): OrganizationFlash | null {
  const current = pending.value;
  if (!current || current.organizationId !== organizationId) return null;
  pending.value = null;
  return current.flash;
}
