import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { NotFoundError, UserInputError } from '../graphql/errors.js';
import { authorize, can } from '../auth/policy.js';
import { externalIdKey, LIMITS, normalizeTags } from './profile-rules.js';
import { LOOKUP_MAX } from './bulk.types.js';
import type { UserFilter } from './user-search.js';
import type { WriteOptions } from './user.service.js';
import { UserFieldFilter } from '../fields/user-field.types.js';
import type { Context } from '../graphql/context.js';
import { parseId } from '../graphql/ids.js';
import { listSize } from '../graphql/list-size.js';
import { userPolicy } from './user.policy.js';
import { organizationPolicy } from '../organizations/organization.policy.js';
import { UserEventConnection } from '../audit/audit.types.js';
import { eventCursor } from '../audit/audit.service.js';
import { User } from './user.entity.js';
import { UserIdentity } from './user-identity.entity.js';
import { CreateUserInput, CreateUserPayload, UpdateUserInput, UserWarning, unnamedWarningText } from './user.inputs.js';
import { UserConnection, userConnection } from './user-connection.js';
import { userCursor } from './user-search.js';
import { connection } from '../graphql/connection.js';
import { UserFilterInput, UserSortInput } from './user-filter.types.js';
import { userFilterOf } from './user-filter.js';
import { UserPermissions, userPermissions } from './user-permissions.js';
import { msg, renderText } from '../i18n/message.js';

/**
 * No rule caps how many addresses an account has; the cost limit counts this
 * many (GRAPHQL_MAX_RESPONSE_BYTES answers the rare account with more).
 */
export const IDENTITIES_BOUND = 20;

/** Admins may name a new organization (it is created). */
function writeOptions(ctx: Context): WriteOptions {
  return { canCreateOrganization: can(ctx.viewer, organizationPolicy.manage) };
}

@ObjectType({ description: 'A tag and how many users have it.' })
export class TagCount {
  @Field(() => String, { description: 'The tag, normalized (lower case, spaces as underscores).' })
  name: string;

  @Field(() => Int, { description: 'How many users have it.' })
  count: number;
}

/** The user an operation names; NOT_FOUND only for those who may change users at all. */
export async function userToChange(id: string, ctx: Context): Promise<User> {
  const n = parseId(id);
  authorize(ctx.viewer, userPolicy.write, n);
  const target = n === null ? null : await ctx.users.findById(n);
  if (!target) throw new NotFoundError(msg('notFound.user', { id }));
  return target;
}

@Resolver(() => User)
export class UserResolver {
  @Query(() => User, {
    nullable: true,
    description:
      'One user, or null when there is none with this id. End users may ask only for themself. An id merged into another account answers that survivor (staff; see mergedInto).',
  })
  @Authorized(userPolicy.read)
  async user(@Arg('id', () => ID, { description: 'The user to read.' }) id: string, @Ctx() ctx: Context): Promise<User | null> {
    const n = parseId(id);
    if (n === null) return null;
    authorize(ctx.viewer, userPolicy.read, { id: n });
    const user = await ctx.loaders.users.load(n);
    if (user || !can(ctx.viewer, userPolicy.list)) return user;
    // A merged-away account answers with the survivor (mergedInto says so).
    const survivor = await ctx.users.mergedInto(n);
    return survivor === null ? null : ctx.loaders.users.load(survivor);
  }

