import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { ForbiddenError, UserInputError } from '../graphql/errors.js';
import { isStaff, requireScope, requireSignedIn } from '../auth/viewer.js';
import { Role } from './user.entity.js';
import { IdentityType } from './user-identity.entity.js';
import { normalizeTags } from './profile-rules.js';
import type { UserFilter } from './user-search.js';
import type { WriteOptions } from './user.service.js';
import { UserFieldFilter } from '../fields/user-field.types.js';
import type { Context } from '../graphql/context.js';
import { NotFoundError } from '../graphql/errors.js';
import { parseId } from '../graphql/ids.js';
import { UseMiddleware } from 'type-graphql';
import { StaffOnlyField } from '../auth/field-guards.js';
import { assertCanCreate, assertCanDelete, assertCanList, assertCanUpdate, assertCanView, assertCanWriteSomeone } from './user-policy.js';
import { UserEventConnection } from '../audit/audit.types.js';
import { eventCursor } from '../audit/audit.service.js';
import { User } from './user.entity.js';
import { UserIdentity } from './user-identity.entity.js';
import { CreateUserInput, CreateUserPayload, UpdateUserInput, UserWarning } from './user.inputs.js';
import { UserConnection } from './user-connection.js';
import { userCursor } from './user-search.js';
import { connection } from '../graphql/connection.js';
import { displayEmail } from './email-display.js';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

const isStaffViewer = (ctx: Context): boolean => ctx.viewer.kind !== 'anonymous' && isStaff(ctx.viewer.user.role);

/** Agents saving a profile in the admin app fill required custom fields; admins may name a new organization. */
function writeOptions(ctx: Context): WriteOptions {
  const role = ctx.viewer.kind === 'anonymous' ? null : ctx.viewer.user.role;
  return { canCreateOrganization: role === Role.ADMIN, enforceRequiredFields: ctx.fromAdminApp && role !== null && isStaff(role) };
}

@ObjectType({ description: 'A tag and how many users have it.' })
export class TagCount {
  @Field(() => String)
  name: string;

  @Field(() => Int)
  count: number;
}

@InputType()
export class AddUserIdentityInput {
  @Field(() => IdentityType)
  type: IdentityType;

  @Field(() => String, { description: 'An email address, or a phone number in international format.' })
  value: string;

  @Field(() => Boolean, { nullable: true, description: 'Staff only: the address is known to belong to this person.' })
  verified?: boolean | null;
}

@ObjectType()
export class AddUserIdentityPayload {
  @Field(() => UserIdentity)
  identity: UserIdentity;

  @Field(() => User)
  user: User;

