import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { parseId } from '../graphql/ids.js';
import { NotFoundError } from '../graphql/errors.js';
import { listSize } from '../graphql/list-size.js';
import { connection, PageInfo } from '../graphql/connection.js';
import { User } from '../users/user.entity.js';
import { userPolicy } from '../users/user.policy.js';
import { LIMITS } from '../users/profile-rules.js';
import { UserConnection, userConnection } from '../users/user-connection.js';
import { Organization } from './organization.entity.js';
import { organizationPolicy } from './organization.policy.js';
import { organizationCursor, ORG_LIMITS } from './organization.service.js';
import { msg } from '../i18n/message.js';

@InputType({ description: 'A new organization. Only the name is required.' })
export class CreateOrganizationInput {
  @Field(() => String, { description: 'Unique, ignoring letter case and accents; 1 to 255 characters.' })
  name: string;

  @Field(() => [String], {
    nullable: true,
    description:
      'Mail domains (e.g. acme.com): a new user whose email is on one of them joins this organization. A domain belongs to one organization; at most 100.',
  })
  domains?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Details, up to 65,535 characters.' })
  details?: string | null;

  @Field(() => String, { nullable: true, description: 'Internal notes, up to 65,535 characters.' })
  notes?: string | null;

  @Field(() => [String], { nullable: true, description: 'Normalized as user tags are.' })
  tags?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Identifier in another system; unique, case-insensitive.' })
  externalId?: string | null;
}

@InputType({ description: 'Changes to an organization: only the fields given change; null clears an optional one. Lists are replaced.' })
export class UpdateOrganizationInput {
  @Field(() => String, { nullable: true, description: 'A new name: unique, ignoring letter case and accents.' })
  name?: string | null;

  @Field(() => [String], { nullable: true, description: 'Replaces the mail domains; users who already exist do not move.' })
  domains?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Details; null clears them.' })
  details?: string | null;

  @Field(() => String, { nullable: true, description: 'Internal notes; null clears them.' })
  notes?: string | null;

  @Field(() => [String], { nullable: true, description: 'Replaces the tags.' })
  tags?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Identifier in another system; null clears it.' })
  externalId?: string | null;
}

@ObjectType({ description: 'An organization, with its place in the list.' })
export class OrganizationEdge {
  @Field(() => String, { description: 'Pass as `after` to read the organizations after this one.' })
  cursor: string;

  @Field(() => Organization, { description: 'The organization.' })
  node: Organization;
}

@ObjectType({ description: 'A page of organizations, A to Z.' })
export class OrganizationConnection {
  @Field(() => [OrganizationEdge], { description: 'The organizations of this page.' })
  @listSize({ kind: 'edges' })
  edges: OrganizationEdge[];

  @Field(() => PageInfo, { description: 'Whether more organizations follow, and where to continue.' })
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'How many organizations match, over all pages.' })
  totalCount: number;
}

