// Deleted customers: the list, restoring one, deleting one permanently (issue 13).
import { graphql } from '../../graphql/generated';

graphql(`
  fragment DeletedCustomer on DeletedUser {
    id
    name
    email
    phone
    deletedAt
    eraseAfter
    deletedBy {
      id
      name
    }
  }
`);

export const DeletedUsersDocument = graphql(`
  query DeletedUsers($first: Int, $after: String) {
    deletedUsers(first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          ...DeletedCustomer
        }
      }
      pageInfo {
        ...PageInfoFields
      }
    }
  }
`);

export const RestoreUserDocument = graphql(`
  mutation RestoreUser($id: ID!) {
    restoreUser(id: $id) {
      id
      name
    }
  }
`);

export const EraseUserDocument = graphql(`
  mutation EraseUser($id: ID!) {
    eraseUser(id: $id)
  }
`);
