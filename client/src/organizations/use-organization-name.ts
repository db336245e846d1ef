import { ref, watch, type Ref } from 'vue';
import { request } from '../graphql/client';
import type { OrganizationRefFragment } from '../graphql/generated/graphql';
import { OrganizationNameDocument } from './organization-operations';

/**
 * A filter by organization keeps only its id (in the address: a link, Back); this is the organization it names, read
 * again when the id changes to another one, and `pick`, which sets both. An id that names no organization is cleared.
 */
export function useOrganizationName(organizationId: Ref<string | null>) {
  const organization = ref<OrganizationRefFragment | null>(null);
  watch(
    organizationId,
    (id) => {
      if ((organization.value?.id ?? null) === id) return;
      organization.value = null;
      if (!id) return;
      request(OrganizationNameDocument, { id })
        .then(({ organization: found }) => {
          if (organizationId.value !== id) return;
          if (found) organization.value = found;
          else organizationId.value = null;
        })
        .catch(() => undefined);
    },
    { immediate: true },
  );
  function pick(picked: OrganizationRefFragment | null): void {
    organization.value = picked;
    organizationId.value = picked?.id ?? null;
  }
  return { organization, pick };
}
