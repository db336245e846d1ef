import { ref, type Ref } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { request } from '../graphql/client';
import type { UserFilterInput } from '../graphql/generated/graphql';
import { useCustomerLists } from './customer-lists-store';
import { CustomerListDocument, UpdateCustomerListDocument } from './list-operations';

/**
 * The Customers page opened from a list's "Change its filter" (?list=): the list the search shown can replace the
 * filter of (when the viewer may manage it), and `update`, which saves that filter and goes back to the list.
 */
export function useEditedList(filter: Ref<UserFilterInput>) {
  const route = useRoute();
  const router = useRouter();
  const customerLists = useCustomerLists();
  const list = ref<{ id: string; name: string } | null>(null);
  const updating = ref(false);
  if (typeof route.query.list === 'string' && route.query.list) {
    request(CustomerListDocument, { id: route.query.list })
      .then(({ customerList }) => {
        if (customerList?.viewerCanManage) list.value = { id: customerList.id, name: customerList.name };
      })
      .catch(() => undefined);
  }
  async function update(): Promise<void> {
    if (!list.value) return;
    updating.value = true;
    try {
      await request(UpdateCustomerListDocument, { id: list.value.id, input: { filter: filter.value } });
      void customerLists.refresh();
      await router.push(`/lists/${list.value.id}`);
    } finally {
      updating.value = false;
    }
  }
  return { list, updating, update };
}
