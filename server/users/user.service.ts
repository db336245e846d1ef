import { In, IsNull, type EntityManager } from 'typeorm';
import type { Database } from '../db/database.js';
import { duplicateKeyOf } from '../db/database.js';
import { EmailTakenError, UserInputError } from '../graphql/errors.js';
import { parseEmail, type ParsedEmail } from './email-address.js';
import { profileChanges, type ProfileChanges } from './user-changes.js';
import { CreatedVia, Role, User } from './user.entity.js';
import { Deliverability, IdentityType, UserIdentity } from './user-identity.entity.js';
import { UserTag } from './user-tag.entity.js';
import type { CreateUserInput, UpdateUserInput, UserWarning } from './user.inputs.js';
import { searchUsers, countUsers, type UserPage, type UserPageRequest } from './user-search.js';
import { NotFoundError } from '../graphql/errors.js';

/** Who is acting and through which door. */
export interface Actor {
  userId: number | null;
  via: CreatedVia;
}

export interface CreatedUser {
  user: User;
  identities: UserIdentity[];
  tags: string[];
  warnings: UserWarning[];
}

export interface UserServiceOptions {
  defaultPhoneCountry?: string;
}

function emailOrThrow(value: unknown, field = 'email'): ParsedEmail {
  if (value === null || value === undefined) throw new UserInputError(field, 'Email is required.');
  const r = parseEmail(value);
  if (!r.ok) throw new UserInputError(field, r.reason);
  return r.email;
}

function emailWarnings(email: ParsedEmail): UserWarning[] {
  if (email.deliverability !== 'UNDELIVERABLE_RESERVED') return [];
  return [
    {
      code: 'UNDELIVERABLE_RESERVED',
      field: 'email',
      message: `${email.domain} is a reserved domain: the account is kept, but email is never sent to ${email.address}.`,
    },
  ];
}

/**
 * The one door for accounts: every path that creates or changes a user
 * (dialog, API, later import, tickets, self sign-up) goes through here.
 */
export class UserService {
  constructor(
    private readonly db: Database,
    private readonly opts: UserServiceOptions = {},
  ) {}

