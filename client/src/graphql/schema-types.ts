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
  createdAt: DateTimeISO;
}

export interface User {
  id: string;
  name: string;
  email: string | null;
  role: Role;
  phone: string | null;
  organization: string | null;
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
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface UserWarning {
  code: string;
  field: string | null;
  message: string;
}

export interface CreateUserInput {
  name: string;
  email: string;
  role?: Role;
  phone?: string;
  organization?: string;
  tags?: string[];
  timeZone?: string;
  locale?: string;
  externalId?: string;
  alias?: string;
  details?: string;
  notes?: string;
  verified?: boolean;
  suspended?: boolean;
}

/** Absent key: leave unchanged. `null`: clear. */
export interface UpdateUserInput {
  name?: string | null;
  email?: string | null;
  role?: Role | null;
  phone?: string | null;
  organization?: string | null;
  tags?: string[] | null;
  timeZone?: string | null;
  locale?: string | null;
  externalId?: string | null;
  alias?: string | null;
  details?: string | null;
  notes?: string | null;
  verified?: boolean | null;
  suspended?: boolean | null;
}

// --- Who may do what: sessions, API tokens, the audit trail ---

/** The signed-in person, as `me` returns them. */
export type Viewer = Pick<User, 'id' | 'name' | 'email' | 'role'>;

export const API_TOKEN_SCOPES = ['users:read', 'users:write', 'import'] as const;
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
