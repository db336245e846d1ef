// CSV imports of users (admins): the list, one import with its failing rows and its warnings, run and cancel.
// The file itself goes up through POST /imports/users (upload.ts): GraphQL carries no files.
import { graphql } from '../graphql/generated';

graphql(`
  fragment ImportJobSummary on ImportJob {
    id
    status
    mode
    fileName
    rowsTotal
    rowsRead
    created
    updated
    unchanged
    failed
    warningCount
    rowsPerSecond
    secondsLeft
    fileError
    failedRowsUrl
    warningsUrl
    createdAt
    finishedAt
  }
`);

export const ImportJobsDocument = graphql(`
  query ImportJobs($first: Int, $after: String) {
    importJobs(first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          ...ImportJobSummary
        }
      }
      pageInfo {
        ...PageInfoFields
      }
    }
  }
`);

export const ImportJobDocument = graphql(`
  query ImportJob($id: ID!) {
    importJob(id: $id) {
      ...ImportJobSummary
      errors(first: 100) {
        cursor
        line
        column
        code
        message
      }
      warnings(first: 100) {
        cursor
        line
        column
        code
        message
      }
    }
  }
`);

export const RunImportJobDocument = graphql(`
  mutation RunImportJob($id: ID!) {
    runImportJob(id: $id) {
      ...ImportJobSummary
    }
  }
`);

export const CancelImportJobDocument = graphql(`
  mutation CancelImportJob($id: ID!) {
    cancelImportJob(id: $id) {
      ...ImportJobSummary
    }
  }
`);

/** Statuses after which a job changes no more (a preview waits for Run). */
export const SETTLED = new Set(['PREVIEWED', 'DONE', 'FAILED', 'CANCELLED']);
