import { In, type EntityManager } from 'typeorm';
import { forUpdate } from '../db/locks.js';
import { Organization } from '../organizations/organization.entity.js';
import { UserFieldValueEntity } from '../fields/user-field.entity.js';
import { User } from './user.entity.js';
import { IdentityType, UserIdentity } from './user-identity.entity.js';
import { UserTag } from './user-tag.entity.js';

/** What an update compares a user with (the history's "before"), as one account's lock reads it. */
export interface UserSnapshot {
  user: User;
  email: string | null;
  tags: string[];
  organization: string | null;
  identities: Pick<UserIdentity, 'type' | 'valueNormalized' | 'uniqueValue'>[];
  fieldValues: UserFieldValueEntity[];
}

const PART = 500;

/**
 * The accounts a batch is about to update, locked (FOR UPDATE, in id order,
 * as one account's update locks its row) and read in a few queries for all
 * of them, instead of five or six for each: a re-import of an unchanged file
 * then writes nothing and reads each table once a chunk. An update that
 * writes drops its snapshot (BatchWrites.snapshots), so a second input for
 * the same account reads it again.
 */
export async function snapshotsForUpdate(m: EntityManager, ids: readonly number[]): Promise<Map<number, UserSnapshot>> {
  const out = new Map<number, UserSnapshot>();
  const sorted = [...new Set(ids)].filter((id) => id > 0).sort((a, b) => a - b);
  for (let i = 0; i < sorted.length; i += PART) {
    const part = sorted.slice(i, i + PART);
    const users = await forUpdate(
      m.createQueryBuilder(User, 'u').where('u.id IN (:...ids) AND u.deleted_at IS NULL', { ids: part }).orderBy('u.id'),
    ).getMany();
    if (users.length === 0) continue;
    const found = users.map((u) => u.id);
    const identities = await m.find(UserIdentity, {
      where: { userId: In(found) },
      select: { id: true, userId: true, type: true, value: true, valueNormalized: true, uniqueValue: true, primary: true },
    });
    const tags = await m.find(UserTag, { where: { userId: In(found) }, order: { tag: 'ASC' } });
    const values = await m.find(UserFieldValueEntity, { where: { userId: In(found) } });
    const orgIds = [...new Set(users.map((u) => u.organizationId).filter((o): o is number => o !== null))];
    const orgs = orgIds.length ? await m.find(Organization, { where: { id: In(orgIds) }, select: { id: true, name: true } }) : [];
    const orgName = new Map(orgs.map((o) => [o.id, o.name]));
    const byUser = <T extends { userId: number }>(rows: T[]) => {
      const map = new Map<number, T[]>();
      for (const r of rows) map.set(r.userId, [...(map.get(r.userId) ?? []), r]);
      return (id: number) => map.get(id) ?? [];
    };
    const identitiesOf = byUser(identities);
    const tagsOf = byUser(tags);
    const valuesOf = byUser(values);
    for (const user of users) {
      const mine = identitiesOf(user.id);
      const email = mine.find((x) => x.type === IdentityType.EMAIL && x.primary)?.value ?? null;
      user.primaryEmail = email;
      out.set(user.id, {
        user,
        email,
        tags: tagsOf(user.id).map((t) => t.tag),
        organization: user.organizationId === null ? null : (orgName.get(user.organizationId) ?? null),
        identities: mine,
        fieldValues: valuesOf(user.id),
      });
    }
  }
  return out;
}
