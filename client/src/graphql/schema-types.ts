// Hand-written TypeScript mirror of the GraphQL contract (schema.graphql).
// DateTimeISO values travel as ISO 8601 strings.

export type Role = 'END_USER' | 'AGENT' | 'ADMIN';
export const ROLES: readonly Role[] = ['END_USER', 'AGENT', 'ADMIN'];

export type CreatedVia = 'AGENT' | 'ADMIN' | 'API' | 'IMPORT' | 'TICKET' | 'SELF';
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
