import { fromSqlBool, fromSqlDate } from '../db/sql.js';
import { User, type CreatedVia, type Role } from './user.entity.js';
import { UserIdentity, type Deliverability, type IdentityType } from './user-identity.entity.js';

/**
 * Columns and row mappers for the hot paths that read users and identities
 * with plain SQL (the list and search, the per-request batches, the session
 * and token of each request): no entity hydration there.
 */
export const USER_COLUMNS =
  'id, name, name_key, role, phone, organization_id, time_zone, locale, external_id, external_id_key, alias, details, notes, verified, suspended, created_via, created_by_id, deleted_at, deleted_by_id, erased_at, merged_into_id, last_sign_in_at, invited_at, version, created_at, updated_at';

/**
 * `SELECT <userSelect('u')> FROM users u <primaryEmailJoin('u')>` reads users
 * with their primary email in one query, so a list of names and emails is
 * one round trip; other identities still come through the DataLoader.
 */
export function userSelect(alias: string): string {
  return `${USER_COLUMNS.split(', ')
    .map((c) => `${alias}.${c}`)
    .join(', ')}, pe.value AS primary_email`;
}

export function primaryEmailJoin(alias: string): string {
  return `LEFT JOIN user_identities pe ON pe.user_id = ${alias}.id AND pe.type = 'EMAIL' AND pe.is_primary = 1`;
}

type Row = Record<string, unknown>;
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export function userFromRow(r: Row): User {
  const user = Object.assign(new User(), {
    id: Number(r.id),
    name: String(r.name),
    nameKey: String(r.name_key),
    role: r.role as Role,
    phone: str(r.phone),
    organizationId: r.organization_id === null || r.organization_id === undefined ? null : Number(r.organization_id),
    timeZone: str(r.time_zone),
    locale: str(r.locale),
    externalId: str(r.external_id),
    externalIdKey: str(r.external_id_key),
    alias: str(r.alias),
    details: str(r.details),
    notes: str(r.notes),
    verified: fromSqlBool(r.verified),
    suspended: fromSqlBool(r.suspended),
    createdVia: r.created_via as CreatedVia,
    createdById: r.created_by_id === null ? null : Number(r.created_by_id),
    deletedAt: r.deleted_at === null || r.deleted_at === undefined ? null : fromSqlDate(r.deleted_at),
    deletedById: num(r.deleted_by_id),
    erasedAt: r.erased_at === null || r.erased_at === undefined ? null : fromSqlDate(r.erased_at),
    mergedIntoId: num(r.merged_into_id),
    lastSignInAt: r.last_sign_in_at === null || r.last_sign_in_at === undefined ? null : fromSqlDate(r.last_sign_in_at),
    invitedAt: r.invited_at === null || r.invited_at === undefined ? null : fromSqlDate(r.invited_at),
    version: Number(r.version ?? 1),
    createdAt: fromSqlDate(r.created_at),
    updatedAt: fromSqlDate(r.updated_at),
  });
  if ('primary_email' in r) user.primaryEmail = str(r.primary_email);
  return user;
}

export const IDENTITY_COLUMNS =
  'id, user_id, type, value, value_normalized, unique_value, is_primary, verified, deliverability, shared, created_at, updated_at';

export function identityFromRow(r: Row): UserIdentity {
  return Object.assign(new UserIdentity(), {
    id: Number(r.id),
    userId: Number(r.user_id),
    type: r.type as IdentityType,
    value: String(r.value),
    valueNormalized: String(r.value_normalized),
    uniqueValue: str(r.unique_value),
    primary: fromSqlBool(r.is_primary),
    verified: fromSqlBool(r.verified),
    shared: fromSqlBool(r.shared),
    deliverability: r.deliverability as Deliverability,
    createdAt: fromSqlDate(r.created_at),
    updatedAt: fromSqlDate(r.updated_at),
  });
}
