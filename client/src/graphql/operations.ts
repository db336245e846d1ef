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
import type { CreateUserFieldInput, UpdateUserFieldInput, UserField, UserFieldFilter } from './schema-types';
import type {
  AddUserIdentityInput,
  AddUserIdentityPayload,
  CreateOrganizationInput,
  Organization,
  OrganizationRef,
  TagCount,
  UpdateOrganizationInput,
} from './schema-types';

/** A user's custom field values, each with its definition (client/src/fields). */
const USER_FIELD_VALUES = `fields {
      key type value values text number boolean date
      options { id title value }
      user { id name }
      organization { id name }
      field { id key title description type required pattern patternHint options { id title value } lookupTarget }
    }`;

const IDENTITY_FIELDS =
  'id type value displayValue primary verified deliverability shared sharedWith { id name } createdAt';

const USER_FIELDS = `
  fragment UserFields on User {
    id name email role phone organization { id name } tags timeZone locale externalId alias
    details notes verified suspended createdVia createdAt updatedAt
    identities { ${IDENTITY_FIELDS} }
    ${USER_FIELD_VALUES}
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
  /** Users with every one of these tags. */
  tags?: string[];
  organizationId?: string;
  /** Users whose custom fields hold these values (every filter applies). */
  fields?: UserFieldFilter[];
}
export const USERS: Operation<UsersData, UsersVariables> = {
  operationName: 'Users',
  query: `query Users($first: Int, $after: String, $query: String, $tags: [String!], $organizationId: ID, $fields: [UserFieldFilter!]) {
    users(first: $first, after: $after, query: $query, tags: $tags, organizationId: $organizationId, fields: $fields) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        cursor
        node {
          id name email organization { id name } role suspended createdAt
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
  /** Staff saving a profile: the server refuses an end user's empty required custom fields. */
  checkRequiredFields?: boolean;
}
export const UPDATE_USER: Operation<UpdateUserData, UpdateUserVariables> = {
  operationName: 'UpdateUser',
  query: `mutation UpdateUser($id: ID!, $input: UpdateUserInput!, $checkRequiredFields: Boolean = false) {
    updateUser(id: $id, input: $input, checkRequiredFields: $checkRequiredFields) { ...UserFields }
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

// --- Custom user fields (admin settings, and the profile's lookup editor) ---

const USER_FIELD_DEFINITION = `id key title description type pattern patternHint
  options { id title value position } lookupTarget required active position createdAt updatedAt`;

export const USER_FIELD_DEFINITIONS: Operation<{ userFields: UserField[] }, { active?: boolean | null }> = {
  operationName: 'UserFields',
  query: `query UserFields($active: Boolean) { userFields(active: $active) { ${USER_FIELD_DEFINITION} } }`,
};

export const CREATE_USER_FIELD: Operation<{ createUserField: UserField }, { input: CreateUserFieldInput }> = {
  operationName: 'CreateUserField',
  query: `mutation CreateUserField($input: CreateUserFieldInput!) {
    createUserField(input: $input) { ${USER_FIELD_DEFINITION} }
  }`,
};

export const UPDATE_USER_FIELD: Operation<
  { updateUserField: UserField },
  { id: string; input: UpdateUserFieldInput }
> = {
  operationName: 'UpdateUserField',
  query: `mutation UpdateUserField($id: ID!, $input: UpdateUserFieldInput!) {
    updateUserField(id: $id, input: $input) { ${USER_FIELD_DEFINITION} }
  }`,
};

export const REORDER_USER_FIELDS: Operation<{ reorderUserFields: UserField[] }, { ids: string[] }> = {
  operationName: 'ReorderUserFields',
  query: `mutation ReorderUserFields($ids: [ID!]!) {
    reorderUserFields(ids: $ids) { ${USER_FIELD_DEFINITION} }
  }`,
};

export const DELETE_USER_FIELD: Operation<{ deleteUserField: boolean }, { id: string }> = {
  operationName: 'DeleteUserField',
  query: 'mutation DeleteUserField($id: ID!) { deleteUserField(id: $id) }',
};

/** A few matches for a LOOKUP field's typeahead. */
export interface LookupMatch {
  id: string;
  name: string;
  /** A second line: the user's email, the organization's domains. */
  detail: string | null;
}

export const LOOKUP_USERS: Operation<
  { users: { edges: { node: { id: string; name: string; email: string | null } }[] } },
  { query: string; first: number }
> = {
  operationName: 'LookupUsers',
  query: `query LookupUsers($query: String, $first: Int) {
    users(query: $query, first: $first) { edges { node { id name email } } }
  }`,
};


// --- Organizations (client/src/organizations) ---

const ORGANIZATION_FIELDS =
  'id name domains details notes tags externalId userCount createdAt updatedAt';

export type OrganizationListItem = Pick<Organization, 'id' | 'name' | 'domains' | 'userCount' | 'createdAt'>;

export interface OrganizationsData {
  organizations: {
    totalCount: number;
    pageInfo: PageInfo;
    edges: { cursor: string; node: OrganizationListItem }[];
  };
}
export interface OrganizationsVariables {
  first?: number;
  after?: string | null;
  /** Name prefix, any case. */
  query?: string | null;
}
export const ORGANIZATIONS: Operation<OrganizationsData, OrganizationsVariables> = {
  operationName: 'Organizations',
  query: `query Organizations($first: Int, $after: String, $query: String) {
    organizations(first: $first, after: $after, query: $query) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id name domains userCount createdAt } }
    }
  }`,
};

/** The organization picker's few matches. */
export type OrganizationSuggestion = Pick<Organization, 'id' | 'name' | 'domains'>;
export const ORGANIZATION_SUGGESTIONS: Operation<
  { organizations: { edges: { node: OrganizationSuggestion }[] } },
  { query: string | null; first: number }
> = {
  operationName: 'OrganizationSuggestions',
  query: `query OrganizationSuggestions($query: String, $first: Int) {
    organizations(query: $query, first: $first) { edges { node { id name domains } } }
  }`,
};

export const ORGANIZATION: Operation<{ organization: Organization | null }, { id: string }> = {
  operationName: 'Organization',
  query: `query Organization($id: ID!) { organization(id: $id) { ${ORGANIZATION_FIELDS} } }`,
};

/** Just the name, e.g. for a filter restored from the address bar. */
export const ORGANIZATION_NAME: Operation<{ organization: OrganizationRef | null }, { id: string }> = {
  operationName: 'OrganizationName',
  query: 'query OrganizationName($id: ID!) { organization(id: $id) { id name } }',
};

export interface OrganizationUsersData {
  organization: { id: string; users: UsersData['users'] } | null;
}
export const ORGANIZATION_USERS: Operation<
  OrganizationUsersData,
  { id: string; first?: number; after?: string | null }
> = {
  operationName: 'OrganizationUsers',
  query: `query OrganizationUsers($id: ID!, $first: Int, $after: String) {
    organization(id: $id) {
      id
      users(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges {
          cursor
          node {
            id name email organization { id name } role suspended createdAt
            identities { type primary displayValue }
          }
        }
      }
    }
  }`,
};

export const CREATE_ORGANIZATION: Operation<
  { createOrganization: Organization },
  { input: CreateOrganizationInput }
> = {
  operationName: 'CreateOrganization',
  query: `mutation CreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) { ${ORGANIZATION_FIELDS} }
  }`,
};

export const UPDATE_ORGANIZATION: Operation<
  { updateOrganization: Organization },
  { id: string; input: UpdateOrganizationInput }
> = {
  operationName: 'UpdateOrganization',
  query: `mutation UpdateOrganization($id: ID!, $input: UpdateOrganizationInput!) {
    updateOrganization(id: $id, input: $input) { ${ORGANIZATION_FIELDS} }
  }`,
};

export const DELETE_ORGANIZATION: Operation<{ deleteOrganization: boolean }, { id: string }> = {
  operationName: 'DeleteOrganization',
  query: 'mutation DeleteOrganization($id: ID!) { deleteOrganization(id: $id) }',
};

// --- A user's email addresses and phone numbers (client/src/users/contacts) ---

export const ADD_USER_IDENTITY: Operation<
  { addUserIdentity: AddUserIdentityPayload },
  { userId: string; input: AddUserIdentityInput }
> = {
  operationName: 'AddUserIdentity',
  query: `mutation AddUserIdentity($userId: ID!, $input: AddUserIdentityInput!) {
    addUserIdentity(userId: $userId, input: $input) {
      identity { ${IDENTITY_FIELDS} }
      user { ...UserFields }
      warnings { code field message existingUserId }
    }
  }
  ${USER_FIELDS}`,
};

export const REMOVE_USER_IDENTITY: Operation<{ removeUserIdentity: User }, { id: string }> = {
  operationName: 'RemoveUserIdentity',
  query: `mutation RemoveUserIdentity($id: ID!) { removeUserIdentity(id: $id) { ...UserFields } }
  ${USER_FIELDS}`,
};

export const MAKE_USER_IDENTITY_PRIMARY: Operation<{ makeUserIdentityPrimary: User }, { id: string }> = {
  operationName: 'MakeUserIdentityPrimary',
  query: `mutation MakeUserIdentityPrimary($id: ID!) { makeUserIdentityPrimary(id: $id) { ...UserFields } }
  ${USER_FIELDS}`,
};

export const VERIFY_USER_IDENTITY: Operation<{ verifyUserIdentity: UserIdentity }, { id: string }> = {
  operationName: 'VerifyUserIdentity',
  query: `mutation VerifyUserIdentity($id: ID!) { verifyUserIdentity(id: $id) { ${IDENTITY_FIELDS} } }`,
};

// --- Tags ---

/** Existing user tags starting with `query`, most used first. */
export const TAG_SUGGESTIONS: Operation<{ tags: TagCount[] }, { query: string | null; first: number }> = {
  operationName: 'TagSuggestions',
  query: 'query TagSuggestions($query: String, $first: Int) { tags(query: $query, first: $first) { name count } }',
};
