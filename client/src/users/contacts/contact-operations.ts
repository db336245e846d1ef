// A user's email addresses and phone numbers (identities).
import { graphql } from '../../graphql/generated';

graphql(`
  fragment IdentityDetails on UserIdentity {
    id
    type
    value
    displayValue
    primary
    verified
    deliverability
    shared
    createdAt
    sharedWith {
      id
      name
    }
  }
`);

/** Warnings: SHARED_PHONE (with existingUserId), UNDELIVERABLE_RESERVED, ... */
export const AddUserIdentityDocument = graphql(`
  mutation AddUserIdentity($userId: ID!, $input: AddUserIdentityInput!) {
    addUserIdentity(userId: $userId, input: $input) {
      identity {
        ...IdentityDetails
      }
      user {
        ...UserProfile
      }
      warnings {
        ...WarningDetails
        existingUserId
      }
    }
  }
`);

export const RemoveUserIdentityDocument = graphql(`
  mutation RemoveUserIdentity($id: ID!) {
    removeUserIdentity(id: $id) {
      ...UserProfile
    }
  }
`);

export const MakeUserIdentityPrimaryDocument = graphql(`
  mutation MakeUserIdentityPrimary($id: ID!) {
    makeUserIdentityPrimary(id: $id) {
      ...UserProfile
    }
  }
`);

export const VerifyUserIdentityDocument = graphql(`
  mutation VerifyUserIdentity($id: ID!) {
    verifyUserIdentity(id: $id) {
      ...IdentityDetails
    }
  }
`);
