import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { User } from '../users/user.entity.js';
import { EventActor } from './audit.types.js';

@Resolver(() => EventActor)
export class EventActorResolver {
  /** Through the request's user loader: a page of history costs one query for all its actors. */
  @FieldResolver(() => User, { nullable: true, description: 'The person (for a token: its creator); null for the system or a deleted account.' })
  user(@Root() actor: EventActor, @Ctx() ctx: Context): Promise<User | null> | null {
    return actor.userId === null ? null : ctx.loaders.users.load(actor.userId);
  }
}
