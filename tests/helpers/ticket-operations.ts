/** GraphQL documents of the ticket tests. */
export const TICKET_FIELDS = `id subject status via createdAt updatedAt
  requester { id name email createdVia } submitter { id }
  ccs { id name email createdVia }
  comments { totalCount edges { node { id body public via attachments author { id } } } }`;

export const CREATE_TICKET = `mutation CreateTicket($input: CreateTicketInput!) {
  createTicket(input: $input) { ticket { ${TICKET_FIELDS} } createdUsers { id name email createdVia } warnings { code field message } }
}`;

export const GET_TICKET = `query GetTicket($id: ID!) { ticket(id: $id) { ${TICKET_FIELDS} } }`;

export const TICKET_HISTORY = `query TicketHistory($id: ID!) { ticket(id: $id) { id events(first: 50) { totalCount edges { node { action source changes { field oldValue newValue } } } } } }`;

export const LIST_TICKETS = `query ListTickets($first: Int, $after: String, $status: TicketStatus, $requesterId: ID, $query: String) {
  tickets(first: $first, after: $after, status: $status, requesterId: $requesterId, query: $query) {
    totalCount edges { cursor node { id subject status } } pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;

export const USER_TICKETS = `query UserTickets($id: ID!) { user(id: $id) { id
  requestedTickets(first: 10) { totalCount edges { node { id subject } } }
  ccTickets(first: 10) { totalCount edges { node { id subject } } } } }`;

export const ADD_CC = `mutation AddCc($ticketId: ID!, $user: UserRefInput!) {
  addTicketCc(ticketId: $ticketId, user: $user) { ticket { id ccs { id email } } createdUser { id name email createdVia } warnings { code field } }
}`;

export const REMOVE_CC = `mutation RemoveCc($ticketId: ID!, $userId: ID!) {
  removeTicketCc(ticketId: $ticketId, userId: $userId) { ticket { id ccs { id } } createdUser { id } }
}`;

export const ADD_COMMENT = `mutation AddComment($ticketId: ID!, $input: AddTicketCommentInput!) {
  addTicketComment(ticketId: $ticketId, input: $input) { ticket { id comments { totalCount } } comment { id body public author { id } } }
}`;

export const UPDATE_TICKET = `mutation UpdateTicket($id: ID!, $input: UpdateTicketInput!) { updateTicket(id: $id, input: $input) { id subject status requester { id email createdVia } } }`;

export const START_SIDE = `mutation StartSide($input: StartSideConversationInput!) {
  startSideConversation(input: $input) {
    sideConversation { id subject participants { id email createdVia tags } messages { body author { id } } }
    createdUsers { id email createdVia tags } warnings { code field }
  }
}`;

export const ADD_SIDE_MESSAGE = `mutation AddSideMessage($input: AddSideConversationMessageInput!) {
  addSideConversationMessage(input: $input) {
    sideConversation { id messages { id body author { id } } }
    message { id body author { id } }
  }
}`;

export const SUBMIT_REQUEST = `mutation SubmitRequest($input: SubmitRequestInput!) { submitRequest(input: $input) { received } }`;

export const USER_BY_EMAIL = `query($email: String!) { userByEmail(email: $email) { id name email createdVia verified tags } }`;

export const COUNT_USERS = `query($q: String) { users(query: $q) { totalCount } }`;
