// Duplicates merged (issue 13): suggestions on a profile, the preview, the merge.
import { graphql } from '../../graphql/generated';

export const PossibleDuplicatesDocument = graphql(`
  query PossibleDuplicates($id: ID!) {
    user(id: $id) {
      id
      possibleDuplicates {
        id
        name
        email
        phone
      }
    }
  }
`);

export const MergeUsersPreviewDocument = graphql(`
  query MergeUsersPreview($sourceId: ID!, $targetId: ID!) {
    mergeUsersPreview(sourceId: $sourceId, targetId: $targetId) {
      source {
        id
        name
      }
      target {
        id
        name
        fields {
          key
          type
          field {
            id
            options {
              id
              title
              value
            }
          }
        }
      }
      emails
      phones
      tags
      choices {
        field
        title
        sourceValue
        targetValue
      }
      ticketsRequested
      ticketsCopied
      historyEntries
    }
  }
`);

export const MergeUsersDocument = graphql(`
  mutation MergeUsers($input: MergeUsersInput!) {
    mergeUsers(input: $input) {
      id
    }
  }
`);