  @Query(() => UserConnection, {
    description:
      'Users: with a search, the best matches first (an exact email, phone or external id, then names that start with the query, then the others; ' +
      'newest first among equals), else newest first, unless `sort` says otherwise. `query` (or `filter.query`) is split into words, each of which ' +
      'must start a word of the name or alias, an email address, its local part or domain, a phone number (international or national digits), ' +
      'the external id, the organization name or a tag, ignoring case and accents. `tags` (all of them), `organizationId` and `fields` narrow the ' +
      'list as `filter` does; every condition given applies. `first` is capped at 100.',
  })
  @Authorized(userPolicy.list)
  @listSize({ kind: 'page', max: 100, keys: ['ids', 'externalIds'] })
  async users(
    @Arg('first', () => Int, { nullable: true, defaultValue: 25, description: 'How many users to return, 0 to 100.' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page.' }) after: string | null,
    @Arg('query', () => String, { nullable: true, description: 'Search words (the same as filter.query; both given: both apply).' })
    query: string | null,
    @Arg('tags', () => [String], { nullable: true, description: 'Users who have every one of these tags.' }) tags: string[] | null,
    @Arg('organizationId', () => ID, { nullable: true, description: 'Users of this organization.' }) organizationId: string | null,
    @Arg('fields', () => [UserFieldFilter], { nullable: true, description: 'Users whose custom fields hold these values (every filter applies).' })
    fields: UserFieldFilter[] | null,
    @Arg('ids', () => [ID], {
      nullable: true,
      description:
        'These users (up to 100, in this order; unknown or deleted ones are left out), as one page whatever `first` says. A search, filter, sort or cursor beside it is refused (BAD_USER_INPUT).',
    })
    ids: string[] | null,
    @Arg('externalIds', () => [String], {
      nullable: true,
      description:
        'The users with these external IDs (up to 100, any letter case, in this order; unknown ones are left out), as one page whatever `first` says. ' +
        'A search, filter, sort or cursor beside it is refused (BAD_USER_INPUT).',
    })
    externalIds: string[] | null,
    @Arg('filter', () => UserFilterInput, { nullable: true, description: 'Which users to list (what a customer list saves).' })
    filterInput: UserFilterInput | null,
    @Arg('sort', () => UserSortInput, { nullable: true, description: 'How to sort; left out: best matches first, else newest first.' })
    sort: UserSortInput | null,
    @Ctx() ctx: Context,
  ): Promise<UserConnection> {
    if (ids || externalIds) {
      // Read by key, the list is exactly the users named: a condition beside the keys would be ignored, so it is refused.
      const beside = keyedWith({ query, tags, organizationId, fields, filter: filterInput, sort, after });
      if (beside) throw new UserInputError(beside, msg('users.keysStandAlone', { field: ids ? 'ids' : 'externalIds', other: beside }));
      return usersByKeys(ids, externalIds, ctx);
    }
    const filter: UserFilter = await userFilterOf(filterInput, ctx.fieldValues);
    if (tags && tags.length) filter.tags = [...(filter.tags ?? []), ...normalizeTags(tags)];
    if (organizationId !== null && organizationId !== undefined) {
      // An id that names nothing (not canonical, out of range) is an organization without users.
      const n = parseId(organizationId);
      if (n === null) filter.nobody = true;
      else filter.organizationId = n;
    }
    if (fields && fields.length) filter.extra = [...(filter.extra ?? []), await ctx.fieldValues.filterClause(fields, 'u.id')];
    const q = [query, filterInput?.query].filter((x) => x != null && x.trim() !== '').join(' ') || null;
    const page = await ctx.users.search({ first, after, query: q, filter, sort });
    for (const u of page.items) ctx.loaders.users.prime(u.id, u);
    return userConnection(page, filter);
  }

  @Query(() => User, { nullable: true, description: 'The user who has this email address (primary or not, any letter case), or null.' })
  @Authorized(userPolicy.list)
  async userByEmail(
    @Arg('email', () => String, { description: "Any of the user's email addresses." }) email: string,
    @Ctx() ctx: Context,
  ): Promise<User | null> {
    return ctx.users.findByEmail(email);
  }

  @Query(() => [TagCount], {
    name: 'tags',
    description: 'Tags on users, most used first; `query` matches their start (for autocomplete). `first` is capped at 100.',
  })
  @Authorized(userPolicy.list)
  @listSize({ kind: 'page', max: 100 })
  async tagCounts(
    @Arg('query', () => String, { nullable: true, description: 'The start of the tags to find.' }) query: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: 'How many tags to return, 0 to 100.' }) first: number | null,
    @Ctx() ctx: Context,
  ): Promise<TagCount[]> {
    return ctx.users.tagCounts(query, first);
  }

  @Mutation(() => CreateUserPayload, { description: 'Adds an account. Fails with EMAIL_TAKEN when the address belongs to someone.' })
  @Authorized(userPolicy.create)
  async createUser(
    @Arg('input', () => CreateUserInput, { description: 'The new account.' }) input: CreateUserInput,
    @Ctx() ctx: Context,
  ): Promise<CreateUserPayload> {
    authorize(ctx.viewer, userPolicy.create, input);
    const created = await ctx.users.create(input, ctx.actor, { canCreateOrganization: writeOptions(ctx).canCreateOrganization });
    ctx.loaders.identities.prime(created.user.id, created.identities);
    ctx.loaders.tags.prime(created.user.id, created.tags);
    return { user: created.user, warnings: created.warnings };
  }

