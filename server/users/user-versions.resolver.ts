import { Arg, Authorized, Ctx, Field, FieldResolver, Int, ObjectType, registerEnumType, Resolver, Root } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { listSize } from '../graphql/list-size.js';
import { DeletedBy } from './deleted-user.types.js';
import { User } from './user.entity.js';
import { userPolicy } from './user.policy.js';

export enum VersionedText {
  NOTES = 'notes',
  DETAILS = 'details',
}
registerEnumType(VersionedText, {
  name: 'VersionedText',
  description: 'The long texts whose earlier versions History keeps.',
  valuesConfig: { NOTES: { description: 'Internal notes.' }, DETAILS: { description: 'Details about the person.' } },
});

@ObjectType({ description: 'The value a field had from one save on.' })
export class FieldVersion {
  @Field(() => Int, { description: 'The version that save made.' })
  version: number;

  @Field(() => String, { nullable: true, description: 'The value it set (null: cleared).' })
  value: string | null;

  @Field(() => Date, { description: 'When (UTC).' })
  changedAt: Date;

  @Field(() => DeletedBy, { nullable: true, description: 'Who saved it (null: the system or an API token without a person).' })
  changedBy: DeletedBy | null;
}

@Resolver(() => User)
export class UserVersionsResolver {
  @FieldResolver(() => [FieldVersion], {
    description:
      'Earlier values of notes or details, newest first (the current one first): History shows them and staff may restore one. Agents and admins.',
  })
  @Authorized(userPolicy.readPrivate)
  @listSize({ kind: 'bound', max: 50 })
  async textVersions(
    @Root() user: User,
    @Arg('field', () => VersionedText, { description: 'Which text.' }) field: VersionedText,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: 'How many, 1 to 50.' }) first: number | null,
    @Ctx() ctx: Context,
  ): Promise<FieldVersion[]> {
    const n = Math.max(1, Math.min(50, first ?? 20));
    const rows = await ctx.users.fieldVersions(user.id, field, n);
    const ids = [...new Set(rows.map((r) => r.actorUserId).filter((x): x is number => x !== null))];
    const people = new Map((await ctx.users.byIds(ids)).map((u) => [u.id, u.name]));
    return rows.map((r) => ({
      version: r.version,
      value: r.value === null || r.value === undefined ? null : String(r.value),
      changedAt: r.at,
      changedBy: r.actorUserId === null ? null : { id: String(r.actorUserId), name: people.get(r.actorUserId) ?? '' },
    }));
  }
}
