/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment Viewer on User { id name email role }\n": typeof types.ViewerFragmentDoc,
    "\n  query Me { me { ...Viewer } }\n": typeof types.MeDocument,
    "\n    mutation SignIn($email: String!, $password: String!) {\n      signIn(email: $email, password: $password) { ...Viewer }\n    }\n  ": typeof types.SignInDocument,
    "\n    mutation SignOut { signOut }\n  ": typeof types.SignOutDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  fragment OwnProfile on User { id name email role phone timeZone locale }\n": typeof types.OwnProfileFragmentDoc,
    "\n  query MyProfile { me { ...OwnProfile } }\n": typeof types.MyProfileDocument,
    "\n  mutation UpdateMyProfile($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) { ...OwnProfile }\n  }\n": typeof types.UpdateMyProfileDocument,
    "\n  fragment FieldDefinition on UserField {\n    id key title description type pattern patternHint lookupTarget required active position createdAt updatedAt\n    options { id title value position }\n  }\n": typeof types.FieldDefinitionFragmentDoc,
    "\n  fragment FieldValue on UserFieldValue {\n    key type value values text number boolean date\n    options { id title value }\n    user { id name }\n    organization { ...OrganizationRef }\n    field {\n      id key title description type required pattern patternHint lookupTarget\n      options { id title value }\n    }\n  }\n": typeof types.FieldValueFragmentDoc,
    "\n  query UserFields($active: Boolean) { userFields(active: $active) { ...FieldDefinition } }\n": typeof types.UserFieldsDocument,
    "\n  mutation CreateUserField($input: CreateUserFieldInput!) { createUserField(input: $input) { ...FieldDefinition } }\n": typeof types.CreateUserFieldDocument,
    "\n  mutation UpdateUserField($id: ID!, $input: UpdateUserFieldInput!) {\n    updateUserField(id: $id, input: $input) { ...FieldDefinition }\n  }\n": typeof types.UpdateUserFieldDocument,
    "\n  mutation ReorderUserFields($ids: [ID!]!) { reorderUserFields(ids: $ids) { ...FieldDefinition } }\n": typeof types.ReorderUserFieldsDocument,
    "\n  mutation DeleteUserField($id: ID!) { deleteUserField(id: $id) }\n": typeof types.DeleteUserFieldDocument,
    "\n  query LookupUsers($query: String, $first: Int) {\n    users(query: $query, first: $first) { edges { node { id name email } } }\n  }\n": typeof types.LookupUsersDocument,
    "\n  fragment OrganizationRef on Organization { id name }\n": typeof types.OrganizationRefFragmentDoc,
    "\n  fragment OrganizationDetails on Organization {\n    id name domains details notes tags externalId userCount createdAt updatedAt\n  }\n": typeof types.OrganizationDetailsFragmentDoc,
    "\n  fragment OrganizationListItem on Organization { id name domains userCount createdAt }\n": typeof types.OrganizationListItemFragmentDoc,
    "\n  query Organizations($first: Int, $after: String, $query: String) {\n    organizations(first: $first, after: $after, query: $query) {\n      totalCount\n      pageInfo { ...PageInfoFields }\n      edges { cursor node { ...OrganizationListItem } }\n    }\n  }\n": typeof types.OrganizationsDocument,
    "\n  fragment OrganizationSuggestion on Organization { id name domains }\n": typeof types.OrganizationSuggestionFragmentDoc,
    "\n  query OrganizationSuggestions($query: String, $first: Int) {\n    organizations(query: $query, first: $first) { edges { node { ...OrganizationSuggestion } } }\n  }\n": typeof types.OrganizationSuggestionsDocument,
    "\n  query Organization($id: ID!) { organization(id: $id) { ...OrganizationDetails } }\n": typeof types.OrganizationDocument,
    "\n  query OrganizationName($id: ID!) { organization(id: $id) { ...OrganizationRef } }\n": typeof types.OrganizationNameDocument,
    "\n  query OrganizationUsers($id: ID!, $first: Int, $after: String) {\n    organization(id: $id) { id users(first: $first, after: $after) { ...UserPage } }\n  }\n": typeof types.OrganizationUsersDocument,
    "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) { ...OrganizationDetails }\n  }\n": typeof types.CreateOrganizationDocument,
    "\n  mutation UpdateOrganization($id: ID!, $input: UpdateOrganizationInput!) {\n    updateOrganization(id: $id, input: $input) { ...OrganizationDetails }\n  }\n": typeof types.UpdateOrganizationDocument,
    "\n  mutation DeleteOrganization($id: ID!) { deleteOrganization(id: $id) }\n": typeof types.DeleteOrganizationDocument,
    "\n  query TagSuggestions($query: String, $first: Int) { tags(query: $query, first: $first) { name count } }\n": typeof types.TagSuggestionsDocument,
    "\n  fragment ApiTokenDetails on ApiToken {\n    id name scopes createdAt lastUsedAt revokedAt\n    createdBy { id name }\n  }\n": typeof types.ApiTokenDetailsFragmentDoc,
    "\n  query ApiTokens { apiTokens { ...ApiTokenDetails } }\n": typeof types.ApiTokensDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) { secret token { ...ApiTokenDetails } }\n  }\n": typeof types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) { revokeApiToken(id: $id) { ...ApiTokenDetails } }\n": typeof types.RevokeApiTokenDocument,
    "\n  fragment IdentityDetails on UserIdentity {\n    id type value displayValue primary verified deliverability shared createdAt\n    sharedWith { id name }\n  }\n": typeof types.IdentityDetailsFragmentDoc,
    "\n  mutation AddUserIdentity($userId: ID!, $input: AddUserIdentityInput!) {\n    addUserIdentity(userId: $userId, input: $input) {\n      identity { ...IdentityDetails }\n      user { ...UserProfile }\n      warnings { ...WarningDetails existingUserId }\n    }\n  }\n": typeof types.AddUserIdentityDocument,
    "\n  mutation RemoveUserIdentity($id: ID!) { removeUserIdentity(id: $id) { ...UserProfile } }\n": typeof types.RemoveUserIdentityDocument,
    "\n  mutation MakeUserIdentityPrimary($id: ID!) { makeUserIdentityPrimary(id: $id) { ...UserProfile } }\n": typeof types.MakeUserIdentityPrimaryDocument,
    "\n  mutation VerifyUserIdentity($id: ID!) { verifyUserIdentity(id: $id) { ...IdentityDetails } }\n": typeof types.VerifyUserIdentityDocument,
    "\n  fragment PageInfoFields on PageInfo { hasNextPage endCursor }\n": typeof types.PageInfoFieldsFragmentDoc,
    "\n  fragment UserListItem on User {\n    id name email role suspended createdAt\n    organization { ...OrganizationRef }\n    identities { type primary displayValue }\n  }\n": typeof types.UserListItemFragmentDoc,
    "\n  fragment UserPage on UserConnection {\n    totalCount\n    pageInfo { ...PageInfoFields }\n    edges { cursor node { ...UserListItem } }\n  }\n": typeof types.UserPageFragmentDoc,
    "\n  query Users(\n    $first: Int, $after: String, $query: String, $tags: [String!], $organizationId: ID, $fields: [UserFieldFilter!]\n  ) {\n    users(first: $first, after: $after, query: $query, tags: $tags, organizationId: $organizationId, fields: $fields) {\n      ...UserPage\n    }\n  }\n": typeof types.UsersDocument,
    "\n  fragment UserProfile on User {\n    id name email role phone tags timeZone locale externalId alias details notes\n    verified suspended createdVia createdAt updatedAt\n    organization { ...OrganizationRef }\n    identities { ...IdentityDetails }\n    fields { ...FieldValue }\n  }\n": typeof types.UserProfileFragmentDoc,
    "\n  query User($id: ID!) { user(id: $id) { ...UserProfile } }\n": typeof types.UserDocument,
    "\n  fragment WarningDetails on UserWarning { code field message }\n": typeof types.WarningDetailsFragmentDoc,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) { user { ...UserProfile } warnings { ...WarningDetails } }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!, $checkRequiredFields: Boolean = false) {\n    updateUser(id: $id, input: $input, checkRequiredFields: $checkRequiredFields) { ...UserProfile }\n  }\n": typeof types.UpdateUserDocument,
    "\n  mutation DeleteUser($id: ID!) { deleteUser(id: $id) }\n": typeof types.DeleteUserDocument,
    "\n  mutation SetUserPassword($id: ID!, $password: String!) { setUserPassword(id: $id, password: $password) }\n": typeof types.SetUserPasswordDocument,
    "\n  fragment HistoryEvent on UserEvent {\n    id action source createdAt\n    actor { kind tokenName user { id name } }\n    changes { field oldValue newValue redacted }\n  }\n": typeof types.HistoryEventFragmentDoc,
    "\n  query UserEvents($id: ID!, $first: Int, $after: String) {\n    user(id: $id) {\n      id\n      events(first: $first, after: $after) {\n        totalCount\n        pageInfo { ...PageInfoFields }\n        edges { cursor node { ...HistoryEvent } }\n      }\n    }\n  }\n": typeof types.UserEventsDocument,
};
const documents: Documents = {
    "\n  fragment Viewer on User { id name email role }\n": types.ViewerFragmentDoc,
    "\n  query Me { me { ...Viewer } }\n": types.MeDocument,
    "\n    mutation SignIn($email: String!, $password: String!) {\n      signIn(email: $email, password: $password) { ...Viewer }\n    }\n  ": types.SignInDocument,
    "\n    mutation SignOut { signOut }\n  ": types.SignOutDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": types.ChangePasswordDocument,
    "\n  fragment OwnProfile on User { id name email role phone timeZone locale }\n": types.OwnProfileFragmentDoc,
    "\n  query MyProfile { me { ...OwnProfile } }\n": types.MyProfileDocument,
    "\n  mutation UpdateMyProfile($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) { ...OwnProfile }\n  }\n": types.UpdateMyProfileDocument,
    "\n  fragment FieldDefinition on UserField {\n    id key title description type pattern patternHint lookupTarget required active position createdAt updatedAt\n    options { id title value position }\n  }\n": types.FieldDefinitionFragmentDoc,
    "\n  fragment FieldValue on UserFieldValue {\n    key type value values text number boolean date\n    options { id title value }\n    user { id name }\n    organization { ...OrganizationRef }\n    field {\n      id key title description type required pattern patternHint lookupTarget\n      options { id title value }\n    }\n  }\n": types.FieldValueFragmentDoc,
    "\n  query UserFields($active: Boolean) { userFields(active: $active) { ...FieldDefinition } }\n": types.UserFieldsDocument,
    "\n  mutation CreateUserField($input: CreateUserFieldInput!) { createUserField(input: $input) { ...FieldDefinition } }\n": types.CreateUserFieldDocument,
    "\n  mutation UpdateUserField($id: ID!, $input: UpdateUserFieldInput!) {\n    updateUserField(id: $id, input: $input) { ...FieldDefinition }\n  }\n": types.UpdateUserFieldDocument,
    "\n  mutation ReorderUserFields($ids: [ID!]!) { reorderUserFields(ids: $ids) { ...FieldDefinition } }\n": types.ReorderUserFieldsDocument,
    "\n  mutation DeleteUserField($id: ID!) { deleteUserField(id: $id) }\n": types.DeleteUserFieldDocument,
    "\n  query LookupUsers($query: String, $first: Int) {\n    users(query: $query, first: $first) { edges { node { id name email } } }\n  }\n": types.LookupUsersDocument,
    "\n  fragment OrganizationRef on Organization { id name }\n": types.OrganizationRefFragmentDoc,
    "\n  fragment OrganizationDetails on Organization {\n    id name domains details notes tags externalId userCount createdAt updatedAt\n  }\n": types.OrganizationDetailsFragmentDoc,
    "\n  fragment OrganizationListItem on Organization { id name domains userCount createdAt }\n": types.OrganizationListItemFragmentDoc,
    "\n  query Organizations($first: Int, $after: String, $query: String) {\n    organizations(first: $first, after: $after, query: $query) {\n      totalCount\n      pageInfo { ...PageInfoFields }\n      edges { cursor node { ...OrganizationListItem } }\n    }\n  }\n": types.OrganizationsDocument,
    "\n  fragment OrganizationSuggestion on Organization { id name domains }\n": types.OrganizationSuggestionFragmentDoc,
    "\n  query OrganizationSuggestions($query: String, $first: Int) {\n    organizations(query: $query, first: $first) { edges { node { ...OrganizationSuggestion } } }\n  }\n": types.OrganizationSuggestionsDocument,
    "\n  query Organization($id: ID!) { organization(id: $id) { ...OrganizationDetails } }\n": types.OrganizationDocument,
    "\n  query OrganizationName($id: ID!) { organization(id: $id) { ...OrganizationRef } }\n": types.OrganizationNameDocument,
    "\n  query OrganizationUsers($id: ID!, $first: Int, $after: String) {\n    organization(id: $id) { id users(first: $first, after: $after) { ...UserPage } }\n  }\n": types.OrganizationUsersDocument,
    "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) { ...OrganizationDetails }\n  }\n": types.CreateOrganizationDocument,
    "\n  mutation UpdateOrganization($id: ID!, $input: UpdateOrganizationInput!) {\n    updateOrganization(id: $id, input: $input) { ...OrganizationDetails }\n  }\n": types.UpdateOrganizationDocument,
    "\n  mutation DeleteOrganization($id: ID!) { deleteOrganization(id: $id) }\n": types.DeleteOrganizationDocument,
    "\n  query TagSuggestions($query: String, $first: Int) { tags(query: $query, first: $first) { name count } }\n": types.TagSuggestionsDocument,
    "\n  fragment ApiTokenDetails on ApiToken {\n    id name scopes createdAt lastUsedAt revokedAt\n    createdBy { id name }\n  }\n": types.ApiTokenDetailsFragmentDoc,
    "\n  query ApiTokens { apiTokens { ...ApiTokenDetails } }\n": types.ApiTokensDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) { secret token { ...ApiTokenDetails } }\n  }\n": types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) { revokeApiToken(id: $id) { ...ApiTokenDetails } }\n": types.RevokeApiTokenDocument,
    "\n  fragment IdentityDetails on UserIdentity {\n    id type value displayValue primary verified deliverability shared createdAt\n    sharedWith { id name }\n  }\n": types.IdentityDetailsFragmentDoc,
    "\n  mutation AddUserIdentity($userId: ID!, $input: AddUserIdentityInput!) {\n    addUserIdentity(userId: $userId, input: $input) {\n      identity { ...IdentityDetails }\n      user { ...UserProfile }\n      warnings { ...WarningDetails existingUserId }\n    }\n  }\n": types.AddUserIdentityDocument,
    "\n  mutation RemoveUserIdentity($id: ID!) { removeUserIdentity(id: $id) { ...UserProfile } }\n": types.RemoveUserIdentityDocument,
    "\n  mutation MakeUserIdentityPrimary($id: ID!) { makeUserIdentityPrimary(id: $id) { ...UserProfile } }\n": types.MakeUserIdentityPrimaryDocument,
    "\n  mutation VerifyUserIdentity($id: ID!) { verifyUserIdentity(id: $id) { ...IdentityDetails } }\n": types.VerifyUserIdentityDocument,
    "\n  fragment PageInfoFields on PageInfo { hasNextPage endCursor }\n": types.PageInfoFieldsFragmentDoc,
    "\n  fragment UserListItem on User {\n    id name email role suspended createdAt\n    organization { ...OrganizationRef }\n    identities { type primary displayValue }\n  }\n": types.UserListItemFragmentDoc,
    "\n  fragment UserPage on UserConnection {\n    totalCount\n    pageInfo { ...PageInfoFields }\n    edges { cursor node { ...UserListItem } }\n  }\n": types.UserPageFragmentDoc,
    "\n  query Users(\n    $first: Int, $after: String, $query: String, $tags: [String!], $organizationId: ID, $fields: [UserFieldFilter!]\n  ) {\n    users(first: $first, after: $after, query: $query, tags: $tags, organizationId: $organizationId, fields: $fields) {\n      ...UserPage\n    }\n  }\n": types.UsersDocument,
    "\n  fragment UserProfile on User {\n    id name email role phone tags timeZone locale externalId alias details notes\n    verified suspended createdVia createdAt updatedAt\n    organization { ...OrganizationRef }\n    identities { ...IdentityDetails }\n    fields { ...FieldValue }\n  }\n": types.UserProfileFragmentDoc,
    "\n  query User($id: ID!) { user(id: $id) { ...UserProfile } }\n": types.UserDocument,
    "\n  fragment WarningDetails on UserWarning { code field message }\n": types.WarningDetailsFragmentDoc,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) { user { ...UserProfile } warnings { ...WarningDetails } }\n  }\n": types.CreateUserDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!, $checkRequiredFields: Boolean = false) {\n    updateUser(id: $id, input: $input, checkRequiredFields: $checkRequiredFields) { ...UserProfile }\n  }\n": types.UpdateUserDocument,
    "\n  mutation DeleteUser($id: ID!) { deleteUser(id: $id) }\n": types.DeleteUserDocument,
    "\n  mutation SetUserPassword($id: ID!, $password: String!) { setUserPassword(id: $id, password: $password) }\n": types.SetUserPasswordDocument,
    "\n  fragment HistoryEvent on UserEvent {\n    id action source createdAt\n    actor { kind tokenName user { id name } }\n    changes { field oldValue newValue redacted }\n  }\n": types.HistoryEventFragmentDoc,
    "\n  query UserEvents($id: ID!, $first: Int, $after: String) {\n    user(id: $id) {\n      id\n      events(first: $first, after: $after) {\n        totalCount\n        pageInfo { ...PageInfoFields }\n        edges { cursor node { ...HistoryEvent } }\n      }\n    }\n  }\n": types.UserEventsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment Viewer on User { id name email role }\n"): (typeof documents)["\n  fragment Viewer on User { id name email role }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me { me { ...Viewer } }\n"): (typeof documents)["\n  query Me { me { ...Viewer } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation SignIn($email: String!, $password: String!) {\n      signIn(email: $email, password: $password) { ...Viewer }\n    }\n  "): (typeof documents)["\n    mutation SignIn($email: String!, $password: String!) {\n      signIn(email: $email, password: $password) { ...Viewer }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation SignOut { signOut }\n  "): (typeof documents)["\n    mutation SignOut { signOut }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"): (typeof documents)["\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OwnProfile on User { id name email role phone timeZone locale }\n"): (typeof documents)["\n  fragment OwnProfile on User { id name email role phone timeZone locale }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyProfile { me { ...OwnProfile } }\n"): (typeof documents)["\n  query MyProfile { me { ...OwnProfile } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMyProfile($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) { ...OwnProfile }\n  }\n"): (typeof documents)["\n  mutation UpdateMyProfile($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) { ...OwnProfile }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FieldDefinition on UserField {\n    id key title description type pattern patternHint lookupTarget required active position createdAt updatedAt\n    options { id title value position }\n  }\n"): (typeof documents)["\n  fragment FieldDefinition on UserField {\n    id key title description type pattern patternHint lookupTarget required active position createdAt updatedAt\n    options { id title value position }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FieldValue on UserFieldValue {\n    key type value values text number boolean date\n    options { id title value }\n    user { id name }\n    organization { ...OrganizationRef }\n    field {\n      id key title description type required pattern patternHint lookupTarget\n      options { id title value }\n    }\n  }\n"): (typeof documents)["\n  fragment FieldValue on UserFieldValue {\n    key type value values text number boolean date\n    options { id title value }\n    user { id name }\n    organization { ...OrganizationRef }\n    field {\n      id key title description type required pattern patternHint lookupTarget\n      options { id title value }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserFields($active: Boolean) { userFields(active: $active) { ...FieldDefinition } }\n"): (typeof documents)["\n  query UserFields($active: Boolean) { userFields(active: $active) { ...FieldDefinition } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUserField($input: CreateUserFieldInput!) { createUserField(input: $input) { ...FieldDefinition } }\n"): (typeof documents)["\n  mutation CreateUserField($input: CreateUserFieldInput!) { createUserField(input: $input) { ...FieldDefinition } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUserField($id: ID!, $input: UpdateUserFieldInput!) {\n    updateUserField(id: $id, input: $input) { ...FieldDefinition }\n  }\n"): (typeof documents)["\n  mutation UpdateUserField($id: ID!, $input: UpdateUserFieldInput!) {\n    updateUserField(id: $id, input: $input) { ...FieldDefinition }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReorderUserFields($ids: [ID!]!) { reorderUserFields(ids: $ids) { ...FieldDefinition } }\n"): (typeof documents)["\n  mutation ReorderUserFields($ids: [ID!]!) { reorderUserFields(ids: $ids) { ...FieldDefinition } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteUserField($id: ID!) { deleteUserField(id: $id) }\n"): (typeof documents)["\n  mutation DeleteUserField($id: ID!) { deleteUserField(id: $id) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LookupUsers($query: String, $first: Int) {\n    users(query: $query, first: $first) { edges { node { id name email } } }\n  }\n"): (typeof documents)["\n  query LookupUsers($query: String, $first: Int) {\n    users(query: $query, first: $first) { edges { node { id name email } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrganizationRef on Organization { id name }\n"): (typeof documents)["\n  fragment OrganizationRef on Organization { id name }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrganizationDetails on Organization {\n    id name domains details notes tags externalId userCount createdAt updatedAt\n  }\n"): (typeof documents)["\n  fragment OrganizationDetails on Organization {\n    id name domains details notes tags externalId userCount createdAt updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrganizationListItem on Organization { id name domains userCount createdAt }\n"): (typeof documents)["\n  fragment OrganizationListItem on Organization { id name domains userCount createdAt }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Organizations($first: Int, $after: String, $query: String) {\n    organizations(first: $first, after: $after, query: $query) {\n      totalCount\n      pageInfo { ...PageInfoFields }\n      edges { cursor node { ...OrganizationListItem } }\n    }\n  }\n"): (typeof documents)["\n  query Organizations($first: Int, $after: String, $query: String) {\n    organizations(first: $first, after: $after, query: $query) {\n      totalCount\n      pageInfo { ...PageInfoFields }\n      edges { cursor node { ...OrganizationListItem } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrganizationSuggestion on Organization { id name domains }\n"): (typeof documents)["\n  fragment OrganizationSuggestion on Organization { id name domains }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationSuggestions($query: String, $first: Int) {\n    organizations(query: $query, first: $first) { edges { node { ...OrganizationSuggestion } } }\n  }\n"): (typeof documents)["\n  query OrganizationSuggestions($query: String, $first: Int) {\n    organizations(query: $query, first: $first) { edges { node { ...OrganizationSuggestion } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Organization($id: ID!) { organization(id: $id) { ...OrganizationDetails } }\n"): (typeof documents)["\n  query Organization($id: ID!) { organization(id: $id) { ...OrganizationDetails } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationName($id: ID!) { organization(id: $id) { ...OrganizationRef } }\n"): (typeof documents)["\n  query OrganizationName($id: ID!) { organization(id: $id) { ...OrganizationRef } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationUsers($id: ID!, $first: Int, $after: String) {\n    organization(id: $id) { id users(first: $first, after: $after) { ...UserPage } }\n  }\n"): (typeof documents)["\n  query OrganizationUsers($id: ID!, $first: Int, $after: String) {\n    organization(id: $id) { id users(first: $first, after: $after) { ...UserPage } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) { ...OrganizationDetails }\n  }\n"): (typeof documents)["\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) { ...OrganizationDetails }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateOrganization($id: ID!, $input: UpdateOrganizationInput!) {\n    updateOrganization(id: $id, input: $input) { ...OrganizationDetails }\n  }\n"): (typeof documents)["\n  mutation UpdateOrganization($id: ID!, $input: UpdateOrganizationInput!) {\n    updateOrganization(id: $id, input: $input) { ...OrganizationDetails }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteOrganization($id: ID!) { deleteOrganization(id: $id) }\n"): (typeof documents)["\n  mutation DeleteOrganization($id: ID!) { deleteOrganization(id: $id) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TagSuggestions($query: String, $first: Int) { tags(query: $query, first: $first) { name count } }\n"): (typeof documents)["\n  query TagSuggestions($query: String, $first: Int) { tags(query: $query, first: $first) { name count } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiTokenDetails on ApiToken {\n    id name scopes createdAt lastUsedAt revokedAt\n    createdBy { id name }\n  }\n"): (typeof documents)["\n  fragment ApiTokenDetails on ApiToken {\n    id name scopes createdAt lastUsedAt revokedAt\n    createdBy { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiTokens { apiTokens { ...ApiTokenDetails } }\n"): (typeof documents)["\n  query ApiTokens { apiTokens { ...ApiTokenDetails } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) { secret token { ...ApiTokenDetails } }\n  }\n"): (typeof documents)["\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) { secret token { ...ApiTokenDetails } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiToken($id: ID!) { revokeApiToken(id: $id) { ...ApiTokenDetails } }\n"): (typeof documents)["\n  mutation RevokeApiToken($id: ID!) { revokeApiToken(id: $id) { ...ApiTokenDetails } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment IdentityDetails on UserIdentity {\n    id type value displayValue primary verified deliverability shared createdAt\n    sharedWith { id name }\n  }\n"): (typeof documents)["\n  fragment IdentityDetails on UserIdentity {\n    id type value displayValue primary verified deliverability shared createdAt\n    sharedWith { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddUserIdentity($userId: ID!, $input: AddUserIdentityInput!) {\n    addUserIdentity(userId: $userId, input: $input) {\n      identity { ...IdentityDetails }\n      user { ...UserProfile }\n      warnings { ...WarningDetails existingUserId }\n    }\n  }\n"): (typeof documents)["\n  mutation AddUserIdentity($userId: ID!, $input: AddUserIdentityInput!) {\n    addUserIdentity(userId: $userId, input: $input) {\n      identity { ...IdentityDetails }\n      user { ...UserProfile }\n      warnings { ...WarningDetails existingUserId }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveUserIdentity($id: ID!) { removeUserIdentity(id: $id) { ...UserProfile } }\n"): (typeof documents)["\n  mutation RemoveUserIdentity($id: ID!) { removeUserIdentity(id: $id) { ...UserProfile } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MakeUserIdentityPrimary($id: ID!) { makeUserIdentityPrimary(id: $id) { ...UserProfile } }\n"): (typeof documents)["\n  mutation MakeUserIdentityPrimary($id: ID!) { makeUserIdentityPrimary(id: $id) { ...UserProfile } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyUserIdentity($id: ID!) { verifyUserIdentity(id: $id) { ...IdentityDetails } }\n"): (typeof documents)["\n  mutation VerifyUserIdentity($id: ID!) { verifyUserIdentity(id: $id) { ...IdentityDetails } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PageInfoFields on PageInfo { hasNextPage endCursor }\n"): (typeof documents)["\n  fragment PageInfoFields on PageInfo { hasNextPage endCursor }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserListItem on User {\n    id name email role suspended createdAt\n    organization { ...OrganizationRef }\n    identities { type primary displayValue }\n  }\n"): (typeof documents)["\n  fragment UserListItem on User {\n    id name email role suspended createdAt\n    organization { ...OrganizationRef }\n    identities { type primary displayValue }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserPage on UserConnection {\n    totalCount\n    pageInfo { ...PageInfoFields }\n    edges { cursor node { ...UserListItem } }\n  }\n"): (typeof documents)["\n  fragment UserPage on UserConnection {\n    totalCount\n    pageInfo { ...PageInfoFields }\n    edges { cursor node { ...UserListItem } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users(\n    $first: Int, $after: String, $query: String, $tags: [String!], $organizationId: ID, $fields: [UserFieldFilter!]\n  ) {\n    users(first: $first, after: $after, query: $query, tags: $tags, organizationId: $organizationId, fields: $fields) {\n      ...UserPage\n    }\n  }\n"): (typeof documents)["\n  query Users(\n    $first: Int, $after: String, $query: String, $tags: [String!], $organizationId: ID, $fields: [UserFieldFilter!]\n  ) {\n    users(first: $first, after: $after, query: $query, tags: $tags, organizationId: $organizationId, fields: $fields) {\n      ...UserPage\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserProfile on User {\n    id name email role phone tags timeZone locale externalId alias details notes\n    verified suspended createdVia createdAt updatedAt\n    organization { ...OrganizationRef }\n    identities { ...IdentityDetails }\n    fields { ...FieldValue }\n  }\n"): (typeof documents)["\n  fragment UserProfile on User {\n    id name email role phone tags timeZone locale externalId alias details notes\n    verified suspended createdVia createdAt updatedAt\n    organization { ...OrganizationRef }\n    identities { ...IdentityDetails }\n    fields { ...FieldValue }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query User($id: ID!) { user(id: $id) { ...UserProfile } }\n"): (typeof documents)["\n  query User($id: ID!) { user(id: $id) { ...UserProfile } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WarningDetails on UserWarning { code field message }\n"): (typeof documents)["\n  fragment WarningDetails on UserWarning { code field message }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) { user { ...UserProfile } warnings { ...WarningDetails } }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) { user { ...UserProfile } warnings { ...WarningDetails } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!, $checkRequiredFields: Boolean = false) {\n    updateUser(id: $id, input: $input, checkRequiredFields: $checkRequiredFields) { ...UserProfile }\n  }\n"): (typeof documents)["\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!, $checkRequiredFields: Boolean = false) {\n    updateUser(id: $id, input: $input, checkRequiredFields: $checkRequiredFields) { ...UserProfile }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteUser($id: ID!) { deleteUser(id: $id) }\n"): (typeof documents)["\n  mutation DeleteUser($id: ID!) { deleteUser(id: $id) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetUserPassword($id: ID!, $password: String!) { setUserPassword(id: $id, password: $password) }\n"): (typeof documents)["\n  mutation SetUserPassword($id: ID!, $password: String!) { setUserPassword(id: $id, password: $password) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment HistoryEvent on UserEvent {\n    id action source createdAt\n    actor { kind tokenName user { id name } }\n    changes { field oldValue newValue redacted }\n  }\n"): (typeof documents)["\n  fragment HistoryEvent on UserEvent {\n    id action source createdAt\n    actor { kind tokenName user { id name } }\n    changes { field oldValue newValue redacted }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserEvents($id: ID!, $first: Int, $after: String) {\n    user(id: $id) {\n      id\n      events(first: $first, after: $after) {\n        totalCount\n        pageInfo { ...PageInfoFields }\n        edges { cursor node { ...HistoryEvent } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query UserEvents($id: ID!, $first: Int, $after: String) {\n    user(id: $id) {\n      id\n      events(first: $first, after: $after) {\n        totalCount\n        pageInfo { ...PageInfoFields }\n        edges { cursor node { ...HistoryEvent } }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;