/** GraphQL documents the server tests send, as a partner app would. */
export const USER_FIELDS = `id name email role phone organization { id name } tags timeZone locale externalId alias details notes
  verified suspended createdVia createdAt updatedAt
  identities { id type value displayValue primary verified shared deliverability createdAt }`;

export const CREATE_USER = `mutation CreateUser($input: CreateUserInput!) {
  createUser(input: $input) { user { ${USER_FIELDS} } warnings { code field message existingUserId } }
}`;

export const UPDATE_USER = `mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {
  updateUser(id: $id, input: $input) { ${USER_FIELDS} }
}`;

export const GET_USER = `query GetUser($id: ID!) { user(id: $id) { ${USER_FIELDS} } }`;

export const LIST_USERS = `query ListUsers($first: Int, $after: String, $query: String) {
  users(first: $first, after: $after, query: $query) {
    totalCount
    edges { cursor node { id name email } }
    pageInfo { hasNextPage endCursor }
  }
}`;
