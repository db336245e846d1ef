import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { connection } from '../graphql/connection.js';
import type { Context } from '../graphql/context.js';
import { NotFoundError } from '../graphql/errors.js';
import { parseId } from '../graphql/ids.js';
import { listSize } from '../graphql/list-size.js';
import { DeletedUserConnection } from './deleted-user.types.js';
import { deletedUserCursor } from './user-deletion.js';
import { User } from './user.entity.js';
import { userPolicy } from './user.policy.js';
import { msg } from '../i18n/message.js';

/** Deleted customers: the list, restoring one, erasing one for good (issue 13; rules in user-deletion.ts). */
@Resolver()
export class UserDeletionResolver {
  @Query(() => DeletedUserConnection, {
    description: 'End users deleted and not yet erased, most recently deleted first. Agents and admins. `first` is capped at 100.',
  })
  @Authorized(userPolicy.deletedList)
  @listSize({ kind: 'page', max: 100 })
  async deletedUsers(
    @Arg('first', () => Int, { nullable: true, defaultValue: 25, description: 'How many to return, 0 to 100.' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page.' }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<DeletedUserConnection> {
    const page = await ctx.users.deletedPage({ first, after });
    const nodes = {
      ...page,
      items: page.items.map((r) => ({
        id: String(r.user.id),
        name: r.user.name,
        email: r.email,
        phone: r.user.phone,
        deletedAt: r.user.deletedAt!,
        deletedBy: r.deletedBy && { id: String(r.deletedBy.id), name: r.deletedBy.name },
        eraseAfter: r.eraseAfter,
      })),
    };
    return { ...connection(nodes, (n) => deletedUserCursor.encode(n.deletedAt.getTime(), Number(n.id))), totalCount: page.total };
  }

  @Mutation(() => User, { description: 'Brings a deleted customer back from Deleted customers, with everything they had. Agents and admins.' })
  @Authorized(userPolicy.restore)
  async restoreUser(@Arg('id', () => ID, { description: 'The deleted customer.' }) id: string, @Ctx() ctx: Context): Promise<User> {
    const n = parseId(id);
    if (n === null) throw new NotFoundError(msg('notFound.deletedUser', { id }));
    await ctx.users.restore(n, ctx.actor);
    return (await ctx.users.findById(n))!;
  }

  @Mutation(() => Boolean, {
    description:
      "Deletes a customer permanently (admins): their personal data (name, addresses, phones, notes, details, alias, external id, custom field values, tags, history's values) is erased; an anonymous record remains. Cannot be undone.",
  })
  @Authorized(userPolicy.erase)
  async eraseUser(@Arg('id', () => ID, { description: 'The customer (deleted or not).' }) id: string, @Ctx() ctx: Context): Promise<boolean> {
    const n = parseId(id);
    if (n === null) throw new NotFoundError(msg('notFound.user', { id }));
    await ctx.users.erase(n, ctx.actor);
    return true;
  }
}
