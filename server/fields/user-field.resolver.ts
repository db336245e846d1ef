import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { ForbiddenError, NotFoundError } from '../graphql/errors.js';
import { requireStaff, type Viewer } from '../auth/viewer.js';
import { StaffOnlyField } from '../auth/field-guards.js';
import { Role, User } from '../users/user.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { fieldServicesOf, loadersFor } from './field-loaders.js';
import { parseId } from '../graphql/ids.js';
import { CreateUserFieldInput, LookupTarget, UpdateUserFieldInput, UserField, UserFieldValue } from './user-field.types.js';

/** Admins manage field definitions: through a session, or a token with users:write that an admin made. */
function requireAdmin(viewer: Viewer): void {
  const v = requireStaff(viewer, 'users:write');
  if (v.user.role !== Role.ADMIN) throw new ForbiddenError('Only admins can manage user fields.');
}

function fieldId(id: string): number {
  const n = parseId(id);
  if (n === null) throw new NotFoundError(`User field ${id}`);
  return n;
}

@Resolver(() => UserField)
export class UserFieldResolver {
  @Query(() => [UserField], {
    description: 'Custom user fields, by position. `active` true or false keeps only active or inactive ones; omitted, all. Agents and admins.',
  })
  async userFields(@Arg('active', () => Boolean, { nullable: true }) active: boolean | null, @Ctx() ctx: Context): Promise<UserField[]> {
    requireStaff(ctx.viewer, 'users:read');
    return fieldServicesOf(ctx).definitions.list(active);
  }

  @Mutation(() => UserField, {
    description:
      'Adds a custom user field at the end of the order (admins). Key rules and limits: see CreateUserFieldInput; value rules: see UserFieldType. A key already used -> BAD_USER_INPUT on "key".',
  })
  async createUserField(@Arg('input', () => CreateUserFieldInput) input: CreateUserFieldInput, @Ctx() ctx: Context): Promise<UserField> {
    requireAdmin(ctx.viewer);
    const field = await fieldServicesOf(ctx).definitions.create(input);
    loadersFor(ctx).reset();
    return field;
  }

  @Mutation(() => UserField, {
    description:
      'Changes a custom user field (admins); key and type are immutable. Deactivating hides the field and keeps its values; removing an option that users have is refused.',
  })
  async updateUserField(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateUserFieldInput) input: UpdateUserFieldInput,
    @Ctx() ctx: Context,
  ): Promise<UserField> {
    requireAdmin(ctx.viewer);
    const field = await fieldServicesOf(ctx).definitions.update(fieldId(id), input);
    loadersFor(ctx).reset();
    return field;
  }

  @Mutation(() => [UserField], { description: 'Puts the fields in a new order (admins): `ids` lists every field exactly once. Returns all fields in the new order.' })
  async reorderUserFields(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: Context): Promise<UserField[]> {
    requireAdmin(ctx.viewer);
    const fields = await fieldServicesOf(ctx).definitions.reorder(ids);
    loadersFor(ctx).reset();
    return fields;
  }

  @Mutation(() => Boolean, { description: "Removes a custom user field and every user's value of it (admins). To hide a field and keep its values, deactivate it." })
  async deleteUserField(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<boolean> {
    requireAdmin(ctx.viewer);
    await fieldServicesOf(ctx).definitions.delete(fieldId(id));
    loadersFor(ctx).reset();
    return true;
  }
}

@Resolver(() => User)
export class UserFieldsResolver {
  @FieldResolver(() => [UserFieldValue], {
    description: 'Custom field values: one per active field, in position order, with null members when unset. Agents and admins.',
  })
  @UseMiddleware(StaffOnlyField)
  async fields(@Root() user: User, @Ctx() ctx: Context): Promise<UserFieldValue[]> {
    const loaders = loadersFor(ctx);
    const [definitions, values] = await Promise.all([loaders.definitions(), loaders.values.load(user.id)]);
    return fieldServicesOf(ctx).values.present(definitions, values);
  }
}

@Resolver(() => UserFieldValue)
export class UserFieldValueResolver {
  @FieldResolver(() => User, { nullable: true, description: 'LOOKUP of users: the referenced user (null when unset or deleted).' })
  user(@Root() value: UserFieldValue, @Ctx() ctx: Context): Promise<User | null> | null {
    if (value.lookupId === null || value.field.lookupTarget !== LookupTarget.USER) return null;
    return loadersFor(ctx).users.load(value.lookupId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'LOOKUP of organizations: the referenced organization (null when unset or deleted).' })
  organization(@Root() value: UserFieldValue, @Ctx() ctx: Context): Promise<Organization | null> | null {
    if (value.lookupId === null || value.field.lookupTarget !== LookupTarget.ORGANIZATION) return null;
    return loadersFor(ctx).organizations.load(value.lookupId);
  }
}
