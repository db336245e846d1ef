import { UserInputError } from '../graphql/errors.js';
import { parseId } from '../graphql/ids.js';
import { placeholders, sqlDate } from '../db/sql.js';
import type { FieldValuesService } from '../fields/field-values.service.js';
import { FILTER_LIMITS } from '../fields/field-values.service.js';
import { fieldConditionsSql } from '../fields/field-conditions.js';
import { normalizeTags } from './profile-rules.js';
import type { Role } from './role.js';
import type { UserFilterInput } from './user-filter.types.js';
import { msg } from '../i18n/message.js';

/** Conditions on a user (alias `u`) that every list, search, count, bulk action and export applies. */
export interface UserFilter {
  /** Has every one of these tags. */
  tags?: string[];
  tagsAny?: string[];
  tagsNone?: string[];
  organizationId?: number;
  withoutOrganization?: boolean;
  roles?: Role[];
  verified?: boolean;
  suspended?: boolean;
  createdAfter?: Date;
  createdBefore?: Date;
  updatedAfter?: Date;
  updatedBefore?: Date;
  /** Extra SQL on `u.id` (custom field values), from the fields module. */
  extra?: { sql: string; params: unknown[] }[];
  /** Holds for nobody: an "any of" condition was given with nothing in it (`tagsAny: []`, `roles: []`). */
  nobody?: true;
}

const MAX_TAGS = FILTER_LIMITS.values;

function tagList(field: string, tags: string[] | null | undefined): string[] | undefined {
  if (!tags || tags.length === 0) return undefined;
  if (tags.length > MAX_TAGS) throw new UserInputError(field, msg('users.filterListAtMost', { maxTags: MAX_TAGS }));
  return normalizeTags(tags);
}

/** Validates a filter input into the conditions the SQL applies (the query is the caller's: it is not a condition on `u`). */
export async function userFilterOf(input: UserFilterInput | null | undefined, fieldValues: FieldValuesService): Promise<UserFilter> {
  const f: UserFilter = {};
  if (!input) return f;
  f.tags = tagList('tagsAll', input.tagsAll);
  f.tagsAny = tagList('tagsAny', input.tagsAny);
  // "At least one of these" with none given holds for nobody, never for everyone (a bulk delete of `roles: []`).
  if ((input.tagsAny && !f.tagsAny?.length) || (input.roles && input.roles.length === 0)) f.nobody = true;
  f.tagsNone = tagList('tagsNone', input.tagsNone);
  if (input.organizationId != null) {
    // An id that names nothing (not canonical, out of range) is an organization without users.
    const n = parseId(input.organizationId);
    if (n === null) f.nobody = true;
    else f.organizationId = n;
  }
  if (input.withoutOrganization != null) f.withoutOrganization = input.withoutOrganization;
  if (input.roles && input.roles.length) f.roles = [...new Set(input.roles)];
  if (input.verified != null) f.verified = input.verified;
  if (input.suspended != null) f.suspended = input.suspended;
  for (const k of ['createdAfter', 'createdBefore', 'updatedAfter', 'updatedBefore'] as const) {
    const d = input[k];
    if (d == null) continue;
    if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new UserInputError(k, msg('users.notTime'));
    f[k] = d;
  }
  if (input.fields && input.fields.length) f.extra = await fieldConditionsSql(fieldValues, input.fields, 'u.id');
  for (const k of Object.keys(f) as (keyof UserFilter)[]) if (f[k] === undefined) delete f[k];
  return f;
}

/** ` AND ...` conditions on alias `u` for the filter, with their parameters. */
export function filterSql(filter: UserFilter | undefined): { sql: string; params: unknown[] } {
  if (!filter) return { sql: '', params: [] };
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...p: unknown[]) => {
    parts.push(sql);
    params.push(...p);
  };
  for (const tag of filter.tags ?? []) add('EXISTS (SELECT 1 FROM user_tags ft WHERE ft.user_id = u.id AND ft.tag = ?)', tag);
  if (filter.tagsAny?.length) {
    add(`EXISTS (SELECT 1 FROM user_tags ft WHERE ft.user_id = u.id AND ft.tag IN (${placeholders(filter.tagsAny.length)}))`, ...filter.tagsAny);
  }
  if (filter.tagsNone?.length) {
    add(
      `NOT EXISTS (SELECT 1 FROM user_tags ft WHERE ft.user_id = u.id AND ft.tag IN (${placeholders(filter.tagsNone.length)}))`,
      ...filter.tagsNone,
    );
  }
  if (filter.organizationId !== undefined) add('u.organization_id = ?', filter.organizationId);
  if (filter.withoutOrganization !== undefined) add(filter.withoutOrganization ? 'u.organization_id IS NULL' : 'u.organization_id IS NOT NULL');
  if (filter.roles?.length) add(`u.role IN (${placeholders(filter.roles.length)})`, ...filter.roles);
  if (filter.verified !== undefined) add('u.verified = ?', filter.verified ? 1 : 0);
  if (filter.suspended !== undefined) add('u.suspended = ?', filter.suspended ? 1 : 0);
  if (filter.createdAfter) add('u.created_at >= ?', sqlDate(filter.createdAfter));
  if (filter.createdBefore) add('u.created_at < ?', sqlDate(filter.createdBefore));
  if (filter.updatedAfter) add('u.updated_at >= ?', sqlDate(filter.updatedAfter));
  if (filter.updatedBefore) add('u.updated_at < ?', sqlDate(filter.updatedBefore));
  for (const e of filter.extra ?? []) add(e.sql, ...e.params);
  if (filter.nobody) add('1 = 0');
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params };
}
