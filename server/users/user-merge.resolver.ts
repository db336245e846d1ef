import {
  Arg,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  registerEnumType,
  Resolver,
  Root,
} from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { NotFoundError } from '../graphql/errors.js';
import { parseId } from '../graphql/ids.js';
import { listSize } from '../graphql/list-size.js';
import { User } from './user.entity.js';
import { userPolicy } from './user.policy.js';
import { IDENTITIES_BOUND } from './user.resolver.js';
import { LIMITS } from './profile-rules.js';
import { msg } from '../i18n/message.js';
import { displayOf } from '../audit/history-display.js';
import { HistoryValue } from '../audit/history-value.types.js';
import { about } from '../auth/policy.js';
import { userFieldPolicy } from '../fields/user-field.policy.js';
import type { MergePlan } from './user-merge.js';

export enum MergeSide {
  SOURCE = 'SOURCE',
  TARGET = 'TARGET',
}
registerEnumType(MergeSide, {
  name: 'MergeSide',
  description: 'Which account a merged field keeps its value from.',
  valuesConfig: { SOURCE: { description: 'The account merged away.' }, TARGET: { description: 'The surviving account.' } },
});

@InputType({ description: 'For a field both accounts have: which value the survivor keeps.' })
export class MergeFieldChoice {
  @Field(() => String, { description: 'name, alias, timeZone, locale, externalId, details, notes, organization, or fields.<key>.' })
  field: string;

  @Field(() => MergeSide, { description: 'Whose value to keep.' })
  keep: MergeSide;
}

@InputType({ description: 'Two end users who are one person: `sourceId` is merged into `targetId`.' })
export class MergeUsersInput {
  @Field(() => ID, { description: 'The account merged away (deleted; its id then answers the survivor).' })
  sourceId: string;

  @Field(() => ID, { description: 'The surviving account.' })
  targetId: string;

  @Field(() => [MergeFieldChoice], { nullable: true, description: "Choices for fields both have; left out: the survivor's value." })
  fieldChoices?: MergeFieldChoice[] | null;
}

/**
 * The preview's values are the two accounts' data: each is read by the rule of
 * that field of that account (userPolicy.readField), as reading the users
 * themselves would be, however the preview is reached. The field's name is
 * open (it is what mergeUsers' choices name).
 */
const sourceField = about(userPolicy.readField, (c: MergeChoice) => ({ userId: c.sourceUserId, field: c.field }));
const targetField = about(userPolicy.readField, (c: MergeChoice) => ({ userId: c.targetUserId, field: c.field }));
/** What moves belongs to the account merged away: its addresses as its identities, the rest as its internal fields. */
const sourceIdentities = about(userPolicy.readIdentity, (p: MergePlan) => ({ userId: p.source.id }));
const sourcePrivate = about(userPolicy.readPrivate, (p: MergePlan) => p.source);

@ObjectType({ description: 'A field both accounts have with different values.' })
export class MergeChoice {
  @Field(() => String, { description: 'The field (as MergeFieldChoice.field takes it).' })
  field: string;

  @Field(() => String, { description: "The field's title (a custom field's title; else the field). Agents and admins (for a token: USERS_READ)." })
  @Authorized(userFieldPolicy.read)
  title: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The value of the account merged away. Read as that field of the account (notes, details, external id, custom fields: agents and admins; USERS_READ).',
  })
  @Authorized(sourceField)
  sourceValue: string | null;

  @Field(() => String, { nullable: true, description: "The survivor's value (read as sourceValue)." })
  @Authorized(targetField)
  targetValue: string | null;

  /** The two accounts (the rules above are about them). */
  sourceUserId: number;
  targetUserId: number;
}

/** The two values as people read them, as a history line shows them (a LOOKUP's person or organization by name, options by title). */
@Resolver(() => MergeChoice)
export class MergeChoiceResolver {
  @FieldResolver(() => HistoryValue, {
    nullable: true,
    description:
      'sourceValue for people to read: what it is and what it refers to (a person, an organization, an option), as FieldChange.oldDisplay.',
  })
  @Authorized(sourceField)
  sourceDisplay(@Root() c: MergeChoice, @Ctx() ctx: Context): Promise<HistoryValue | null> {
    return displayOf(c.field, c.sourceValue, ctx.loaders);
  }

  @FieldResolver(() => HistoryValue, { nullable: true, description: 'targetValue for people to read (see sourceDisplay).' })
  @Authorized(targetField)
  targetDisplay(@Root() c: MergeChoice, @Ctx() ctx: Context): Promise<HistoryValue | null> {
    return displayOf(c.field, c.targetValue, ctx.loaders);
  }
}

