// API tokens for partner apps (admins only).
import { graphql } from '../graphql/generated';
import { inOrder } from '../graphql/enum-order';
import { ApiTokenScope } from '../graphql/generated/graphql';

export type { ApiTokenScope };

/** The scopes a token may carry (the schema's ApiTokenScope enum), in the order the form lists them. */
export const API_TOKEN_SCOPES = inOrder(ApiTokenScope, ['USERS_READ', 'USERS_WRITE', 'IMPORT', 'TICKETS_READ', 'TICKETS_WRITE', 'INBOUND']);

graphql(`
  fragment ApiTokenDetails on ApiToken {
    id
    name
    scopes
    createdAt
    lastUsedAt
    revokedAt
    createdBy {
      id
      name
    }
  }
`);

export const ApiTokensDocument = graphql(`
  query ApiTokens {
    apiTokens {
      ...ApiTokenDetails
    }
  }
`);

/** The secret is shown once: only a hash is kept on the server. */
export const CreateApiTokenDocument = graphql(`
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      secret
      token {
        ...ApiTokenDetails
      }
    }
  }
`);

export const RevokeApiTokenDocument = graphql(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) {
      ...ApiTokenDetails
    }
  }
`);
