import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { User } from '../users/user.entity.js';
import { EventActor } from './audit.types.js';

@Resolver(() => EventActor)
export class EventActorResolver {
  @FieldResolver(() => User, { nullable: true, description: 'The person (for a token: its creator).' })
  user(@Root() actor: EventActor, @Ctx() ctx: Context): Promise<User | null> {
    return actor.userId === null ? Promise.resolve(null) : ctx.users.findById(actor.userId);
  }
}
