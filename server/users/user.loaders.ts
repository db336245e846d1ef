import DataLoader from 'dataloader';
import type { UserService } from './user.service.js';
import type { UserIdentity } from './user-identity.entity.js';
import type { User } from './user.entity.js';
import { UserTombstone } from './bulk.types.js';
import type { OrganizationService } from '../organizations/organization.service.js';
import type { Organization } from '../organizations/organization.entity.js';

/** Groups rows by key, with an empty list for every key asked for. */
function grouped<K, R>(keys: readonly K[], rows: R[], keyOf: (r: R) => K): R[][] {
  const by = new Map<K, R[]>(keys.map((k) => [k, []]));
  for (const r of rows) by.get(keyOf(r))?.push(r);
  return keys.map((k) => by.get(k)!);
}

/**
 * Per-request batching: a page of users costs one query per kind of thing
 * asked for (identities, tags, organizations, ...), whatever the page size.
 */
export function userLoaders(users: UserService, organizations: OrganizationService) {
  return {
    identities: new DataLoader<number, UserIdentity[]>(async (ids) => grouped(ids, await users.identitiesOf(ids), (r) => r.userId)),
    tags: new DataLoader<number, string[]>(async (ids) =>
      grouped(ids, await users.tagsOf(ids), (r) => r.userId).map((rows) => rows.map((r) => r.tag)),
    ),
    users: new DataLoader<number, User | null>(async (ids) => {
      const found = new Map((await users.byIds(ids)).map((u) => [u.id, u]));
      return ids.map((id) => found.get(id) ?? null);
    }),
    /** Deleted or erased accounts (a ticket's requester gone): null while the account exists. */
    tombstones: new DataLoader<number, UserTombstone | null>(async (ids) => {
      const found = new Map((await users.tombstonesOf(ids)).map((t) => [t.id, t]));
      return ids.map((id) => {
        const t = found.get(id);
        return t ? Object.assign(new UserTombstone(), { id: String(t.id), externalId: t.externalId, deletedAt: t.deletedAt }) : null;
      });
    }),
    /** Who holds each phone number (for shared numbers). */
    phoneHolders: new DataLoader<string, number[]>(async (numbers) =>
      grouped(numbers, await users.holdersOfPhones(numbers), (r) => r.value).map((rows) => rows.map((r) => r.userId)),
    ),
    organizations: new DataLoader<number, Organization | null>(async (ids) => {
      const found = new Map((await organizations.byIds(ids)).map((o) => [o.id, o]));
      return ids.map((id) => found.get(id) ?? null);
    }),
    organizationDomains: new DataLoader<number, string[]>(async (ids) =>
      grouped(ids, await organizations.domainsOf(ids), (r) => r.id).map((rows) => rows.map((r) => r.value)),
    ),
    organizationTags: new DataLoader<number, string[]>(async (ids) =>
      grouped(ids, await organizations.tagsOf(ids), (r) => r.id).map((rows) => rows.map((r) => r.value)),
    ),
    organizationUserCounts: new DataLoader<number, number>(async (ids) => {
      const counts = await organizations.userCounts(ids);
      return ids.map((id) => counts.get(id) ?? 0);
    }),
  };
}

export type UserLoaders = ReturnType<typeof userLoaders>;
