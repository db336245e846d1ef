// The customer lists the sidebar shows (with their counts), shared by every
// screen that adds, changes or deletes one: they call refresh().
import { ref } from 'vue';
import { request } from '../graphql/client';
import type { CustomerListSummaryFragment } from '../graphql/generated/graphql';
import { latestRequest } from '../ui/latest-request';
import { CustomerListsDocument } from './list-operations';

const lists = ref<CustomerListSummaryFragment[]>([]);
const requests = latestRequest();

/** Reads the lists again (an older answer never replaces a newer one). */
async function refresh(): Promise<void> {
  const current = requests.start();
  try {
    const data = await request(CustomerListsDocument, {});
    if (current()) lists.value = data.customerLists;
  } catch {
    // The sidebar keeps what it had; the list page reports its own errors.
  }
}

export function useCustomerLists() {
  return { lists, refresh };
}
