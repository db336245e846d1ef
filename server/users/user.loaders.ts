import DataLoader from 'dataloader';
import type { UserService } from './user.service.js';
import type { UserIdentity } from './user-identity.entity.js';

/** Per-request batching: one query for the identities and one for the tags of a whole page. */
export function userLoaders(users: UserService) {
  return {
    identities: new DataLoader<number, UserIdentity[]>(async (ids) => {
      const rows = await users.identitiesOf(ids);
      const by = new Map<number, UserIdentity[]>(ids.map((id) => [id, []]));
      for (const r of rows) by.get(r.userId)?.push(r);
      return ids.map((id) => by.get(id)!);
    }),
    tags: new DataLoader<number, string[]>(async (ids) => {
      const rows = await users.tagsOf(ids);
      const by = new Map<number, string[]>(ids.map((id) => [id, []]));
      for (const r of rows) by.get(r.userId)?.push(r.tag);
      return ids.map((id) => by.get(id)!);
    }),
  };
}

export type UserLoaders = ReturnType<typeof userLoaders>;
