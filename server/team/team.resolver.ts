import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { NotFoundError } from '../graphql/errors.js';
import { parseId } from '../graphql/ids.js';
import { User } from '../users/user.entity.js';
import { teamPolicy } from './team.policy.js';
import { InviteTeamMemberInput } from './team.types.js';
import { msg } from '../i18n/message.js';

/** A pending teammate, or NOT_FOUND. */
async function pendingById(ctx: Context, userId: string): Promise<User> {
  const n = parseId(userId);
  const target = n === null ? null : await ctx.users.findById(n);
  if (!target) throw new NotFoundError(msg('notFound.user', { id: userId }));
  return target;
}

/** Invitations to the team (rules in team.service.ts). Admins signed in only. */
@Resolver()
export class TeamResolver {
  @Mutation(() => User, {
    description:
      'Invites a teammate (admins signed in, never an API token): an AGENT or ADMIN account is made (createdVia INVITATION, invitedAt set) and a mail with a link to choose a password (7 days, once) is queued. A reserved address or the role END_USER is BAD_USER_INPUT; an address that has an account is EMAIL_TAKEN (extensions.existingUserRole tells an end user: change their role on their profile instead).',
  })
  @Authorized(teamPolicy.manage)
  async inviteTeamMember(
    @Arg('input', () => InviteTeamMemberInput, { description: 'Name, email and role.' }) input: InviteTeamMemberInput,
    @Ctx() ctx: Context,
  ): Promise<User> {
    return ctx.team.invite(input, ctx.actor);
  }

  @Mutation(() => User, {
    description: 'Mails a pending teammate a new invitation; the links sent before stop working. BAD_USER_INPUT when nothing is pending.',
  })
  @Authorized(teamPolicy.manage)
  async resendInvitation(@Arg('userId', () => ID, { description: 'The invited account.' }) userId: string, @Ctx() ctx: Context): Promise<User> {
    return ctx.team.resend(await pendingById(ctx, userId), ctx.actor);
  }

  @Mutation(() => Boolean, {
    description:
      'Revokes a pending invitation by deleting the invited account (its address is free again and its links stop working). BAD_USER_INPUT when the person already chose a password.',
  })
  @Authorized(teamPolicy.manage)
  async revokeInvitation(@Arg('userId', () => ID, { description: 'The invited account.' }) userId: string, @Ctx() ctx: Context): Promise<boolean> {
    await ctx.team.revoke(await pendingById(ctx, userId), ctx.actor);
    return true;
  }
}
