import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { NotFoundError } from '../graphql/errors.js';
import { UseMiddleware } from 'type-graphql';
import { StaffOnlyField } from '../auth/field-guards.js';
import { assertCanCreate, assertCanDelete, assertCanList, assertCanUpdate, assertCanView, assertCanWriteSomeone } from './user-policy.js';
import { UserEventConnection } from '../audit/audit.types.js';
import { eventCursor } from '../audit/audit.service.js';
import { User } from './user.entity.js';
import { UserIdentity } from './user-identity.entity.js';
import { CreateUserInput, CreateUserPayload, UpdateUserInput } from './user.inputs.js';
import { UserConnection } from './user-connection.js';
import { encodeCursor } from './user-search.js';
import { displayEmail } from './email-display.js';

/** GraphQL ids are strings of digits; anything else names no user. */
function parseId(id: string): number | null {
  return /^\d{1,15}$/.test(id) ? Number(id) : null;
}

@Resolver(() => User)
export class UserResolver {
  @Query(() => User, { nullable: true, description: 'One user, or null when there is none with this id.' })
  async user(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<User | null> {
    const n = parseId(id);
    if (n === null) return null;
    assertCanView(ctx.viewer, n);
    return ctx.users.findById(n);
  }

  @Query(() => UserConnection, {
    description: 'Users newest first. `query` matches the start of the name or of any email, ignoring case. `first` is capped at 100.',
  })
  async users(
    @Arg('first', () => Int, { nullable: true, defaultValue: 25 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('query', () => String, { nullable: true }) query: string | null,
    @Ctx() ctx: Context,
  ): Promise<UserConnection> {
    assertCanList(ctx.viewer);
    const page = await ctx.users.search({ first, after, query });
    const edges = page.users.map((node) => ({ cursor: encodeCursor(node.id), node }));
    return Object.assign(new UserConnection(), {
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
      query: page.query,
    });
  }

  @Mutation(() => CreateUserPayload, { description: 'Adds an account. Fails with EMAIL_TAKEN when the address belongs to someone.' })
  async createUser(@Arg('input', () => CreateUserInput) input: CreateUserInput, @Ctx() ctx: Context): Promise<CreateUserPayload> {
    assertCanCreate(ctx.viewer, input);
    const created = await ctx.users.create(input, ctx.actor);
    ctx.loaders.identities.prime(created.user.id, created.identities);
    ctx.loaders.tags.prime(created.user.id, created.tags);
    return { user: created.user, warnings: created.warnings };
  }

  @Mutation(() => User, { description: 'Changes the given fields only; null clears an optional field.' })
  async updateUser(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateUserInput) input: UpdateUserInput,
    @Ctx() ctx: Context,
  ): Promise<User> {
    const target = await this.target(id, ctx);
    assertCanUpdate(ctx.viewer, target, input);
    return ctx.users.update(target, input, ctx.actor);
  }

  @Mutation(() => Boolean, { description: 'Deletes an account: it leaves every list and its addresses become free. Recorded in the history.' })
  async deleteUser(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<boolean> {
    const target = await this.target(id, ctx);
    assertCanDelete(ctx.viewer, target);
    await ctx.users.delete(target, ctx.actor);
    return true;
  }

  /** The user a mutation is about; NOT_FOUND only for those who may change users at all. */
  private async target(id: string, ctx: Context): Promise<User> {
    const n = parseId(id);
    assertCanWriteSomeone(ctx.viewer, n);
    const target = n === null ? null : await ctx.users.findById(n);
    if (!target) throw new NotFoundError(`User ${id}`);
    return target;
  }

  @FieldResolver(() => UserEventConnection, { description: 'The audit trail of this account, newest first.' })
  @UseMiddleware(StaffOnlyField)
  async events(
    @Root() user: User,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<UserEventConnection> {
    const page = await ctx.audit.forUser(user.id, first ?? 20, after);
    const edges = page.events.map((node) => ({ cursor: eventCursor(node.id), node }));
    return {
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
      totalCount: page.total,
    };
  }

  @FieldResolver(() => String, { nullable: true, description: 'The primary email address (domain in ASCII form).' })
  async email(@Root() user: User, @Ctx() ctx: Context): Promise<string | null> {
    if (user.primaryEmail !== undefined) return user.primaryEmail;
    const ids = await ctx.loaders.identities.load(user.id);
    return ids.find((i) => i.primary && i.type === 'EMAIL')?.value ?? null;
  }

  @FieldResolver(() => [String])
  @UseMiddleware(StaffOnlyField)
  tags(@Root() user: User, @Ctx() ctx: Context): Promise<string[]> {
    return ctx.loaders.tags.load(user.id);
  }

  @FieldResolver(() => [UserIdentity], { description: 'Email addresses (and later phone numbers), primary first.' })
  identities(@Root() user: User, @Ctx() ctx: Context): Promise<UserIdentity[]> {
    return ctx.loaders.identities.load(user.id);
  }
}

@Resolver(() => UserIdentity)
export class UserIdentityResolver {
  @FieldResolver(() => String, { description: 'The value for people to read: an email domain in Unicode.' })
  displayValue(@Root() identity: UserIdentity): string {
    return identity.type === 'EMAIL' ? displayEmail(identity.value) : identity.value;
  }
}

@Resolver(() => UserConnection)
export class UserConnectionResolver {
  @FieldResolver(() => Int, { description: 'How many users match, over all pages.' })
  totalCount(@Root() connection: UserConnection, @Ctx() ctx: Context): Promise<number> {
    return ctx.users.count(connection.query);
  }
}
