// Organizations: the list, one organization with its users, the picker.
import { graphql } from '../graphql/generated';

/** What a user, a lookup or a filter shows of an organization. */
graphql(`
  fragment OrganizationRef on Organization {
    id
    name
  }
`);

graphql(`
  fragment OrganizationDetails on Organization {
    id
    name
    domains
    details
    notes
    tags
    externalId
    userCount
    createdAt
    updatedAt
  }
`);

graphql(`
  fragment OrganizationListItem on Organization {
    id
    name
    domains
    userCount
    createdAt
  }
`);

export const OrganizationsDocument = graphql(`
  query Organizations($first: Int, $after: String, $query: String) {
    organizations(first: $first, after: $after, query: $query) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...OrganizationListItem
        }
      }
    }
  }
`);

graphql(`
  fragment OrganizationSuggestion on Organization {
    id
    name
    domains
  }
`);

/** A few matches by name prefix: the organization picker, a LOOKUP field's typeahead. */
export const OrganizationSuggestionsDocument = graphql(`
  query OrganizationSuggestions($query: String, $first: Int) {
    organizations(query: $query, first: $first) {
      edges {
        node {
          ...OrganizationSuggestion
        }
      }
    }
  }
`);

export const OrganizationDocument = graphql(`
  query Organization($id: ID!) {
    organization(id: $id) {
      ...OrganizationDetails
    }
  }
`);

/** Just the name, e.g. for a filter restored from the address bar. */
export const OrganizationNameDocument = graphql(`
  query OrganizationName($id: ID!) {
    organization(id: $id) {
      ...OrganizationRef
    }
  }
`);

export const OrganizationUsersDocument = graphql(`
  query OrganizationUsers($id: ID!, $first: Int, $after: String) {
    organization(id: $id) {
      id
      users(first: $first, after: $after) {
        ...UserPage
      }
    }
  }
`);

export const CreateOrganizationDocument = graphql(`
  mutation CreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      ...OrganizationDetails
    }
  }
`);

export const UpdateOrganizationDocument = graphql(`
  mutation UpdateOrganization($id: ID!, $input: UpdateOrganizationInput!) {
    updateOrganization(id: $id, input: $input) {
      ...OrganizationDetails
    }
  }
`);

export const DeleteOrganizationDocument = graphql(`
  mutation DeleteOrganization($id: ID!) {
    deleteOrganization(id: $id)
  }
`);
