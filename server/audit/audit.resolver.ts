import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { User } from '../users/user.entity.js';
import { EventActor, FieldChange } from './audit.types.js';
import { displayValue } from './history-display.js';
import { HistoryValue } from './history-value.types.js';

@Resolver(() => EventActor)
export class EventActorResolver {
  /** Through the request's user loader: a page of history costs one query for all its actors. */
  @FieldResolver(() => User, { nullable: true, description: 'The person (for a token: its creator); null for the system or a deleted account.' })
  user(@Root() actor: EventActor, @Ctx() ctx: Context): Promise<User | null> | null {
    return actor.userId === null ? null : ctx.loaders.users.load(actor.userId);
  }
}

@Resolver(() => FieldChange)
export class FieldChangeResolver {
  @FieldResolver(() => HistoryValue, {
    nullable: true,
    description:
      'The value before, for people to read: what it is and what it refers to now (a person, an organization, an option). Null when there was none or when redacted.',
  })
  oldDisplay(@Root() change: FieldChange, @Ctx() ctx: Context): Promise<HistoryValue | null> {
    return displayValue(change, 'old', ctx.loaders);
  }

  @FieldResolver(() => HistoryValue, { nullable: true, description: 'The value after, for people to read (see oldDisplay).' })
  newDisplay(@Root() change: FieldChange, @Ctx() ctx: Context): Promise<HistoryValue | null> {
    return displayValue(change, 'new', ctx.loaders);
  }
}
