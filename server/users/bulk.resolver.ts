import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { UserInputError } from '../graphql/errors.js';
import { authorize, can } from '../auth/policy.js';
import type { Context } from '../graphql/context.js';
import { listSize } from '../graphql/list-size.js';
import { connection } from '../graphql/connection.js';
import { organizationPolicy } from '../organizations/organization.policy.js';
import { userPolicy } from './user.policy.js';
import { User } from './user.entity.js';
import { CreateUserInput, UpdateUserInput } from './user.inputs.js';
import { userToChange } from './user.resolver.js';
import type { BatchInput, BatchMode, BulkOutcome } from './user-batch.js';
import { batchGuard } from './bulk-guard.js';
import { changeCursor } from './user-change-feed.js';
import { BULK_MAX, BulkUserResult, BulkUserStatus, UpsertUserInput, UserChangeConnection, UserChangeKind } from './bulk.types.js';
import { msg, renderText } from '../i18n/message.js';

/**
 * Partner apps' bulk writes and sync: createUsers and upsertUsers (up to
 * 1,000 inputs, one transaction, partial success), lookups by external id,
 * the change feed (userChanges), and tag edits that do not replace the set.
 */
@Resolver()
export class BulkUserResolver {
  @Mutation(() => [BulkUserResult], {
    description:
      'Adds up to 1,000 accounts in one call: one result per input, in order. A bad input fails alone (status FAILED with every problem); the others are written.',
  })
  @Authorized(userPolicy.create)
  @listSize({ kind: 'inputs', argument: 'inputs', max: BULK_MAX })
  createUsers(
    @Arg('inputs', () => [CreateUserInput], { description: 'The new accounts, at most 1,000.' }) inputs: CreateUserInput[],
    @Ctx() ctx: Context,
  ): Promise<BulkUserResult[]> {
    return this.bulk(inputs, 'CREATE', ctx);
  }

  @Mutation(() => [BulkUserResult], {
    description:
      'Creates or updates up to 1,000 accounts in one call, matching each input by external ID, then any email, then a phone number: one result per input, in order ' +
      '(CREATED, UPDATED, UNCHANGED or FAILED). A bad input fails alone.',
  })
  @Authorized(userPolicy.create)
  @listSize({ kind: 'inputs', argument: 'inputs', max: BULK_MAX })
  upsertUsers(
    @Arg('inputs', () => [UpsertUserInput], { description: 'The accounts, at most 1,000.' }) inputs: UpsertUserInput[],
    @Ctx() ctx: Context,
  ): Promise<BulkUserResult[]> {
    return this.bulk(inputs, 'CREATE_OR_UPDATE', ctx);
  }

  private async bulk(inputs: BatchInput[], mode: BatchMode, ctx: Context): Promise<BulkUserResult[]> {
    if (inputs.length > BULK_MAX) throw new UserInputError('inputs', msg('users.atMostInputsPer', { bulkMax: BULK_MAX }));
    const outcomes = await ctx.users.writeBatch(inputs, ctx.actor, {
      mode,
      wo: { canCreateOrganization: can(ctx.viewer, organizationPolicy.manage) },
      guard: batchGuard(ctx.viewer),
    });
    return results(outcomes, ctx);
  }

  @Query(() => User, { nullable: true, description: 'The user with this external ID (any letter case), or null.' })
  @Authorized(userPolicy.list)
  async userByExternalId(
    @Arg('externalId', () => String, { description: 'The identifier in another system.' }) externalId: string,
    @Ctx() ctx: Context,
  ): Promise<User | null> {
    const [user] = await ctx.users.byExternalIds([externalId]);
    return user ?? null;
  }

