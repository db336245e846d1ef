import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { NotFoundError } from '../graphql/errors.js';
import { listSize } from '../graphql/list-size.js';
import { parseId } from '../graphql/ids.js';
import { User } from '../users/user.entity.js';
import { userPolicy } from '../users/user.policy.js';
import { Organization } from '../organizations/organization.entity.js';
import { BUILT_IN } from './field-key-rules.js';
import { userFieldPolicy } from './user-field.policy.js';
import { CreateUserFieldInput, LookupTarget, UpdateUserFieldInput, UserField, UserFieldValue } from './user-field.types.js';
import { msg } from '../i18n/message.js';

function fieldId(id: string): number {
  const n = parseId(id);
  if (n === null) throw new NotFoundError(msg('notFound.userField', { id }));
  return n;
}

/** The built-in names a custom field key may not take, sorted: the admin app checks keys against this list. */
const RESERVED_KEYS = [...BUILT_IN].sort();

@Resolver(() => UserField)
export class UserFieldResolver {
  @FieldResolver(() => Int, {
    description:
      'How many end users have no value for this field (deleted ones and staff left out): what making it required leaves to fill in. Agents and admins ' +
      '(tokens with the users:read scope).',
  })
  @Authorized(userFieldPolicy.read)
  missingValueCount(@Root() field: UserField, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders.missingValueCounts.load(field.id);
  }

  @Query(() => [UserField], {
    description: 'Custom user fields, by position. `active` true or false keeps only active or inactive ones; omitted, all. Agents and admins.',
  })
  @Authorized(userFieldPolicy.read)
  @listSize({ kind: 'definitions', which: 'argument' })
  async userFields(
    @Arg('active', () => Boolean, { nullable: true, description: 'true: active fields only; false: inactive ones only; omitted: all.' })
    active: boolean | null,
    @Ctx() ctx: Context,
  ): Promise<UserField[]> {
    const all = await ctx.loaders.fieldDefinitions();
    return active === null || active === undefined ? all : all.filter((f) => f.active === active);
  }

  @Query(() => [String], { description: 'The built-in names a custom field key may not take (name, email, tags, …), sorted. Agents and admins.' })
  @Authorized(userFieldPolicy.read)
  @listSize({ kind: 'bound', max: RESERVED_KEYS.length })
  reservedUserFieldKeys(): string[] {
    return RESERVED_KEYS;
  }

  @Mutation(() => UserField, {
    description:
      'Adds a custom user field at the end of the order (admins). Key rules and limits: see CreateUserFieldInput; value rules: see UserFieldType. A key already used -> BAD_USER_INPUT on "key".',
  })
  @Authorized(userFieldPolicy.manage)
  async createUserField(
    @Arg('input', () => CreateUserFieldInput, { description: 'The new field.' }) input: CreateUserFieldInput,
    @Ctx() ctx: Context,
  ): Promise<UserField> {
    const field = await ctx.userFields.create(input);
    ctx.loaders.resetFields();
    return field;
  }

  @Mutation(() => UserField, {
    description:
      'Changes a custom user field (admins); key and type are immutable. Deactivating hides the field and keeps its values; removing an option that users have is refused.',
  })
  @Authorized(userFieldPolicy.manage)
  async updateUserField(
    @Arg('id', () => ID, { description: 'The field to change.' }) id: string,
    @Arg('input', () => UpdateUserFieldInput, { description: 'The members to change.' }) input: UpdateUserFieldInput,
    @Ctx() ctx: Context,
  ): Promise<UserField> {
    const field = await ctx.userFields.update(fieldId(id), input);
    ctx.loaders.resetFields();
    return field;
  }

  @Mutation(() => [UserField], {
    description: 'Puts the fields in a new order (admins): `ids` lists every field exactly once. Returns all fields in the new order.',
  })
  @Authorized(userFieldPolicy.manage)
  @listSize({ kind: 'definitions', which: 'all' })
  async reorderUserFields(
    @Arg('ids', () => [ID], { description: 'Every field id, in the new order.' }) ids: string[],
    @Ctx() ctx: Context,
  ): Promise<UserField[]> {
    const fields = await ctx.userFields.reorder(ids);
    ctx.loaders.resetFields();
    return fields;
  }

  @Mutation(() => Boolean, {
    description: "Removes a custom user field and every user's value of it (admins). To hide a field and keep its values, deactivate it.",
  })
  @Authorized(userFieldPolicy.manage)
  async deleteUserField(@Arg('id', () => ID, { description: 'The field to delete.' }) id: string, @Ctx() ctx: Context): Promise<boolean> {
    await ctx.userFields.delete(fieldId(id));
    ctx.loaders.resetFields();
    return true;
  }
}

@Resolver(() => User)
export class UserFieldsResolver {
  @FieldResolver(() => [UserFieldValue], {
    description: 'Custom field values: one per active field, in position order, with null members when unset. Agents and admins.',
  })
  @Authorized(userPolicy.readPrivate)
  @listSize({ kind: 'definitions', which: 'active' })
  async fields(@Root() user: User, @Ctx() ctx: Context): Promise<UserFieldValue[]> {
    const [definitions, values] = await Promise.all([ctx.loaders.fieldDefinitions(), ctx.loaders.fieldValues.load(user.id)]);
    return ctx.fieldValues.present(definitions, values);
  }
}

@Resolver(() => UserFieldValue)
export class UserFieldValueResolver {
  @FieldResolver(() => User, { nullable: true, description: 'LOOKUP of users: the referenced user (null when unset or deleted).' })
  user(@Root() value: UserFieldValue, @Ctx() ctx: Context): Promise<User | null> | null {
    if (value.lookupId === null || value.field.lookupTarget !== LookupTarget.USER) return null;
    return ctx.loaders.users.load(value.lookupId);
  }

  @FieldResolver(() => Organization, {
    nullable: true,
    description: 'LOOKUP of organizations: the referenced organization (null when unset or deleted).',
  })
  organization(@Root() value: UserFieldValue, @Ctx() ctx: Context): Promise<Organization | null> | null {
    if (value.lookupId === null || value.field.lookupTarget !== LookupTarget.ORGANIZATION) return null;
    return ctx.loaders.organizations.load(value.lookupId);
  }
}
