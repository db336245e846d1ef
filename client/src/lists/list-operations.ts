// Customer lists, the users they hold, bulk actions (issue 9).
import { graphql } from '../graphql/generated';

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
            text
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
    }
  }
`);

export const BulkDeleteUsersDocument = graphql(`
  mutation BulkDeleteUsers($input: BulkDeleteUsersInput!) {
    bulkDeleteUsers(input: $input) {
      matched
      changed
      failedCount
    }
  }
`);
