import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { authorize, can } from '../auth/policy.js';
import type { Context } from '../graphql/context.js';
import { NotFoundError, UserInputError } from '../graphql/errors.js';
import { parseId } from '../graphql/ids.js';
import { listSize } from '../graphql/list-size.js';
import { User } from '../users/user.entity.js';
import { userFilterOf } from '../users/user-filter.js';
import { customerListPolicy } from './customer-list.policy.js';
import { MAX_LISTS } from './customer-list.service.js';
import { CreateCustomerListInput, CustomerList, UpdateCustomerListInput } from './customer-list.types.js';
import { msg } from '../i18n/message.js';

/** The list an operation names, or NOT_FOUND (also for a private list of someone else: its existence is not told). */
async function listToManage(id: string, ctx: Context): Promise<CustomerList> {
  const n = parseId(id);
  const list = n === null ? null : await ctx.customerLists.byId(n);
  // Whether it exists is told to whoever may see it, whatever a token's scopes (a USERS_WRITE token changes its creator's lists).
  if (!list || ctx.viewer.kind === 'anonymous' || !(list.shared || list.ownerId === ctx.viewer.user.id))
    throw new NotFoundError(msg('notFound.customerList', { listId: id }));
  authorize(ctx.viewer, customerListPolicy.manage, list);
  return list;
}

const viewerId = (ctx: Context): number => (ctx.viewer.kind === 'anonymous' ? 0 : ctx.viewer.user.id);

@Resolver(() => CustomerList)
export class CustomerListResolver {
  @Query(() => [CustomerList], { description: 'The customer lists the person asking sees: their own and the shared ones, by name (at most 200).' })
  @Authorized(customerListPolicy.read)
  @listSize({ kind: 'bound', max: MAX_LISTS })
  customerLists(@Ctx() ctx: Context): Promise<CustomerList[]> {
    return ctx.customerLists.visibleTo(viewerId(ctx));
  }

  @Query(() => CustomerList, {
    nullable: true,
    description: 'One customer list, or null when there is none with this id that the person asking may see.',
  })
  @Authorized(customerListPolicy.read)
  async customerList(@Arg('id', () => ID, { description: 'The list to read.' }) id: string, @Ctx() ctx: Context): Promise<CustomerList | null> {
    const n = parseId(id);
    const list = n === null ? null : await ctx.customerLists.byId(n);
    return list && can(ctx.viewer, customerListPolicy.read, list) ? list : null;
  }

  @Mutation(() => CustomerList, { description: 'Saves a customer list, owned by the person asking (a token: its creator). Only admins share one.' })
  @Authorized(customerListPolicy.manage)
  async createCustomerList(
    @Arg('input', () => CreateCustomerListInput, { description: 'The new list.' }) input: CreateCustomerListInput,
    @Ctx() ctx: Context,
  ): Promise<CustomerList> {
    if (input.shared) authorize(ctx.viewer, customerListPolicy.share);
    return ctx.customerLists.create(input, viewerId(ctx));
  }

  @Mutation(() => CustomerList, { description: "Changes a list: one's own, or (admins) a shared one." })
  @Authorized(customerListPolicy.manage)
  async updateCustomerList(
    @Arg('id', () => ID, { description: 'The list to change.' }) id: string,
    @Arg('input', () => UpdateCustomerListInput, { description: 'What to change.' }) input: UpdateCustomerListInput,
    @Ctx() ctx: Context,
  ): Promise<CustomerList> {
    const list = await listToManage(id, ctx);
    if (input.shared !== undefined && input.shared !== null && input.shared !== list.shared) authorize(ctx.viewer, customerListPolicy.share);
    return ctx.customerLists.update(Number(list.id), input);
  }

  @Mutation(() => Boolean, { description: "Deletes a list (never its users): one's own, or (admins) a shared one." })
  @Authorized(customerListPolicy.manage)
  async deleteCustomerList(@Arg('id', () => ID, { description: 'The list to delete.' }) id: string, @Ctx() ctx: Context): Promise<boolean> {
    const list = await listToManage(id, ctx);
    await ctx.customerLists.delete(Number(list.id));
    return true;
  }

  @Authorized(customerListPolicy.read)
  @FieldResolver(() => User, { nullable: true, description: 'Who saved it (null once their account is deleted).' })
  owner(@Root() list: CustomerList, @Ctx() ctx: Context): Promise<User | null> {
    return ctx.loaders.users.load(list.ownerId);
  }

  @Authorized(customerListPolicy.read)
  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'How many users the list holds now; null when its filter names a custom field deleted or made inactive since (opening it says which).',
  })
  async userCount(@Root() list: CustomerList, @Ctx() ctx: Context): Promise<number | null> {
    // Checked as users(filter:) checks it; a filter that no longer applies must not fail every list beside it (the sidebar's).
    const filter = await userFilterOf(list.filter, ctx.fieldValues).catch((e: unknown) => {
      if (e instanceof UserInputError) return null;
      throw e;
    });
    return filter === null ? null : ctx.users.count(list.filter.query ?? null, filter);
  }

  @Authorized(customerListPolicy.read)
  @FieldResolver(() => Boolean, { description: 'Whether the person asking may change or delete it.' })
  viewerCanManage(@Root() list: CustomerList, @Ctx() ctx: Context): boolean {
    return can(ctx.viewer, customerListPolicy.manage, list);
  }
}
