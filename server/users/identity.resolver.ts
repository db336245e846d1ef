import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { ForbiddenError, NotFoundError } from '../graphql/errors.js';
import { authorize, can, refusal, refusalError } from '../auth/policy.js';
import type { Context } from '../graphql/context.js';
import { parseId } from '../graphql/ids.js';
import { listSize } from '../graphql/list-size.js';
import { userPolicy } from './user.policy.js';
import { User } from './user.entity.js';
import { IdentityType, UserIdentity } from './user-identity.entity.js';
import { UserWarning } from './user.inputs.js';
import { displayEmail } from './email-display.js';
import { displayPhone } from './phone-display.js';
import { userToChange } from './user.resolver.js';
import { msg } from '../i18n/message.js';

/** No rule caps how many people share one number; the cost limit counts this many. */
const SHARED_WITH_BOUND = 10;

@InputType({ description: 'An email address or a phone number to add to an account.' })
export class AddUserIdentityInput {
  @Field(() => IdentityType, { description: 'Email or phone.' })
  type: IdentityType;

  @Field(() => String, { description: 'An email address, or a phone number in international format.' })
  value: string;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'The address is known to belong to this person. Only for those who may mark this account verified (see User.viewerCan.verifyIdentities): true from anyone else is FORBIDDEN (extensions.field "verified") and adds nothing.',
  })
  verified?: boolean | null;
}

@ObjectType({ description: 'The address added, the account it belongs to, and anything worth knowing about it.' })
export class AddUserIdentityPayload {
  @Field(() => UserIdentity, { description: 'The new address.' })
  identity: UserIdentity;

  @Field(() => User, { description: 'The account, with the address.' })
  user: User;

  @Field(() => [UserWarning], { description: 'Warnings, e.g. SHARED_PHONE when another account has the number too.' })
  @listSize({ kind: 'bound', max: 10 })
  warnings: UserWarning[];
}

/**
 * An address and its account, for a change of that account; someone else's address is NOT_FOUND to those who may not change it.
 * The change checks its rules again on the account as it locks it (the role may have changed since this read), as updateUser does.
 */
async function identityToChange(id: string, ctx: Context): Promise<{ identity: UserIdentity; target: User }> {
  const n = parseId(id);
  authorize(ctx.viewer, userPolicy.reachIdentity);
  const identity = n === null ? null : await ctx.users.identityById(n);
  if (!identity || !can(ctx.viewer, userPolicy.reachIdentity, identity)) throw new NotFoundError(msg('notFound.identity', { id }));
  const target = await ctx.users.findById(identity.userId);
  if (!target) throw new NotFoundError(msg('notFound.identity', { id }));
  authorize(ctx.viewer, userPolicy.changeIdentities, target);
  return { identity, target };
}

@Resolver(() => UserIdentity)
export class UserIdentityResolver {
  @Mutation(() => AddUserIdentityPayload, {
    description:
      'Adds an email or phone number. An email another account has is EMAIL_TAKEN; a phone number another account has is kept as a shared number, with a SHARED_PHONE warning. ' +
      'Who the other account is (its id and name) is told only to those who may list users.',
  })
  @Authorized(userPolicy.changeIdentities)
  async addUserIdentity(
    @Arg('userId', () => ID, { description: 'The account to add the address to.' }) userId: string,
    @Arg('input', () => AddUserIdentityInput, { description: 'The address.' }) input: AddUserIdentityInput,
    @Ctx() ctx: Context,
  ): Promise<AddUserIdentityPayload> {
    const target = await userToChange(userId, ctx);
    authorize(ctx.viewer, userPolicy.changeIdentities, target);
    // Vouching for an address follows the rule of the account's Verified flag; asked without the right, it is refused
    // (FORBIDDEN naming `verified`, nothing added), never dropped: the caller would believe the address verified.
    const verified = input.verified === true;
    const check = (user: User) => {
      authorize(ctx.viewer, userPolicy.changeIdentities, user);
      const why = verified ? refusal(ctx.viewer, userPolicy.verifyIdentity, user) : null;
      if (why) throw why.code === 'FORBIDDEN' ? new ForbiddenError(why.message, 'verified') : refusalError(why);
    };
    check(target);
    // Again on the row as locked: a role changed since the read must not let an agent change staff's addresses.
    const added = await ctx.users.addIdentity(target, { type: input.type, value: input.value, verified }, ctx.actor, check);
    ctx.loaders.identities.clear(target.id);
    return { identity: added.identity, user: (await ctx.users.findById(target.id))!, warnings: added.warnings };
  }

