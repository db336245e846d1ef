// Hand-written TypeScript mirror of the GraphQL contract (schema.graphql).
// DateTimeISO values travel as ISO 8601 strings.

export type Role = 'END_USER' | 'AGENT' | 'ADMIN';
export const ROLES: readonly Role[] = ['END_USER', 'AGENT', 'ADMIN'];

export type CreatedVia = 'AGENT' | 'ADMIN' | 'API' | 'IMPORT' | 'TICKET' | 'SELF' | 'SYSTEM';
export type IdentityType = 'EMAIL' | 'PHONE';
export type Deliverability = 'DELIVERABLE' | 'UNDELIVERABLE_RESERVED' | 'UNKNOWN' | 'NO_MAIL_DOMAIN';
export type DateTimeISO = string;

export interface UserIdentity {
  id: string;
  type: IdentityType;
  value: string;
  displayValue: string;
  primary: boolean;
  verified: boolean;
  deliverability: Deliverability;
  /** A phone number another user also has: kept here as a shared number. */
  shared: boolean;
  /** The other users with this number. */
  sharedWith: Pick<User, 'id' | 'name'>[];
  createdAt: DateTimeISO;
}

export interface User {
  id: string;
  name: string;
  email: string | null;
  role: Role;
  phone: string | null;
  organization: OrganizationRef | null;
  tags: string[];
  timeZone: string | null;
  locale: string | null;
  externalId: string | null;
  alias: string | null;
  details: string | null;
  notes: string | null;
  verified: boolean;
  suspended: boolean;
  createdVia: CreatedVia;
  createdAt: DateTimeISO;
  updatedAt: DateTimeISO;
  identities: UserIdentity[];
  /** Custom fields: one per active field, in position order (see client/src/fields). */
  fields: UserFieldValue[];
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface UserWarning {
  code: string;
  field: string | null;
  message: string;
  /** SHARED_PHONE: the user who already has the number. */
  existingUserId?: string | null;
}

export interface CreateUserInput {
  name: string;
  email: string;
  role?: Role;
  phone?: string;
  /** The name of an existing organization (case-insensitive). */
  organization?: string;
  organizationId?: string;
  tags?: string[];
  timeZone?: string;
  locale?: string;
  externalId?: string;
  alias?: string;
  details?: string;
  notes?: string;
  verified?: boolean;
  suspended?: boolean;
  fields?: UserFieldInput[];
}

/** Absent key: leave unchanged. `null`: clear. */
export interface UpdateUserInput {
  name?: string | null;
  email?: string | null;
  role?: Role | null;
  phone?: string | null;
  organization?: string | null;
  organizationId?: string | null;
  tags?: string[] | null;
  timeZone?: string | null;
  locale?: string | null;
  externalId?: string | null;
  alias?: string | null;
  details?: string | null;
  notes?: string | null;
  verified?: boolean | null;
  suspended?: boolean | null;
  /** Only the custom fields that change; `value: null` clears one. */
  fields?: UserFieldInput[] | null;
}

// --- Who may do what: sessions, API tokens, the audit trail ---

/** The signed-in person, as `me` returns them. */
export type Viewer = Pick<User, 'id' | 'name' | 'email' | 'role'>;

export const API_TOKEN_SCOPES = ['USERS_READ', 'USERS_WRITE', 'IMPORT'] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

export interface ApiToken {
  id: string;
  name: string;
  scopes: string[];
  createdAt: DateTimeISO;
  lastUsedAt: DateTimeISO | null;
  revokedAt: DateTimeISO | null;
  createdBy: Pick<User, 'id' | 'name'> | null;
}

export interface CreateApiTokenInput {
  name: string;
  scopes: string[];
}

export interface CreateApiTokenPayload {
  token: ApiToken;
  /** Shown once: only a hash is kept on the server. */
  secret: string;
}

export type UserEventAction =
  | 'CREATED'
  | 'UPDATED'
  | 'ROLE_CHANGED'
  | 'SUSPENDED'
  | 'UNSUSPENDED'
  | 'DELETED'
  | 'PASSWORD_CHANGED';
export type UserEventSource = 'ADMIN_APP' | 'API' | 'IMPORT' | 'SYSTEM';
export type EventActorKind = 'USER' | 'TOKEN' | 'SYSTEM';

export interface EventActor {
  /** USER | TOKEN | SYSTEM (a string in the schema, so new kinds may appear). */
  kind: string;
  /** The person; for a token, its creator. */
  user: Pick<User, 'id' | 'name'> | null;
  tokenName: string | null;
}

export interface FieldChange {
  field: string;
  oldValue: string | null;
  newValue: string | null;
  /** Recorded as changed, without the text (notes, details, password). */
  redacted: boolean;
}

export interface UserEvent {
  id: string;
  /** One of UserEventAction (a string in the schema). */
  action: string;
  /** One of UserEventSource (a string in the schema). */
  source: string;
  actor: EventActor;
  changes: FieldChange[];
  createdAt: DateTimeISO;
}

export interface UserEventConnection {
  totalCount: number;
  pageInfo: PageInfo;
  edges: { cursor: string; node: UserEvent }[];
}

// --- Custom user fields (issue 4) ---

export const USER_FIELD_TYPES = [
  'TEXT',
  'MULTILINE',
  'CHECKBOX',
  'DATE',
  'INTEGER',
  'DECIMAL',
  'REGEXP',
  'DROPDOWN',
  'MULTISELECT',
  'LOOKUP',
] as const;
export type UserFieldType = (typeof USER_FIELD_TYPES)[number];

export const LOOKUP_TARGETS = ['USER', 'ORGANIZATION'] as const;
export type LookupTarget = (typeof LOOKUP_TARGETS)[number];

export interface UserFieldOption {
  id: string;
  title: string;
  value: string;
  position: number;
}

export interface UserField {
  id: string;
  key: string;
  title: string;
  description: string | null;
  type: UserFieldType;
  pattern: string | null;
  patternHint: string | null;
  options: UserFieldOption[];
  lookupTarget: LookupTarget | null;
  /** Agents must fill it when they save a profile in the admin app. */
  required: boolean;
  active: boolean;
  position: number;
  createdAt: DateTimeISO;
  updatedAt: DateTimeISO;
}

export interface UserFieldOptionInput {
  title: string;
  value: string;
}

export interface CreateUserFieldInput {
  key: string;
  title: string;
  type: UserFieldType;
  description?: string | null;
  pattern?: string | null;
  patternHint?: string | null;
  options?: UserFieldOptionInput[] | null;
  lookupTarget?: LookupTarget | null;
  required?: boolean;
  active?: boolean;
}

/** Key and type are immutable. */
export interface UpdateUserFieldInput {
  title?: string;
  description?: string | null;
  pattern?: string | null;
  patternHint?: string | null;
  options?: UserFieldOptionInput[] | null;
  required?: boolean;
  active?: boolean;
}

/** A value to set on a user: `values` for MULTISELECT, else `value`; null clears. */
export interface UserFieldInput {
  key: string;
  value?: string | null;
  values?: string[] | null;
}

/**
 * users(fields:): users whose field equals `value` (canonical form, text
 * ignoring case); MULTISELECT `values`: users having every one; `value` null:
 * users without a value. A wrong value is BAD_USER_INPUT naming the key.
 */
export interface UserFieldFilter {
  key: string;
  value?: string | null;
  values?: string[] | null;
}

/** The definition as a profile reads it, next to each value. */
export type UserFieldDefinition = Pick<
  UserField,
  'id' | 'key' | 'title' | 'description' | 'type' | 'required' | 'pattern' | 'patternHint' | 'lookupTarget'
> & { options: Pick<UserFieldOption, 'id' | 'title' | 'value'>[] };

/** One active field on a user, value null when unset. */
export interface UserFieldValue {
  key: string;
  type: UserFieldType;
  field: UserFieldDefinition;
  /** Canonical text for every type ("true", "2026-11-26", "42", an option value, a lookup id). */
  value: string | null;
  /** MULTISELECT: the chosen option values. */
  values: string[] | null;
  text: string | null;
  number: number | null;
  boolean: boolean | null;
  date: string | null;
  options: Pick<UserFieldOption, 'id' | 'title' | 'value'>[] | null;
  user: Pick<User, 'id' | 'name'> | null;
  organization: { id: string; name: string } | null;
}

// --- Organizations, identities and tags (issue 4) ---

export interface Organization {
  id: string;
  /** Unique, case-insensitive. */
  name: string;
  /** A new user whose email domain is one of these joins the organization. */
  domains: string[];
  details: string | null;
  notes: string | null;
  tags: string[];
  externalId: string | null;
  userCount: number;
  createdAt: DateTimeISO;
  updatedAt: DateTimeISO;
}

/** What a user, a lookup or a picker shows of an organization. */
export type OrganizationRef = Pick<Organization, 'id' | 'name'>;

export interface CreateOrganizationInput {
  name: string;
  domains?: string[];
  details?: string;
  notes?: string;
  tags?: string[];
  externalId?: string;
}

/** Absent key: leave unchanged. `null`: clear. */
export interface UpdateOrganizationInput {
  name?: string;
  domains?: string[];
  details?: string | null;
  notes?: string | null;
  tags?: string[];
  externalId?: string | null;
}

export interface AddUserIdentityInput {
  type: IdentityType;
  value: string;
  verified?: boolean;
}

export interface AddUserIdentityPayload {
  identity: UserIdentity;
  user: User;
  /** SHARED_PHONE (with existingUserId), UNDELIVERABLE_RESERVED, ... */
  warnings: UserWarning[];
}

/** A tag and how many users have it. */
export interface TagCount {
  name: string;
  count: number;
}
