// Customer lists, the users they hold, bulk actions (issue 9).
import { graphql } from '../graphql/generated';
import type { SortDirection, UserFilterInput, UserSortField } from '../graphql/generated/graphql';

/** A list as its edit dialog changes it (its filter apart). */
export interface EditedList {
  id: string;
  name: string;
  shared: boolean;
  columns: string[];
  sort: { field: UserSortField; direction: SortDirection } | null;
}

/**
 * The Customers page's address for a list's filter (?q=&role=&tag=&org=&field=&value=&list=), to change it
 * there; null when the filter has parts that page cannot show (several roles, dates, any/none tags…).
 * A filter without roles holds everyone (role=ALL: the page shows end users unless told).
 */
export function customersLinkOf(id: string, f: UserFilterInput): string | null {
  const shown = new Set(['query', 'roles', 'tagsAll', 'organizationId', 'fields']);
  if ((f.roles?.length ?? 0) > 1) return null;
  const given = Object.entries(f).filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0));
  if (given.some(([k]) => !shown.has(k))) return null;
  const fields = f.fields ?? [];
  if (fields.length > 1 || fields.some((x) => x.isEmpty || x.before || x.after || (x.values?.length ?? 0) > 1)) return null;
  const params = new URLSearchParams();
  if (f.query) params.set('q', f.query);
  const role = f.roles?.[0] ?? 'ALL';
  if (role !== 'END_USER') params.set('role', role);
  for (const tag of f.tagsAll ?? []) params.append('tag', tag);
  if (f.organizationId) params.set('org', f.organizationId);
  if (fields[0]) {
    params.set('field', fields[0].key);
    const value = fields[0].equals ?? fields[0].values?.[0];
    if (value) params.set('value', value);
  }
  params.set('list', id);
  return `/customers?${params.toString()}`;
}

graphql(`
  fragment CustomerListSummary on CustomerList {
    id
    name
    shared
    userCount
  }
`);

export const CustomerListsDocument = graphql(`
  query CustomerLists {
    customerLists {
      ...CustomerListSummary
    }
  }
`);

export const CustomerListDocument = graphql(`
  query CustomerList($id: ID!) {
    customerList(id: $id) {
      ...CustomerListSummary
      columns
      viewerCanManage
      sort {
        field
        direction
      }
      filter {
        query
        tagsAll
        tagsAny
        tagsNone
        organizationId
        withoutOrganization
        roles
        verified
        suspended
        createdAfter
        createdBefore
        updatedAfter
        updatedBefore
        fields {
          key
          equals
          values
          isEmpty
          before
          after
        }
      }
    }
  }
`);

export const CreateCustomerListDocument = graphql(`
  mutation CreateCustomerList($input: CreateCustomerListInput!) {
    createCustomerList(input: $input) {
      ...CustomerListSummary
    }
  }
`);

export const UpdateCustomerListDocument = graphql(`
  mutation UpdateCustomerList($id: ID!, $input: UpdateCustomerListInput!) {
    updateCustomerList(id: $id, input: $input) {
      ...CustomerListSummary
    }
  }
`);

export const DeleteCustomerListDocument = graphql(`
  mutation DeleteCustomerList($id: ID!) {
    deleteCustomerList(id: $id)
  }
`);

export const ListUsersDocument = graphql(`
  query ListUsers($first: Int, $after: String, $filter: UserFilterInput, $sort: UserSortInput) {
    users(first: $first, after: $after, filter: $filter, sort: $sort) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...UserListItem
          phone
          tags
          externalId
          alias
          timeZone
          locale
          verified
          updatedAt
          fields {
            key
            type
            text
            number
            boolean
            date
            value
          }
        }
      }
    }
  }
`);

export const BulkUpdateUsersDocument = graphql(`
  mutation BulkUpdateUsers($input: BulkUpdateUsersInput!) {
    bulkUpdateUsers(input: $input) {
      matched
      changed
      failedCount
      failed {
        id
        code
        message
      }
    }
  }
`);

export const BulkDeleteUsersDocument = graphql(`
  mutation BulkDeleteUsers($input: BulkDeleteUsersInput!) {
    bulkDeleteUsers(input: $input) {
      matched
      changed
      failedCount
      failed {
        id
        code
        message
      }
    }
  }
`);