  @Mutation(() => User, { description: 'Removes an email or phone number; the primary email stays until another one is made primary.' })
  @Authorized(userPolicy.changeIdentities)
  async removeUserIdentity(@Arg('id', () => ID, { description: 'The address to remove.' }) id: string, @Ctx() ctx: Context): Promise<User> {
    const { identity, target } = await identityToChange(id, ctx);
    await ctx.users.removeIdentity(identity, ctx.actor, (locked) => authorize(ctx.viewer, userPolicy.changeIdentities, locked));
    return (await ctx.users.findById(target.id))!;
  }

  @Mutation(() => User, { description: 'Makes an email or phone number the primary one. End users may only make a verified email primary.' })
  @Authorized(userPolicy.changeIdentities)
  async makeUserIdentityPrimary(
    @Arg('id', () => ID, { description: 'The address to make primary.' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<User> {
    const { identity, target } = await identityToChange(id, ctx);
    const check = (user: User) => {
      authorize(ctx.viewer, userPolicy.changeIdentities, user);
      if (identity.type === IdentityType.EMAIL && !identity.verified) authorize(ctx.viewer, userPolicy.makeUnverifiedEmailPrimary, user);
    };
    check(target);
    await ctx.users.makePrimary(identity, ctx.actor, check);
    return (await ctx.users.findById(target.id))!;
  }

  @Mutation(() => UserIdentity, {
    description:
      "Marks an email or phone number as verified: the same rule as the account's Verified flag (staff; an agent never on their own account). " +
      'Verifying the primary email verifies the account too: ask for `user { id verified version }` to have both.',
  })
  @Authorized(userPolicy.verifyIdentity)
  async verifyUserIdentity(
    @Arg('id', () => ID, { description: 'The address to mark verified.' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<UserIdentity> {
    const { identity, target } = await identityToChange(id, ctx);
    const check = (user: User) => {
      authorize(ctx.viewer, userPolicy.changeIdentities, user);
      authorize(ctx.viewer, userPolicy.verifyIdentity, user);
    };
    check(target);
    const verified = await ctx.users.verifyIdentity(identity, ctx.actor, check);
    ctx.loaders.users.clear(target.id); // its verified flag and version may have changed: UserIdentity.user reads it again
    return verified;
  }

  @FieldResolver(() => User, {
    nullable: true,
    description:
      "The account the address belongs to (null once that account is deleted), so that verifyUserIdentity's answer can carry the account's new verified flag and version.",
  })
  @Authorized(userPolicy.readIdentity)
  user(@Root() identity: UserIdentity, @Ctx() ctx: Context): Promise<User | null> {
    return ctx.loaders.users.load(identity.userId);
  }

  @FieldResolver(() => [User], { description: 'For a shared phone number: the other users who have it. Empty for those who may not list users.' })
  @Authorized(userPolicy.readIdentity)
  @listSize({ kind: 'bound', max: SHARED_WITH_BOUND })
  async sharedWith(@Root() identity: UserIdentity, @Ctx() ctx: Context): Promise<User[]> {
    if (identity.type !== IdentityType.PHONE || !can(ctx.viewer, userPolicy.list)) return [];
    const holders = (await ctx.loaders.phoneHolders.load(identity.valueNormalized)).filter((id) => id !== identity.userId);
    const users = await ctx.loaders.users.loadMany(holders);
    return users.filter((u): u is User => u instanceof Object && !(u instanceof Error) && u !== null);
  }

  @FieldResolver(() => String, {
    description: 'The value for people to read: an email with its domain in Unicode, a phone number in international format (+44 20 7946 0958).',
  })
  @Authorized(userPolicy.readIdentity)
  displayValue(@Root() identity: UserIdentity): string {
    if (identity.type === IdentityType.EMAIL) return displayEmail(identity.value);
    return displayPhone(identity.value);
  }
}
