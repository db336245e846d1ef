// The help center's GraphQL operations (typed by `npm run codegen`).
import { publicOperation } from '../graphql/client';
import { graphql } from '../graphql/generated';

export const HelpCenterDocument = graphql(`
  query HelpCenter {
    helpCenter {
      deskName
      signUpOpen
    }
  }
`);

export const SignUpDocument = publicOperation(
  graphql(`
    mutation SignUp($input: SignUpInput!) {
      signUp(input: $input) {
        received
      }
    }
  `),
);

export const AccountLinkDocument = graphql(`
  query AccountLink($token: String!) {
    accountLink(token: $token) {
      state
      purpose
    }
  }
`);

export const UseAccountLinkDocument = publicOperation(
  graphql(`
    mutation UseAccountLink($token: String!, $password: String!) {
      useAccountLink(token: $token, password: $password) {
        ...Viewer
      }
    }
  `),
);

export const RenewAccountLinkDocument = graphql(`
  mutation RenewAccountLink($token: String!) {
    renewAccountLink(token: $token)
  }
`);

export const RequestPasswordResetDocument = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

graphql(`
  fragment HelpTicket on Ticket {
    id
    subject
    status
    updatedAt
  }
`);

export const MyRequestsDocument = graphql(`
  query MyRequests {
    me {
      id
      requestedTickets(first: 50) {
        edges {
          node {
            ...HelpTicket
          }
        }
      }
      ccTickets(first: 50) {
        edges {
          node {
            ...HelpTicket
          }
        }
      }
    }
  }
`);

export const MyRequestDocument = graphql(`
  query MyRequest($id: ID!) {
    ticket(id: $id) {
      ...HelpTicket
      comments(first: 100) {
        edges {
          node {
            id
            body
            createdAt
            authorName
          }
        }
      }
    }
  }
`);

export const ReplyToMyRequestDocument = graphql(`
  mutation ReplyToMyRequest($ticketId: ID!, $body: String!) {
    replyToMyRequest(ticketId: $ticketId, body: $body) {
      id
      body
      createdAt
      authorName
    }
  }
`);