  @Field(() => [UserWarning])
  warnings: UserWarning[];
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
    description:
      'Users newest first. `query` matches the start of the name or of any email (or, for a query such as "+33 6", of any phone number), ignoring case. ' +
      '`tags` (all of them), `organizationId` and `fields` (custom field values) narrow the list; every filter given applies. `first` is capped at 100.',
  })
  async users(
    @Arg('first', () => Int, { nullable: true, defaultValue: 25 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('query', () => String, { nullable: true }) query: string | null,
    @Arg('tags', () => [String], { nullable: true }) tags: string[] | null,
    @Arg('organizationId', () => ID, { nullable: true }) organizationId: string | null,
    @Arg('fields', () => [UserFieldFilter], { nullable: true }) fields: UserFieldFilter[] | null,
    @Ctx() ctx: Context,
  ): Promise<UserConnection> {
    assertCanList(ctx.viewer);
    const filter: UserFilter = {};
    if (tags && tags.length) filter.tags = normalizeTags(tags);
    if (organizationId !== null && organizationId !== undefined) {
      const n = parseId(organizationId);
      if (n === null) throw new UserInputError('organizationId', 'This is not an organization id.');
      filter.organizationId = n;
    }
    if (fields && fields.length) filter.extra = [await ctx.fieldValues.filterClause(fields, 'u.id')];
    const page = await ctx.users.search({ first, after, query, filter });
    return Object.assign(new UserConnection(), { ...connection(page, (u) => userCursor.encode(u.id)), query: page.query, filter });
  }

  @Query(() => User, { nullable: true, description: 'The user who has this email address (primary or not, any letter case), or null.' })
  async userByEmail(@Arg('email', () => String) email: string, @Ctx() ctx: Context): Promise<User | null> {
    assertCanList(ctx.viewer);
    return ctx.users.findByEmail(email);
  }

  @Query(() => [TagCount], {
    name: 'tags',
    description: 'Tags on users, most used first; `query` matches their start (for autocomplete). `first` is capped at 100.',
  })
  async tagCounts(
    @Arg('query', () => String, { nullable: true }) query: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Ctx() ctx: Context,
  ): Promise<TagCount[]> {
    assertCanList(ctx.viewer);
    return ctx.users.tagCounts(query, first);
  }

  @Mutation(() => AddUserIdentityPayload, {
    description:
      'Adds an email or phone number. An email another user has is EMAIL_TAKEN; a phone number another user has is kept as a shared number, with a SHARED_PHONE warning.',
  })
  async addUserIdentity(
    @Arg('userId', () => ID) userId: string,
    @Arg('input', () => AddUserIdentityInput) input: AddUserIdentityInput,
    @Ctx() ctx: Context,
  ): Promise<AddUserIdentityPayload> {
    const target = await this.target(userId, ctx);
    assertCanUpdate(ctx.viewer, target, {});
    // Only staff can vouch for an address; end users verify by mail (a later issue).
    const verified = input.verified && isStaffViewer(ctx) ? true : false;
    const added = await ctx.users.addIdentity(target, { type: input.type, value: input.value, verified }, ctx.actor);
    ctx.loaders.identities.clear(target.id);
    return { identity: added.identity, user: (await ctx.users.findById(target.id))!, warnings: added.warnings };
  }

  @Mutation(() => User, { description: 'Removes an email or phone number; the primary email stays until another one is made primary.' })
  async removeUserIdentity(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<User> {
    const { identity, target } = await this.identityTarget(id, ctx);
    await ctx.users.removeIdentity(identity, ctx.actor);
    return (await ctx.users.findById(target.id))!;
  }

  @Mutation(() => User, { description: 'Makes an email or phone number the primary one. End users may only make a verified email primary.' })
  async makeUserIdentityPrimary(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<User> {
    const { identity, target } = await this.identityTarget(id, ctx);
    if (!isStaffViewer(ctx) && identity.type === 'EMAIL' && !identity.verified) {
      throw new ForbiddenError('Only a verified email address can become your primary address.');
    }
    await ctx.users.makePrimary(identity, ctx.actor);
    return (await ctx.users.findById(target.id))!;
  }

  @Mutation(() => UserIdentity, { description: 'Marks an email or phone number as verified (agents and admins).' })
  async verifyUserIdentity(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<UserIdentity> {
    const { identity } = await this.identityTarget(id, ctx);
    if (!isStaffViewer(ctx)) throw new ForbiddenError('Only agents and admins can mark an address as verified.');
    return ctx.users.verifyIdentity(identity, ctx.actor);
  }

  /** An identity and its user, for a change the viewer may make to that user. */
  private async identityTarget(id: string, ctx: Context): Promise<{ identity: UserIdentity; target: User }> {
    const n = parseId(id);
    const v = requireSignedIn(ctx.viewer);
    requireScope(v, 'users:write');
    const identity = n === null ? null : await ctx.users.identityById(n);
    // End users learn nothing about other people's identities: the same NOT_FOUND.
    if (!identity || (!isStaffViewer(ctx) && identity.userId !== v.user.id)) throw new NotFoundError(`Identity ${id}`);
    const target = (await ctx.users.findById(identity.userId))!;
    assertCanUpdate(ctx.viewer, target, {});
    return { identity, target };
  }

  @Mutation(() => CreateUserPayload, { description: 'Adds an account. Fails with EMAIL_TAKEN when the address belongs to someone.' })
  async createUser(@Arg('input', () => CreateUserInput) input: CreateUserInput, @Ctx() ctx: Context): Promise<CreateUserPayload> {
    assertCanCreate(ctx.viewer, input);
    const created = await ctx.users.create(input, ctx.actor, { canCreateOrganization: writeOptions(ctx).canCreateOrganization });
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
    return ctx.users.update(target, input, ctx.actor, writeOptions(ctx));
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
    const page = await ctx.audit.forUser(user.id, { first, after });
    return { ...connection(page, (e) => eventCursor.encode(e.id)), totalCount: page.total };
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
  @FieldResolver(() => [User], { description: 'For a shared phone number: the other users who have it.' })
  async sharedWith(@Root() identity: UserIdentity, @Ctx() ctx: Context): Promise<User[]> {
    if (identity.type !== 'PHONE' || ctx.viewer.kind === 'anonymous' || !isStaffViewer(ctx)) return [];
    const holders = (await ctx.loaders.phoneHolders.load(identity.valueNormalized)).filter((id) => id !== identity.userId);
    const users = await ctx.loaders.users.loadMany(holders);
    return users.filter((u): u is User => u instanceof Object && !(u instanceof Error) && u !== null);
  }

  @FieldResolver(() => String, {
    description: 'The value for people to read: an email with its domain in Unicode, a phone number in international format (+44 20 7946 0958).',
  })
  displayValue(@Root() identity: UserIdentity): string {
    if (identity.type === 'EMAIL') return displayEmail(identity.value);
    return parsePhoneNumberFromString(identity.value)?.formatInternational() ?? identity.value;
  }
}

@Resolver(() => UserConnection)
export class UserConnectionResolver {
  @FieldResolver(() => Int, { description: 'How many users match, over all pages.' })
  totalCount(@Root() connection: UserConnection, @Ctx() ctx: Context): Promise<number> {
    return ctx.users.count(connection.query, connection.filter);
  }
}
