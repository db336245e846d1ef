// API tokens for partner apps (admins only).
import { graphql } from '../graphql/generated';

/** The scopes a token may carry (plain strings in the schema). */
export const API_TOKEN_SCOPES = ['users:read', 'users:write', 'import'] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

graphql(`
  fragment ApiTokenDetails on ApiToken {
    id name scopes createdAt lastUsedAt revokedAt
    createdBy { id name }
  }
`);

export const ApiTokensDocument = graphql(`
  query ApiTokens { apiTokens { ...ApiTokenDetails } }
`);

/** The secret is shown once: only a hash is kept on the server. */
export const CreateApiTokenDocument = graphql(`
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) { secret token { ...ApiTokenDetails } }
  }
`);

export const RevokeApiTokenDocument = graphql(`
  mutation RevokeApiToken($id: ID!) { revokeApiToken(id: $id) { ...ApiTokenDetails } }
`);