function organizationId(id: string): number {
  const n = parseId(id);
  if (n === null) throw new NotFoundError(msg('notFound.organization', { id }));
  return n;
}

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, { nullable: true, description: 'One organization, or null when there is none with this id. Agents and admins.' })
  @Authorized(organizationPolicy.list)
  async organization(
    @Arg('id', () => ID, { description: 'The organization to read.' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<Organization | null> {
    const n = parseId(id);
    return n === null ? null : ctx.loaders.organizations.load(n);
  }

  @Query(() => OrganizationConnection, {
    description:
      'Organizations A to Z; `query` matches the start of the name, ignoring case and accents. `first` is capped at 100. Agents and admins.',
  })
  @Authorized(organizationPolicy.list)
  @listSize({ kind: 'page', max: 100 })
  async organizations(
    @Arg('query', () => String, { nullable: true, description: 'The start of a name.' }) query: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 25, description: 'How many organizations to return, 0 to 100.' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page.' }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<OrganizationConnection> {
    const page = await ctx.organizations.search({ query, first, after });
    for (const o of page.items) ctx.loaders.organizations.prime(o.id, o);
    return { ...connection(page, (o) => organizationCursor.encode(o.nameKey, o.id)), totalCount: await ctx.organizations.count(query) };
  }

  @Mutation(() => Organization, {
    description: 'Adds an organization (admins). A name already used, in any letter case, is BAD_USER_INPUT with extensions.existingOrganizationId.',
  })
  @Authorized(organizationPolicy.manage)
  async createOrganization(
    @Arg('input', () => CreateOrganizationInput, { description: 'The new organization.' }) input: CreateOrganizationInput,
    @Ctx() ctx: Context,
  ): Promise<Organization> {
    return ctx.organizations.create(input);
  }

  @Mutation(() => Organization, { description: 'Changes an organization (admins). Users who already exist do not move when domains change.' })
  @Authorized(organizationPolicy.manage)
  async updateOrganization(
    @Arg('id', () => ID, { description: 'The organization to change.' }) id: string,
    @Arg('input', () => UpdateOrganizationInput, { description: 'The fields to change.' }) input: UpdateOrganizationInput,
    @Arg('expectedVersion', () => Int, {
      nullable: true,
      description:
        'The `version` the change was made from. Saves made since are merged: fields only they changed stay theirs; a field both changed fails the save with ' +
        'CONFLICT (extensions.conflicts), writing nothing. Left out: the last write wins.',
    })
    expectedVersion: number | null,
    @Ctx() ctx: Context,
  ): Promise<Organization> {
    return ctx.organizations.update(organizationId(id), input, { expectedVersion: expectedVersion ?? undefined, actorUserId: ctx.actor.userId });
  }

  @Mutation(() => Boolean, {
    description: "Deletes an organization (admins); its users stay, without an organization (a line in each one's history).",
  })
  @Authorized(organizationPolicy.manage)
  async deleteOrganization(@Arg('id', () => ID, { description: 'The organization to delete.' }) id: string, @Ctx() ctx: Context): Promise<boolean> {
    await ctx.organizations.delete(organizationId(id), (m, org) => ctx.users.leaveOrganization(m, org, ctx.actor));
    return true;
  }

  @FieldResolver(() => [String], { description: 'Mail domains, in ASCII form.' })
  @Authorized(organizationPolicy.read)
  @listSize({ kind: 'bound', max: ORG_LIMITS.domains })
  domains(@Root() org: Organization, @Ctx() ctx: Context): Promise<string[]> {
    return ctx.loaders.organizationDomains.load(org.id);
  }

  @FieldResolver(() => [String], { description: 'Tags, normalized as user tags are. Agents and admins.' })
  @Authorized(organizationPolicy.list)
  @listSize({ kind: 'bound', max: LIMITS.tags })
  tags(@Root() org: Organization, @Ctx() ctx: Context): Promise<string[]> {
    return ctx.loaders.organizationTags.load(org.id);
  }

  @FieldResolver(() => Int, { description: 'How many users belong to it.' })
  @Authorized(organizationPolicy.read)
  userCount(@Root() org: Organization, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders.organizationUserCounts.load(org.id);
  }

  @FieldResolver(() => UserConnection, { description: 'Its users, newest first. Agents and admins.' })
  @Authorized(organizationPolicy.list)
  @listSize({ kind: 'page', max: 100 })
  async users(
    @Root() org: Organization,
    @Arg('first', () => Int, { nullable: true, defaultValue: 25, description: 'How many users to return, 0 to 100.' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page.' }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<UserConnection> {
    const filter = { organizationId: org.id };
    const page = await ctx.users.search({ first, after, filter });
    for (const u of page.items) ctx.loaders.users.prime(u.id, u);
    return userConnection(page, filter);
  }
}

@Resolver(() => User)
export class UserOrganizationResolver {
  @FieldResolver(() => Organization, { nullable: true, description: 'The organization this person belongs to.' })
  @Authorized(userPolicy.read)
  async organization(@Root() user: User, @Ctx() ctx: Context): Promise<Organization | null> {
    return user.organizationId === null ? null : ctx.loaders.organizations.load(user.organizationId);
  }
}
