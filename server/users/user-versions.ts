import type { EntityManager } from 'typeorm';
import type { FieldChange } from '../audit/audit.types.js';
import { fieldText } from '../fields/field-values.service.js';
import type { Organization } from '../organizations/organization.entity.js';
import { reconcile, type VersionChange } from '../versions/record-versions.js';
import type { PreparedUpdate } from './user-account.types.js';
import type { User } from './user.entity.js';

/** Profile columns that versions follow (the audited ones), in stored form. */
export const VERSIONED = ['name', 'role', 'phone', 'timeZone', 'locale', 'externalId', 'alias', 'details', 'notes', 'verified', 'suspended'] as const;

/** What a user's save before its lock showed (see UserAccounts.lockForAudit). */
export interface UserBefore {
  user: User;
  email: string | null;
  tags: string[];
  organization: string | null;
}

/** The fields a prepared change gives, in the form record_versions stores them. */
function givenFields(p: PreparedUpdate, org: Organization | null | undefined): Map<string, unknown> {
  const mine = new Map<string, unknown>();
  const c = p.changes.columns;
  for (const f of VERSIONED) if (c[f] !== undefined) mine.set(f, c[f]);
  if (p.email) mine.set('email', p.email.address);
  if (org !== undefined) mine.set('organization', org?.name ?? null);
  if (p.changes.tags !== undefined) mine.set('tags', [...p.changes.tags].sort());
  for (const item of p.fields.items) mine.set(`fields.${item.field.key}`, fieldText(item.field, item.values));
  return mine;
}

/**
 * Merges a save made from `expectedVersion` with the saves since (under the
 * user's lock): fields only the others changed are left out of `p` (theirs
 * stay); a field both changed throws CONFLICT. Returns whether the
 * organization was left out.
 */
export async function reconcileUser(
  m: EntityManager,
  before: UserBefore,
  p: PreparedUpdate,
  org: Organization | null | undefined,
  expectedVersion: number,
): Promise<{ keepOrganization: boolean }> {
  const keep = await reconcile(m, 'user', before.user.id, expectedVersion, before.user.version, givenFields(p, org));
  const c = p.changes.columns as Record<string, unknown>;
  for (const f of keep) {
    if (f === 'email') p.email = null;
    else if (f === 'tags') p.changes.tags = undefined;
    else if (f === 'organization') p.changes.organization = undefined;
    else if (f.startsWith('fields.')) p.fields = { ...p.fields, items: p.fields.items.filter((i) => `fields.${i.field.key}` !== f) };
    else {
      delete c[f];
      if (f === 'name') delete c.nameKey;
      if (f === 'externalId') delete c.externalIdKey;
    }
  }
  return { keepOrganization: keep.includes('organization') };
}

/** What a save changed, with full values (notes and details included), for record_versions. */
export function versionChanges(
  before: UserBefore,
  p: PreparedUpdate,
  recorded: FieldChange[],
  org: { changed: boolean; name: string | null },
  tagsChanged: boolean,
): VersionChange[] {
  const c = p.changes.columns;
  const out: VersionChange[] = [];
  for (const f of VERSIONED) if (c[f] !== undefined && c[f] !== before.user[f]) out.push({ field: f, before: before.user[f], after: c[f] });
  if (p.email && p.email.address !== before.email) out.push({ field: 'email', before: before.email, after: p.email.address });
  if (org.changed) out.push({ field: 'organization', before: before.organization, after: org.name });
  if (tagsChanged) out.push({ field: 'tags', before: before.tags, after: [...p.changes.tags!].sort() });
  for (const r of recorded) if (r.field.startsWith('fields.')) out.push({ field: r.field, before: r.oldValue, after: r.newValue });
  return out;
}