@ObjectType({ description: 'What merging two accounts would do.' })
export class MergeUsersPreview {
  @Field(() => User, { description: 'The account merged away.' })
  source: User;

  @Field(() => User, { description: 'The surviving account.' })
  target: User;

  @Field(() => [String], { description: "Email addresses that move to the survivor (read as the merged account's addresses)." })
  @Authorized(sourceIdentities)
  @listSize({ kind: 'bound', max: IDENTITIES_BOUND })
  emails: string[];

  @Field(() => [String], { description: 'Phone numbers that move to the survivor (read as emails).' })
  @Authorized(sourceIdentities)
  @listSize({ kind: 'bound', max: IDENTITIES_BOUND })
  phones: string[];

  @Field(() => [String], { description: 'Tags the survivor gains. Agents and admins (for a token: USERS_READ), as User.tags.' })
  @Authorized(sourcePrivate)
  @listSize({ kind: 'bound', max: LIMITS.tags })
  tags: string[];

  @Field(() => [MergeChoice], {
    description: 'Fields both have with different values: choose in fieldChoices. Each value is read as that field of its account.',
  })
  @listSize({ kind: 'bound', max: 200 })
  choices: MergeChoice[];

  @Field(() => Int, { description: 'Tickets the merged account requested, which move. Agents and admins (for a token: USERS_READ).' })
  @Authorized(sourcePrivate)
  ticketsRequested: number;

  @Field(() => Int, { description: "Tickets it is CC'd on, which move (read as ticketsRequested)." })
  @Authorized(sourcePrivate)
  ticketsCopied: number;

  @Field(() => Int, { description: 'History entries that move (read as User.events).' })
  @Authorized(sourcePrivate)
  historyEntries: number;
}

const idOf = (id: string, field: string): number => {
  const n = parseId(id);
  if (n === null) throw new NotFoundError(msg('notFound.user2', { id, field }));
  return n;
};

/** Duplicates merged (issue 13; rules in user-merge.ts). */
@Resolver(() => User)
export class UserMergeResolver {
  @Query(() => MergeUsersPreview, { description: 'What mergeUsers would move and which fields need a choice. Agents and admins; end users only.' })
  @Authorized(userPolicy.merge)
  async mergeUsersPreview(
    @Arg('sourceId', () => ID, { description: 'The account to merge away.' }) sourceId: string,
    @Arg('targetId', () => ID, { description: 'The surviving account.' }) targetId: string,
    @Ctx() ctx: Context,
  ): Promise<MergeUsersPreview> {
    const plan = await ctx.users.mergePreview(idOf(sourceId, 'sourceId'), idOf(targetId, 'targetId'));
    return { ...plan, choices: plan.choices.map((c) => ({ ...c, sourceUserId: plan.source.id, targetUserId: plan.target.id })) };
  }

  @Mutation(() => User, {
    description:
      "Merges two end users' accounts (agents and admins; refused across roles): every email and phone, tags, custom field values, tickets requested and CC'd, " +
      'and the history move to the survivor, fields both have from the side chosen; one history entry lists what moved. The merged id then answers `user(id)` with the survivor.',
  })
  @Authorized(userPolicy.merge)
  async mergeUsers(
    @Arg('input', () => MergeUsersInput, { description: 'The two accounts and the choices.' }) input: MergeUsersInput,
    @Ctx() ctx: Context,
  ): Promise<User> {
    const choices = new Map((input.fieldChoices ?? []).map((c) => [c.field, c.keep] as const));
    const id = await ctx.users.merge(idOf(input.sourceId, 'sourceId'), idOf(input.targetId, 'targetId'), choices, ctx.actor);
    return (await ctx.users.findById(id))!;
  }

  @Query(() => User, {
    nullable: true,
    description: 'The surviving account an id was merged into, or null when it was not merged. Agents and admins.',
  })
  @Authorized(userPolicy.list)
  async mergedInto(@Arg('id', () => ID, { description: 'An account id.' }) id: string, @Ctx() ctx: Context): Promise<User | null> {
    const n = parseId(id);
    const survivor = n === null ? null : await ctx.users.mergedInto(n);
    return survivor === null ? null : ctx.loaders.users.load(survivor);
  }

  @FieldResolver(() => [User], {
    description: 'Other end users who may be this person: the same phone number, or the same name in the same organization. Agents and admins.',
  })
  @Authorized(userPolicy.readPrivate)
  @listSize({ kind: 'bound', max: 10 })
  async possibleDuplicates(@Root() user: User, @Ctx() ctx: Context): Promise<User[]> {
    const ids = await ctx.users.possibleDuplicates(user);
    return (await Promise.all(ids.map((i) => ctx.loaders.users.load(i)))).filter((u): u is User => u !== null);
  }
}
