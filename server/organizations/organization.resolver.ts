import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { parseId } from '../graphql/ids.js';
import { ForbiddenError, NotFoundError } from '../graphql/errors.js';
import { StaffOnlyField } from '../auth/field-guards.js';
import { requireStaff } from '../auth/viewer.js';
import { Role, User } from '../users/user.entity.js';
import { UserConnection } from '../users/user-connection.js';
import { userCursor } from '../users/user-search.js';
import { connection, PageInfo } from '../graphql/connection.js';
import { Organization } from './organization.entity.js';
import { organizationCursor } from './organization.service.js';

@InputType({ description: 'A new organization. Only the name is required.' })
export class CreateOrganizationInput {
  @Field(() => String, { description: 'Unique, ignoring letter case; 1 to 255 characters.' })
  name: string;

  @Field(() => [String], {
    nullable: true,
    description: 'Mail domains (e.g. acme.com): a new user whose email is on one of them joins this organization. A domain belongs to one organization.',
  })
  domains?: string[] | null;

  @Field(() => String, { nullable: true })
  details?: string | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;

  @Field(() => [String], { nullable: true, description: 'Normalized as user tags are.' })
  tags?: string[] | null;

  @Field(() => String, { nullable: true })
  externalId?: string | null;
}

@InputType({ description: 'Changes to an organization: only the fields given change; null clears an optional one. Lists are replaced.' })
export class UpdateOrganizationInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => [String], { nullable: true })
  domains?: string[] | null;

  @Field(() => String, { nullable: true })
  details?: string | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;

  @Field(() => [String], { nullable: true })
  tags?: string[] | null;

  @Field(() => String, { nullable: true })
  externalId?: string | null;
}

@ObjectType()
export class OrganizationEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => Organization)
  node: Organization;
}

@ObjectType({ description: 'A page of organizations, A to Z.' })
export class OrganizationConnection {
  @Field(() => [OrganizationEdge])
  edges: OrganizationEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'How many organizations match, over all pages.' })
  totalCount: number;
}


/** Admins manage organizations; agents see them and put people in them. Tokens: users:read / users:write. */
function requireAdmin(ctx: Context): void {
  const v = requireStaff(ctx.viewer, 'users:write');
  if (v.user.role !== Role.ADMIN) throw new ForbiddenError('Only admins can add, change or delete organizations.');
}

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, { nullable: true, description: 'One organization, or null when there is none with this id.' })
  async organization(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Organization | null> {
    requireStaff(ctx.viewer, 'users:read');
    const n = parseId(id);
    return n === null ? null : ctx.loaders.organizations.load(n);
  }

  @Query(() => OrganizationConnection, { description: 'Organizations A to Z; `query` matches the start of the name, ignoring case and accents. `first` is capped at 100.' })
  async organizations(
    @Arg('query', () => String, { nullable: true }) query: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 25 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<OrganizationConnection> {
    requireStaff(ctx.viewer, 'users:read');
    const page = await ctx.organizations.search({ query, first, after });
    for (const o of page.items) ctx.loaders.organizations.prime(o.id, o);
    return { ...connection(page, (o) => organizationCursor.encode(o.nameKey, o.id)), totalCount: await ctx.organizations.count(query) };
  }

  @Mutation(() => Organization, { description: 'Adds an organization (admins). A name already used, in any letter case, is BAD_USER_INPUT with extensions.existingOrganizationId.' })
  async createOrganization(@Arg('input', () => CreateOrganizationInput) input: CreateOrganizationInput, @Ctx() ctx: Context): Promise<Organization> {
    requireAdmin(ctx);
    return ctx.organizations.create(input);
  }

  @Mutation(() => Organization, { description: 'Changes an organization (admins). Users who already exist do not move when domains change.' })
  async updateOrganization(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateOrganizationInput) input: UpdateOrganizationInput,
    @Ctx() ctx: Context,
  ): Promise<Organization> {
    requireAdmin(ctx);
    const n = parseId(id);
    if (n === null) throw new NotFoundError(`Organization ${id}`);
    return ctx.organizations.update(n, input);
  }

  @Mutation(() => Boolean, { description: 'Deletes an organization (admins); its users stay, without an organization.' })
  async deleteOrganization(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<boolean> {
    requireAdmin(ctx);
    const n = parseId(id);
    if (n === null) throw new NotFoundError(`Organization ${id}`);
    await ctx.organizations.delete(n, (m, org) => ctx.users.leaveOrganization(m, org, ctx.actor));
    return true;
  }

  @FieldResolver(() => [String], { description: 'Mail domains, in ASCII form.' })
  domains(@Root() org: Organization, @Ctx() ctx: Context): Promise<string[]> {
    return ctx.loaders.organizationDomains.load(org.id);
  }

  @FieldResolver(() => [String])
  @UseMiddleware(StaffOnlyField)
  tags(@Root() org: Organization, @Ctx() ctx: Context): Promise<string[]> {
    return ctx.loaders.organizationTags.load(org.id);
  }

  @FieldResolver(() => Int, { description: 'How many users belong to it.' })
  userCount(@Root() org: Organization, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders.organizationUserCounts.load(org.id);
  }

  @FieldResolver(() => UserConnection, { description: 'Its users, newest first.' })
  async users(
    @Root() org: Organization,
    @Arg('first', () => Int, { nullable: true, defaultValue: 25 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<UserConnection> {
    requireStaff(ctx.viewer, 'users:read');
    const filter = { organizationId: org.id };
    const page = await ctx.users.search({ first, after, filter });
    return Object.assign(new UserConnection(), { ...connection(page, (u) => userCursor.encode(u.id)), query: null, filter });
  }
}

@Resolver(() => User)
export class UserOrganizationResolver {
  @FieldResolver(() => Organization, { nullable: true, description: 'The organization this person belongs to.' })
  async organization(@Root() user: User, @Ctx() ctx: Context): Promise<Organization | null> {
    return user.organizationId === null ? null : ctx.loaders.organizations.load(user.organizationId);
  }
}
