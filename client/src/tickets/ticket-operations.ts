// The tickets' GraphQL operations (typed by `npm run codegen`). The writes that
// name people by address answer the server's warnings about them (WarningDetails,
// users/user-operations.ts).
import { graphql } from '../graphql/generated';

graphql(`
  fragment TicketPerson on User {
    id
    name
    email
  }
`);

graphql(`
  fragment TicketListItem on Ticket {
    id
    subject
    status
    held
    via
    createdAt
    updatedAt
    requester {
      ...TicketPerson
    }
  }
`);

graphql(`
  fragment TicketDetail on Ticket {
    id
    subject
    status
    held
    via
    createdAt
    updatedAt
    requester {
      ...TicketPerson
    }
    submitter {
      ...TicketPerson
    }
    ccs {
      ...TicketPerson
    }
    comments(first: 100) {
      totalCount
      edges {
        node {
          id
          body
          public
          via
          attachments
          createdAt
          author {
            ...TicketPerson
          }
        }
      }
    }
    sideConversations {
      id
      subject
      createdAt
      participants {
        ...TicketPerson
      }
      messages {
        id
        body
        createdAt
        author {
          ...TicketPerson
        }
      }
    }
  }
`);

export const TicketsDocument = graphql(`
  query Tickets($first: Int, $after: String, $query: String, $status: TicketStatus, $held: Boolean, $requesterId: ID) {
    tickets(first: $first, after: $after, query: $query, status: $status, held: $held, requesterId: $requesterId) {
      totalCount
      edges {
        cursor
        node {
          ...TicketListItem
        }
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
    }
  }
`);

export const UserTicketsDocument = graphql(`
  query UserTickets($id: ID!, $first: Int, $after: String) {
    user(id: $id) {
      id
      requestedTickets(first: $first, after: $after) {
        totalCount
        edges {
          cursor
          node {
            ...TicketListItem
          }
        }
        pageInfo {
          hasNextPage
          hasPreviousPage
          startCursor
          endCursor
        }
      }
    }
  }
`);

export const UserCcTicketsDocument = graphql(`
  query UserCcTickets($id: ID!, $first: Int, $after: String) {
    user(id: $id) {
      id
      ccTickets(first: $first, after: $after) {
        totalCount
        edges {
          cursor
          node {
            ...TicketListItem
          }
        }
        pageInfo {
          hasNextPage
          hasPreviousPage
          startCursor
          endCursor
        }
      }
    }
  }
`);

export const TicketDocument = graphql(`
  query Ticket($id: ID!) {
    ticket(id: $id) {
      ...TicketDetail
    }
  }
`);

export const RequesterSuggestionsDocument = graphql(`
  query RequesterSuggestions($query: String, $first: Int) {
    users(query: $query, first: $first) {
      edges {
        node {
          ...TicketPerson
        }
      }
    }
  }
`);

export const CreateTicketDocument = graphql(`
  mutation CreateTicket($input: CreateTicketInput!) {
    createTicket(input: $input) {
      ticket {
        id
      }
      createdUsers {
        ...TicketPerson
      }
      warnings {
        ...WarningDetails
      }
    }
  }
`);

export const UpdateTicketDocument = graphql(`
  mutation UpdateTicket($id: ID!, $input: UpdateTicketInput!) {
    updateTicket(id: $id, input: $input) {
      ...TicketDetail
    }
  }
`);

export const AddTicketCommentDocument = graphql(`
  mutation AddTicketComment($ticketId: ID!, $input: AddTicketCommentInput!) {
    addTicketComment(ticketId: $ticketId, input: $input) {
      ticket {
        ...TicketDetail
      }
    }
  }
`);

export const AddTicketCcDocument = graphql(`
  mutation AddTicketCc($ticketId: ID!, $user: UserRefInput!) {
    addTicketCc(ticketId: $ticketId, user: $user) {
      ticket {
        ...TicketDetail
      }
      createdUser {
        ...TicketPerson
      }
      warnings {
        ...WarningDetails
      }
    }
  }
`);

export const RemoveTicketCcDocument = graphql(`
  mutation RemoveTicketCc($ticketId: ID!, $userId: ID!) {
    removeTicketCc(ticketId: $ticketId, userId: $userId) {
      ticket {
        ...TicketDetail
      }
    }
  }
`);

export const StartSideConversationDocument = graphql(`
  mutation StartSideConversation($input: StartSideConversationInput!) {
    startSideConversation(input: $input) {
      sideConversation {
        id
      }
      createdUsers {
        ...TicketPerson
      }
      warnings {
        ...WarningDetails
      }
    }
  }
`);

export const AddSideConversationMessageDocument = graphql(`
  mutation AddSideConversationMessage($input: AddSideConversationMessageInput!) {
    addSideConversationMessage(input: $input) {
      message {
        id
      }
    }
  }
`);

export const SubmitRequestDocument = graphql(`
  mutation SubmitRequest($input: SubmitRequestInput!) {
    submitRequest(input: $input) {
      received
    }
  }
`);

export const TicketEventsDocument = graphql(`
  query TicketEvents($id: ID!, $first: Int) {
    ticket(id: $id) {
      id
      events(first: $first) {
        totalCount
        edges {
          node {
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
            }
          }
        }
      }
    }
  }
`);
