// The admin app's GraphQL operations, with result and variable types
// matching schema.graphql.
import type { Operation } from './client';
import type {
  ApiToken,
  CreateApiTokenInput,
  CreateApiTokenPayload,
  CreateUserInput,
  PageInfo,
  UpdateUserInput,
  User,
  UserEventConnection,
  UserIdentity,
  UserWarning,
  Viewer,
} from './schema-types';

const USER_FIELDS = `
  fragment UserFields on User {
    id name email role phone organization tags timeZone locale externalId alias
    details notes verified suspended createdVia createdAt updatedAt
    identities { id type value displayValue primary verified deliverability createdAt }
  }`;

export type UserListItem = Pick<
  User,
  'id' | 'name' | 'email' | 'organization' | 'role' | 'suspended' | 'createdAt'
> & { identities: Pick<UserIdentity, 'type' | 'primary' | 'displayValue'>[] };

export interface UsersData {
  users: {
    totalCount: number;
    pageInfo: PageInfo;
    edges: { cursor: string; node: UserListItem }[];
  };
}
export interface UsersVariables {
  first?: number;
  after?: string | null;
  query?: string | null;
}
export const USERS: Operation<UsersData, UsersVariables> = {
  operationName: 'Users',
  query: `query Users($first: Int, $after: String, $query: String) {
    users(first: $first, after: $after, query: $query) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        cursor
        node {
          id name email organization role suspended createdAt
          identities { type primary displayValue }
        }
      }
    }
  }`,
};

export interface UserData {
  user: User | null;
}
export interface UserVariables {
  id: string;
}
export const USER: Operation<UserData, UserVariables> = {
  operationName: 'User',
  query: `query User($id: ID!) { user(id: $id) { ...UserFields } }
  ${USER_FIELDS}`,
};

export interface CreateUserData {
  createUser: { user: User; warnings: UserWarning[] };
}
export interface CreateUserVariables {
  input: CreateUserInput;
}
export const CREATE_USER: Operation<CreateUserData, CreateUserVariables> = {
  operationName: 'CreateUser',
  query: `mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      user { ...UserFields }
      warnings { code field message }
    }
  }
  ${USER_FIELDS}`,
};

export interface UpdateUserData {
  updateUser: User;
}
export interface UpdateUserVariables {
  id: string;
  input: UpdateUserInput;
}
export const UPDATE_USER: Operation<UpdateUserData, UpdateUserVariables> = {
  operationName: 'UpdateUser',
  query: `mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {
    updateUser(id: $id, input: $input) { ...UserFields }
  }
  ${USER_FIELDS}`,
};

// --- Signing in and out, passwords ---

const VIEWER_FIELDS = 'id name email role';

export interface MeData {
  me: Viewer | null;
}
export const ME: Operation<MeData, Record<string, never>> = {
  operationName: 'Me',
  query: `query Me { me { ${VIEWER_FIELDS} } }`,
};

export interface SignInData {
  signIn: Viewer;
}
export interface SignInVariables {
  email: string;
  password: string;
}
/** A failed sign-in answers UNAUTHENTICATED: not a lapsed session, so `public`. */
export const SIGN_IN: Operation<SignInData, SignInVariables> = {
  operationName: 'SignIn',
  query: `mutation SignIn($email: String!, $password: String!) {
    signIn(email: $email, password: $password) { ${VIEWER_FIELDS} }
  }`,
  public: true,
};

export const SIGN_OUT: Operation<{ signOut: boolean }, Record<string, never>> = {
  operationName: 'SignOut',
  query: 'mutation SignOut { signOut }',
  public: true,
};

export interface ChangePasswordVariables {
  currentPassword: string;
  newPassword: string;
}
export const CHANGE_PASSWORD: Operation<{ changePassword: boolean }, ChangePasswordVariables> = {
  operationName: 'ChangePassword',
  query: `mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }`,
};

// --- An end user's own profile: only the fields they may read and change ---

export type OwnProfile = Pick<User, 'id' | 'name' | 'email' | 'role' | 'phone' | 'timeZone' | 'locale'>;
const OWN_PROFILE_FIELDS = 'id name email role phone timeZone locale';

export const MY_PROFILE: Operation<{ me: OwnProfile | null }, Record<string, never>> = {
  operationName: 'MyProfile',
  query: `query MyProfile { me { ${OWN_PROFILE_FIELDS} } }`,
};

export interface UpdateMyProfileVariables {
  id: string;
  input: Pick<UpdateUserInput, 'name' | 'phone' | 'timeZone' | 'locale'>;
}
export const UPDATE_MY_PROFILE: Operation<{ updateUser: OwnProfile }, UpdateMyProfileVariables> = {
  operationName: 'UpdateMyProfile',
  query: `mutation UpdateMyProfile($id: ID!, $input: UpdateUserInput!) {
    updateUser(id: $id, input: $input) { ${OWN_PROFILE_FIELDS} }
  }`,
};

// --- Deleting an account ---

export const DELETE_USER: Operation<{ deleteUser: boolean }, { id: string }> = {
  operationName: 'DeleteUser',
  query: 'mutation DeleteUser($id: ID!) { deleteUser(id: $id) }',
};

// --- History ---

export interface UserEventsData {
  user: { id: string; events: UserEventConnection } | null;
}
export interface UserEventsVariables {
  id: string;
  first?: number;
  after?: string | null;
}
export const USER_EVENTS: Operation<UserEventsData, UserEventsVariables> = {
  operationName: 'UserEvents',
  query: `query UserEvents($id: ID!, $first: Int, $after: String) {
    user(id: $id) {
      id
      events(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges {
          cursor
          node {
            id action source createdAt
            actor { kind tokenName user { id name } }
            changes { field oldValue newValue redacted }
          }
        }
      }
    }
  }`,
};

// --- API tokens ---

const API_TOKEN_FIELDS = 'id name scopes createdAt lastUsedAt revokedAt createdBy { id name }';

export const API_TOKENS: Operation<{ apiTokens: ApiToken[] }, Record<string, never>> = {
  operationName: 'ApiTokens',
  query: `query ApiTokens { apiTokens { ${API_TOKEN_FIELDS} } }`,
};

export const CREATE_API_TOKEN: Operation<
  { createApiToken: CreateApiTokenPayload },
  { input: CreateApiTokenInput }
> = {
  operationName: 'CreateApiToken',
  query: `mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) { secret token { ${API_TOKEN_FIELDS} } }
  }`,
};

export const REVOKE_API_TOKEN: Operation<{ revokeApiToken: ApiToken }, { id: string }> = {
  operationName: 'RevokeApiToken',
  query: `mutation RevokeApiToken($id: ID!) { revokeApiToken(id: $id) { ${API_TOKEN_FIELDS} } }`,
};

export const SET_USER_PASSWORD: Operation<{ setUserPassword: boolean }, { id: string; password: string }> = {
  operationName: 'SetUserPassword',
  query: 'mutation SetUserPassword($id: ID!, $password: String!) { setUserPassword(id: $id, password: $password) }',
};