  @Mutation(() => User, {
    description:
      'Changes the given fields only; null clears an optional field. An input that changes nothing writes nothing (no history line) and answers the account as it is, ' +
      'read with the same rules as `user`.',
  })
  @Authorized(userPolicy.update)
  async updateUser(
    @Arg('id', () => ID, { description: 'The account to change.' }) id: string,
    @Arg('input', () => UpdateUserInput, { description: 'The fields to change.' }) input: UpdateUserInput,
    @Arg('checkRequiredFields', () => Boolean, {
      nullable: true,
      defaultValue: false,
      description:
        "Kept for older clients; it changes nothing. Required custom fields hold the same way for every save: one that empties an end user's required field " +
        "is refused (BAD_USER_INPUT naming the field's key); one that leaves it alone is never blocked by it, even when it has no value yet.",
    })
    _checkRequiredFields: boolean | null,
    @Arg('expectedVersion', () => Int, {
      nullable: true,
      description:
        'The `version` the change was made from. Saves made since are merged: fields only they changed stay theirs; a field both changed fails the save with ' +
        'CONFLICT (extensions.conflicts: field, theirValue, yourValue, changedBy, changedAt), writing nothing. Left out: the last write wins.',
    })
    expectedVersion: number | null,
    @Ctx() ctx: Context,
  ): Promise<User> {
    const target = await userToChange(id, ctx);
    authorize(ctx.viewer, userPolicy.update, { user: target, input });
    // Again on the row as locked: a role changed since the read must not let an agent change staff.
    const wo = { ...writeOptions(ctx), unless: (locked: User) => authorize(ctx.viewer, userPolicy.update, { user: locked, input }) };
    return ctx.users.update(target, input, ctx.actor, expectedVersion === null || expectedVersion === undefined ? wo : { ...wo, expectedVersion });
  }

  @Mutation(() => Boolean, {
    description:
      'Deletes an account. An end user moves to Deleted customers (deletedUsers) for the retention period: they leave every list, search, count and export, cannot sign in ' +
      '(sessions end, tokens stop), and keep their addresses, so restoreUser gives everything back; then their personal data is erased. ' +
      "A staff account's addresses become free at once. Recorded in the history.",
  })
  @Authorized(userPolicy.delete)
  async deleteUser(@Arg('id', () => ID, { description: 'The account to delete.' }) id: string, @Ctx() ctx: Context): Promise<boolean> {
    const target = await userToChange(id, ctx);
    authorize(ctx.viewer, userPolicy.delete, target);
    // Again on the row as locked: a role changed since the read must not let an agent delete staff.
    await ctx.users.delete(target, ctx.actor, (locked) => authorize(ctx.viewer, userPolicy.delete, locked));
    return true;
  }

  @FieldResolver(() => UserEventConnection, { description: 'The audit trail of this account, newest first. Agents and admins.' })
  @Authorized(userPolicy.readPrivate)
  @listSize({ kind: 'page', max: 100 })
  async events(
    @Root() user: User,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: 'How many entries to return, 0 to 100.' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page.' }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<UserEventConnection> {
    const page = await ctx.audit.forUser(user.id, { first, after });
    return { ...connection(page, (e) => eventCursor.encode(e.id)), totalCount: page.total };
  }

  @FieldResolver(() => String, { description: 'The primary email address (domain in ASCII form). Every account has one.' })
  @Authorized(userPolicy.read)
  async email(@Root() user: User, @Ctx() ctx: Context): Promise<string> {
    if (typeof user.primaryEmail === 'string') return user.primaryEmail;
    const ids = await ctx.loaders.identities.load(user.id);
    const primary = ids.find((i) => i.primary && i.type === 'EMAIL')?.value;
    if (primary === undefined) throw new Error(`User ${user.id} has no primary email.`);
    return primary;
  }

  @FieldResolver(() => [String], { description: 'Tags, normalized (lower case, spaces as underscores). Agents and admins.' })
  @Authorized(userPolicy.readPrivate)
  @listSize({ kind: 'bound', max: LIMITS.tags })
  tags(@Root() user: User, @Ctx() ctx: Context): Promise<string[]> {
    return ctx.loaders.tags.load(user.id);
  }

