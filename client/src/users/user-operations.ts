// Customers: the list, one profile, adding, changing and deleting, history.
import { graphql } from '../graphql/generated';

/** Forward paging, for every connection the app shows. */
graphql(`
  fragment PageInfoFields on PageInfo {
    hasNextPage
    endCursor
  }
`);

/** A row of a list of users (customers, an organization's users). */
graphql(`
  fragment UserListItem on User {
    id
    name
    email
    role
    suspended
    createdAt
    organization {
      ...OrganizationRef
    }
    identities {
      type
      primary
      displayValue
    }
  }
`);

graphql(`
  fragment UserPage on UserConnection {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...UserListItem
      }
    }
  }
`);

export const UsersDocument = graphql(`
  query Users(
    $first: Int
    $after: String
    $query: String
    $tags: [String!]
    $organizationId: ID
    $fields: [UserFieldFilter!]
    $filter: UserFilterInput
    $sort: UserSortInput
  ) {
    users(first: $first, after: $after, query: $query, tags: $tags, organizationId: $organizationId, fields: $fields, filter: $filter, sort: $sort) {
      ...UserPage
      suggestions
    }
  }
`);

/** What the person asking may do to one account, as the server's rules answer it. */
graphql(`
  fragment UserAbilities on UserPermissions {
    update
    updateOwnProfileOnly
    readPrivateFields
    changeFields
    changeIdentities
    changeRole
    changeSuspended
    changeVerified
    verifyIdentities
    makeUnverifiedEmailPrimary
    setPassword
    unlock
    delete
    merge
  }
`);

/** Everything the profile shows and edits. */
graphql(`
  fragment UserProfile on User {
    id
    name
    email
    role
    phone
    tags
    timeZone
    locale
    externalId
    alias
    details
    notes
    verified
    suspended
    version
    createdVia
    createdAt
    updatedAt
    organization {
      ...OrganizationRef
    }
    identities {
      ...IdentityDetails
    }
    fields {
      ...FieldValue
    }
    viewerCan {
      ...UserAbilities
    }
  }
`);

export const UserDocument = graphql(`
  query User($id: ID!) {
    user(id: $id) {
      ...UserProfile
    }
  }
`);

graphql(`
  fragment WarningDetails on UserWarning {
    code
    field
    message
  }
`);

export const CreateUserDocument = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      user {
        ...UserProfile
      }
      warnings {
        ...WarningDetails
      }
    }
  }
`);

export const UpdateUserDocument = graphql(`
  mutation UpdateUser($id: ID!, $input: UpdateUserInput!, $expectedVersion: Int) {
    updateUser(id: $id, input: $input, expectedVersion: $expectedVersion) {
      ...UserProfile
    }
  }
`);

export const DeleteUserDocument = graphql(`
  mutation DeleteUser($id: ID!) {
    deleteUser(id: $id)
  }
`);

export const SetUserPasswordDocument = graphql(`
  mutation SetUserPassword($id: ID!, $password: String!) {
    setUserPassword(id: $id, password: $password)
  }
`);

export const UnlockUserDocument = graphql(`
  mutation UnlockUser($id: ID!) {
    unlockUser(id: $id)
  }
`);

/** A line of a user's history: who did what, how, and which fields changed. */
graphql(`
  fragment HistoryEvent on UserEvent {
    id
    action
    source
    createdAt
    actor {
      kind
      tokenName
      user {
        id
        name
      }
    }
    changes {
      field
      oldValue
      newValue
      redacted
      oldDisplay {
        ...HistoryValueFields
      }
      newDisplay {
        ...HistoryValueFields
      }
    }
  }
`);

/** A history value as people read it: what it is, and what it refers to now. */
export const HistoryValueFragment = graphql(`
  fragment HistoryValueFields on HistoryValue {
    kind
    value
    label
    refId
    gone
  }
`);

export const UserEventsDocument = graphql(`
  query UserEvents($id: ID!, $first: Int, $after: String) {
    user(id: $id) {
      id
      events(first: $first, after: $after) {
        totalCount
        pageInfo {
          ...PageInfoFields
        }
        edges {
          cursor
          node {
            ...HistoryEvent
          }
        }
      }
    }
  }
`);

/** Earlier notes and details (History's "restore"). */
export const TextVersionsDocument = graphql(`
  query TextVersions($id: ID!) {
    user(id: $id) {
      id
      notes: textVersions(field: NOTES) {
        version
        value
        changedAt
        changedBy {
          id
          name
        }
      }
      details: textVersions(field: DETAILS) {
        version
        value
        changedAt
        changedBy {
          id
          name
        }
      }
    }
  }
`);
