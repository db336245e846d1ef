// The admin app's GraphQL operations, with result and variable types
// matching schema.graphql.
import type { Operation } from './client';
import type {
  CreateUserInput,
  PageInfo,
  UpdateUserInput,
  User,
  UserIdentity,
  UserWarning,
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
