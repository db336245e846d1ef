// Custom user fields: their definitions (admin settings, the list filter) and
// their values on a profile.
import { graphql } from '../graphql/generated';

/** A field's definition as an admin manages it. */
graphql(`
  fragment FieldDefinition on UserField {
    id
    key
    title
    description
    type
    pattern
    patternHint
    lookupTarget
    required
    active
    position
    createdAt
    updatedAt
    options {
      id
      title
      value
      position
    }
  }
`);

/** One active field on a user (value null when unset), with what the editor needs of its definition. */
graphql(`
  fragment FieldValue on UserFieldValue {
    key
    type
    value
    values
    text
    number
    boolean
    date
    options {
      id
      title
      value
    }
    user {
      id
      name
    }
    organization {
      ...OrganizationRef
    }
    field {
      id
      key
      title
      description
      type
      required
      pattern
      patternHint
      lookupTarget
      options {
        id
        title
        value
      }
    }
  }
`);

export const UserFieldsDocument = graphql(`
  query UserFields($active: Boolean) {
    userFields(active: $active) {
      ...FieldDefinition
    }
  }
`);

export const CreateUserFieldDocument = graphql(`
  mutation CreateUserField($input: CreateUserFieldInput!) {
    createUserField(input: $input) {
      ...FieldDefinition
    }
  }
`);

export const UpdateUserFieldDocument = graphql(`
  mutation UpdateUserField($id: ID!, $input: UpdateUserFieldInput!) {
    updateUserField(id: $id, input: $input) {
      ...FieldDefinition
    }
  }
`);

export const ReorderUserFieldsDocument = graphql(`
  mutation ReorderUserFields($ids: [ID!]!) {
    reorderUserFields(ids: $ids) {
      ...FieldDefinition
    }
  }
`);

export const DeleteUserFieldDocument = graphql(`
  mutation DeleteUserField($id: ID!) {
    deleteUserField(id: $id)
  }
`);

/** A few users for a LOOKUP field's typeahead. */
export const LookupUsersDocument = graphql(`
  query LookupUsers($query: String, $first: Int) {
    users(query: $query, first: $first) {
      edges {
        node {
          id
          name
          email
        }
      }
    }
  }
`);

/** How many end users have no value for each field: what making one required leaves to fill in. */
export const MissingValueCountsDocument = graphql(`
  query MissingValueCounts {
    userFields {
      id
      missingValueCount
    }
  }
`);