  @FieldResolver(() => [UserIdentity], { description: 'Email addresses and phone numbers, primary first.' })
  @Authorized(userPolicy.read)
  @listSize({ kind: 'bound', max: IDENTITIES_BOUND })
  identities(@Root() user: User, @Ctx() ctx: Context): Promise<UserIdentity[]> {
    return ctx.loaders.identities.load(user.id);
  }

  @FieldResolver(() => UserPermissions, { description: 'What the person asking may do to this account, by the same rules the server applies.' })
  @Authorized(userPolicy.read)
  viewerCan(@Root() user: User, @Ctx() ctx: Context): UserPermissions {
    return userPermissions(ctx.viewer, user);
  }
}

/** The first argument given beside users(ids:) or users(externalIds:) that would narrow or order the list (null, blank or empty: not given). */
function keyedWith(args: Record<string, unknown>): string | null {
  const given = (v: unknown): boolean =>
    Array.isArray(v) ? v.length > 0 : typeof v === 'string' ? v.trim() !== '' : v instanceof Object ? Object.values(v).some(given) : v != null;
  return Object.keys(args).find((k) => given(args[k])) ?? null;
}

/** `users(ids:)` and `users(externalIds:)`: up to 100 users by key, in the order asked, as one page. */
async function usersByKeys(ids: string[] | null, externalIds: string[] | null, ctx: Context): Promise<UserConnection> {
  if (ids && externalIds) throw new UserInputError('ids', msg('users.giveIdsExternalidsNot'));
  const keys = (ids ?? externalIds)!;
  const field = ids ? 'ids' : 'externalIds';
  if (keys.length > LOOKUP_MAX) throw new UserInputError(field, msg('users.atMostAtOnce', { lookupMax: LOOKUP_MAX, field }));
  let found: User[];
  if (ids) {
    const numbers = ids.map(parseId);
    const byId = new Map((await ctx.users.byIds(numbers.filter((n): n is number => n !== null))).map((u) => [u.id, u]));
    found = [...new Set(numbers)].flatMap((n) => (n !== null && byId.has(n) ? [byId.get(n)!] : []));
  } else {
    const users = await ctx.users.byExternalIds(keys);
    const byKey = new Map(users.map((u) => [externalIdKey(u.externalId!), u]));
    found = [...new Set(keys.map((k) => externalIdKey(k.trim())))].flatMap((k) => (byKey.has(k) ? [byKey.get(k)!] : []));
  }
  for (const u of found) ctx.loaders.users.prime(u.id, u);
  const page = { items: found, hasNextPage: false, hasPreviousPage: false };
  return Object.assign(new UserConnection(), { ...connection(page, (u) => userCursor.encode(u.id)), query: null, total: found.length });
}

@Resolver(() => UserConnection)
export class UserConnectionResolver {
  @FieldResolver(() => Int, { description: 'How many users match, over all pages.' })
  async totalCount(@Root() connection: UserConnection, @Ctx() ctx: Context): Promise<number> {
    if (connection.total !== undefined) return connection.total;
    return ctx.users.count(connection.query, connection.filter);
  }

  @FieldResolver(() => [String], {
    description:
      'When a search matches nobody: searches one letter away that match someone ("Dupond" suggests "dupont"), at most 5; empty otherwise.',
  })
  @listSize({ kind: 'bound', max: 5 })
  suggestions(@Root() connection: UserConnection, @Ctx() ctx: Context): Promise<string[]> {
    if (connection.edges.length > 0 || connection.query === null) return Promise.resolve([]);
    return ctx.users.suggest(connection.query, connection.filter);
  }
}

/** Who else a warning is about is told only to those who may list users (staff, tokens with USERS_READ). */
@Resolver(() => UserWarning)
export class UserWarningResolver {
  @FieldResolver(() => ID, {
    nullable: true,
    description: 'The other user concerned, e.g. who else has a shared phone number. Null for those who may not list users.',
  })
  existingUserId(@Root() warning: UserWarning, @Ctx() ctx: Context): string | null {
    return can(ctx.viewer, userPolicy.list) ? (warning.existingUserId ?? null) : null;
  }

  @FieldResolver(() => String, { description: 'What happened, for people to read. Names another user only for those who may list users.' })
  message(@Root() warning: UserWarning, @Ctx() ctx: Context): string {
    const unnamed = unnamedWarningText(warning);
    return renderText(unnamed && !can(ctx.viewer, userPolicy.list) ? unnamed : warning.text, ctx.lang);
  }
}
