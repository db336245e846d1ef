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
        identities {
          type
          primary
          displayValue
        }
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
        identities {
          type
          value
          displayValue
        }
      }
      target {
        id
        name
      }
      emails
      phones
      tags
      choices {
        field
        title
        sourceValue
        targetValue
        sourceDisplay {
          ...HistoryValueFields
        }
        targetDisplay {
          ...HistoryValueFields
        }
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