  @Query(() => UserChangeConnection, {
    description:
      'Users created, updated or deleted since a cursor, oldest change first, each user once with its latest change; deletions as tombstones. ' +
      'The cursor is a sequence given to committed changes only, so it never skips a change committed late by a slower write. Start without `after`.',
  })
  @Authorized(userPolicy.list)
  @listSize({ kind: 'page', max: 100 })
  async userChanges(
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page; none to start from the beginning.' })
    after: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 100, description: 'How many changes to return, 0 to 100.' }) first: number | null,
    @Ctx() ctx: Context,
  ): Promise<UserChangeConnection> {
    const page = await ctx.userChangeFeed.page({ first, after });
    const live = page.items.filter((e) => e.deletedAt === null).map((e) => e.userId);
    const users = new Map((await ctx.users.byIds(live)).map((u) => [u.id, u]));
    for (const u of users.values()) ctx.loaders.users.prime(u.id, u);
    // A user deleted between reading the page and reading the users is a tombstone too, never an empty entry.
    const gone = await ctx.userChangeFeed.deletedAt(live.filter((id) => !users.has(id)));
    const nodes = page.items.map((e) => {
      const deletedAt = e.deletedAt ?? gone.get(e.userId) ?? null;
      return {
        seq: e.seq,
        kind: (deletedAt ? 'DELETED' : e.kind) as UserChangeKind,
        changedAt: e.changedAt,
        user: deletedAt ? null : users.get(e.userId)!,
        tombstone: deletedAt ? { id: String(e.userId), externalId: e.externalId, deletedAt } : null,
      };
    });
    return connection({ ...page, items: nodes }, (n) => changeCursor.encode(n.seq));
  }

  @Mutation(() => User, { description: 'Adds tags to a user, keeping the tags it has (two systems adding tags do not overwrite each other).' })
  @Authorized(userPolicy.update)
  addUserTags(
    @Arg('userId', () => ID, { description: 'The account.' }) userId: string,
    @Arg('tags', () => [String], { description: 'Tags to add; those it has already are left as they are.' }) tags: string[],
    @Ctx() ctx: Context,
  ): Promise<User> {
    return this.editTags(userId, 'add', tags, ctx);
  }

  @Mutation(() => User, { description: 'Removes tags from a user, keeping its other tags.' })
  @Authorized(userPolicy.update)
  removeUserTags(
    @Arg('userId', () => ID, { description: 'The account.' }) userId: string,
    @Arg('tags', () => [String], { description: 'Tags to remove; those it does not have are ignored.' }) tags: string[],
    @Ctx() ctx: Context,
  ): Promise<User> {
    return this.editTags(userId, 'remove', tags, ctx);
  }

  private async editTags(userId: string, op: 'add' | 'remove', tags: string[], ctx: Context): Promise<User> {
    const target = await userToChange(userId, ctx);
    authorize(ctx.viewer, userPolicy.update, { user: target, input: { tags } });
    // Through the one edit of a user (history, version, change listeners), on the tags as locked; the rule again on
    // the row as locked: a role changed since the read must not let an agent edit staff's tags.
    return ctx.users.update(target, new UpdateUserInput(), ctx.actor, {
      tagEdit: op === 'add' ? { add: tags, remove: [] } : { add: [], remove: tags },
      unless: (locked) => authorize(ctx.viewer, userPolicy.update, { user: locked, input: { tags } }),
    });
  }
}

/** The results of a batch with their users, read in one query. */
export async function results(outcomes: BulkOutcome[], ctx: Context): Promise<BulkUserResult[]> {
  const ids = outcomes.flatMap((o) => (o.userId === null ? [] : [o.userId]));
  const users = new Map((await ctx.users.byIds(ids)).map((u) => [u.id, u]));
  for (const u of users.values()) ctx.loaders.users.prime(u.id, u);
  // Who owns a taken address is told only to those who may list users (as for createUser's errors).
  const seeUsers = can(ctx.viewer, userPolicy.list);
  return outcomes.map((o) => ({
    index: o.index,
    status: o.status as BulkUserStatus,
    user: o.userId === null ? null : (users.get(o.userId) ?? null),
    errors: o.errors.map((e) => ({ code: e.code, field: e.field, message: renderText(seeUsers ? e.text : (e.publicText ?? e.text), ctx.lang) })),
    warnings: o.warnings,
  }));
}