  async create(input: CreateUserInput, actor: Actor): Promise<CreatedUser> {
    if (input.name === null || input.name === undefined) throw new UserInputError('name', 'Name is required.');
    const email = emailOrThrow(input.email);
    const changes = profileChanges(input, this.opts);
    const now = new Date();
    const c = changes.columns;
    const row = {
      name: c.name!,
      nameKey: c.nameKey!,
      role: c.role ?? Role.END_USER,
      phone: c.phone ?? null,
      organization: c.organization ?? null,
      timeZone: c.timeZone ?? null,
      locale: c.locale ?? null,
      externalId: c.externalId ?? null,
      externalIdKey: c.externalIdKey ?? null,
      alias: c.alias ?? null,
      details: c.details ?? null,
      notes: c.notes ?? null,
      verified: c.verified ?? false,
      suspended: c.suspended ?? false,
      createdVia: actor.via,
      createdById: actor.userId,
      deletedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    const tags = changes.tags ?? [];
    try {
      return await this.db.transaction(async (m) => {
        const id = await this.insertId(m, User, row);
        const identity = {
          userId: id,
          type: IdentityType.EMAIL,
          value: email.address,
          valueNormalized: email.normalized,
          primary: true,
          verified: row.verified,
          deliverability: email.deliverability as Deliverability,
          createdAt: now,
          updatedAt: now,
        };
        const identityId = await this.insertId(m, UserIdentity, identity);
        await this.insertTags(m, id, tags);
        const user = Object.assign(new User(), row, { id });
        const identities = [Object.assign(new UserIdentity(), identity, { id: identityId })];
        return { user, identities, tags, warnings: emailWarnings(email) };
      });
    } catch (err) {
      throw await this.explainDuplicate(err, { email: email.normalized, externalIdKey: row.externalIdKey });
    }
  }

  async update(id: number, input: UpdateUserInput): Promise<User> {
    const changes = profileChanges(input, this.opts);
    const email = input.email !== undefined ? emailOrThrow(input.email) : null;
    const existing = await this.findById(id);
    if (!existing) throw new NotFoundError(`User ${id}`);
    try {
      await this.db.transaction(async (m) => {
        const now = new Date();
        await m.createQueryBuilder().update(User).set({ ...changes.columns, updatedAt: now }).where('id = :id', { id }).execute();
        if (email) await this.replacePrimaryEmail(m, id, email, changes.columns.verified, now);
        else if (changes.columns.verified !== undefined) {
          await m
            .createQueryBuilder()
            .update(UserIdentity)
            .set({ verified: changes.columns.verified, updatedAt: now })
            .where('user_id = :id AND is_primary = :p AND type = :t', { id, p: true, t: IdentityType.EMAIL })
            .execute();
        }
        if (changes.tags) {
          await m.createQueryBuilder().delete().from(UserTag).where('user_id = :id', { id }).execute();
          await this.insertTags(m, id, changes.tags);
        }
      });
    } catch (err) {
      throw await this.explainDuplicate(err, { email: email?.normalized, externalIdKey: changes.columns.externalIdKey }, id);
    }
    return (await this.findById(id))!;
  }

  findById(id: number): Promise<User | null> {
    return this.db.manager.getRepository(User).findOneBy({ id, deletedAt: IsNull() });
  }

  search(req: UserPageRequest): Promise<UserPage> {
    return searchUsers(this.db, req);
  }

  count(query: string | null): Promise<number> {
    return countUsers(this.db, query);
  }

  async identitiesOf(userIds: readonly number[]): Promise<UserIdentity[]> {
    if (userIds.length === 0) return [];
    return this.db.manager.getRepository(UserIdentity).find({
      where: { userId: In([...userIds]) },
      order: { primary: 'DESC', id: 'ASC' },
    });
  }

  async tagsOf(userIds: readonly number[]): Promise<UserTag[]> {
    if (userIds.length === 0) return [];
    return this.db.manager.getRepository(UserTag).find({ where: { userId: In([...userIds]) }, order: { tag: 'ASC' } });
  }

  private async replacePrimaryEmail(m: EntityManager, userId: number, email: ParsedEmail, verified: boolean | undefined, now: Date) {
    const current = await m.getRepository(UserIdentity).findOneBy({ userId, type: IdentityType.EMAIL, primary: true });
    const sameAddress = current?.valueNormalized === email.normalized;
    const set = {
      value: email.address,
      valueNormalized: email.normalized,
      deliverability: email.deliverability as Deliverability,
      // A new address has not been verified yet, unless the same change says so.
      verified: verified ?? (sameAddress ? current!.verified : false),
      updatedAt: now,
    };
    if (current) {
      await m.createQueryBuilder().update(UserIdentity).set(set).where('id = :id', { id: current.id }).execute();
    } else {
      await this.insertId(m, UserIdentity, { ...set, userId, type: IdentityType.EMAIL, primary: true, createdAt: now });
    }
  }

  private async insertTags(m: EntityManager, userId: number, tags: string[]): Promise<void> {
    if (tags.length === 0) return;
    await m
      .createQueryBuilder()
      .insert()
      .into(UserTag)
      .values(tags.map((tag) => ({ userId, tag })))
      .updateEntity(false)
      .execute();
  }

  /** Inserts one row without TypeORM's read-back and returns its id (MySQL and SQLite). */
  private async insertId<T extends object>(m: EntityManager, entity: new () => T, values: object): Promise<number> {
    const result = await m.createQueryBuilder().insert().into(entity).values(values as never).updateEntity(false).execute();
    const raw = result.raw as { insertId?: number } | number | bigint;
    const id = typeof raw === 'object' ? raw.insertId : raw;
    if (id === undefined || id === null) throw new Error('insert returned no id');
    return Number(id);
  }

  /** Turns a unique-index refusal into the error a client can act on. */
  private async explainDuplicate(
    err: unknown,
    keys: { email?: string | null; externalIdKey?: string | null },
    selfId?: number,
  ): Promise<unknown> {
    const dup = duplicateKeyOf(err);
    if (!dup) return err;
    if (/value_normalized|type_value/.test(dup.index) && keys.email) {
      const owner = await this.ownerOfEmail(keys.email);
      return new EmailTakenError(owner ?? { id: 0, name: 'another user' });
    }
    if (/external_id/.test(dup.index) && keys.externalIdKey) {
      const owner = await this.db.manager.getRepository(User).findOneBy({ externalIdKey: keys.externalIdKey });
      const e = new UserInputError('externalId', `This external ID is already used by ${owner?.name ?? 'another user'}.`);
      if (owner && owner.id !== selfId) e.extensions.existingUserId = String(owner.id);
      return e;
    }
    return err;
  }

  async ownerOfEmail(normalized: string): Promise<{ id: number; name: string } | null> {
    const identity = await this.db.manager
      .getRepository(UserIdentity)
      .findOneBy({ type: IdentityType.EMAIL, valueNormalized: normalized });
    if (!identity) return null;
    const user = await this.db.manager.getRepository(User).findOneBy({ id: identity.userId });
    return user ? { id: user.id, name: user.name } : null;
  }
}
