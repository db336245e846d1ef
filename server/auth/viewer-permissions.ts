import { Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { can } from './policy.js';
import { accountPolicy } from './account.policy.js';
import { userPolicy } from '../users/user.policy.js';
import { Role } from '../users/role.js';
import { organizationPolicy } from '../organizations/organization.policy.js';
import { userFieldPolicy } from '../fields/user-field.policy.js';
import { customerListPolicy } from '../lists/customer-list.policy.js';
import { importPolicy } from '../imports/import.policy.js';
import { apiTokenPolicy } from '../tokens/api-token.policy.js';
import { webhookPolicy } from '../webhooks/webhook.policy.js';
import { settingsPolicy } from '../settings/settings.policy.js';
import { mailPolicy } from '../mail/mail.policy.js';
import { teamPolicy } from '../team/team.policy.js';

/** What the person asking may do in general, computed by the features' policies (User.viewerCan answers for one account). */
@ObjectType({
  simpleResolvers: true,
  description: 'What the person asking may do; the server applies the same rules. All false when nobody is signed in.',
})
export class ViewerPermissions {
  @Field(() => Boolean, { description: 'List and search users, read tags and look users up by email (staff).' })
  listUsers: boolean;

  @Field(() => Boolean, { description: 'Add end users.' })
  createUsers: boolean;

  @Field(() => Boolean, { description: 'Add agents and admins (choose the role of a new account).' })
  createStaff: boolean;

  @Field(() => Boolean, { description: 'List and read organizations.' })
  readOrganizations: boolean;

  @Field(() => Boolean, { description: 'Add, change and delete organizations (and name a new one on a profile).' })
  manageOrganizations: boolean;

  @Field(() => Boolean, { description: 'Read the custom user field definitions.' })
  readUserFields: boolean;

  @Field(() => Boolean, { description: 'Add, change, reorder and delete custom user fields.' })
  manageUserFields: boolean;

  @Field(() => Boolean, { description: 'Share customer lists with the team, and manage the shared ones.' })
  shareCustomerLists: boolean;

  @Field(() => Boolean, { description: 'Import users from a CSV file and follow the import jobs.' })
  importUsers: boolean;

  @Field(() => Boolean, { description: 'List, create and revoke API tokens.' })
  manageApiTokens: boolean;

  @Field(() => Boolean, { description: 'List, register, change, test and delete webhooks, and read their deliveries.' })
  manageWebhooks: boolean;
  @Field(() => Boolean, { description: 'Email users (sendUserEmail) and see the messages sent to them (User.messages).' })
  emailUsers: boolean;

  @Field(() => Boolean, { description: 'See the outbox: every email the desk queued (outbox).' })
  readOutbox: boolean;

  @Field(() => Boolean, { description: 'Change their own password (changePassword).' })
  changeOwnPassword: boolean;

  @Field(() => Boolean, {
    description: 'Change the desk settings: access, sign-up, verification, welcome email, allow and block lists (updateSettings).',
  })
  manageSettings: boolean;
  @Field(() => Boolean, { description: 'See Deleted customers and restore them (restoreUser).' })
  restoreUsers: boolean;

  @Field(() => Boolean, { description: 'Delete a customer permanently (eraseUser).' })
  eraseUsers: boolean;

  @Field(() => Boolean, { description: 'Invite teammates, resend and revoke invitations (inviteTeamMember).' })
  manageTeam: boolean;
}

@Resolver()
export class ViewerPermissionsResolver {
  @Query(() => ViewerPermissions, { description: 'What the person asking may do, by the same rules the server applies. Open to anyone.' })
  viewerCan(@Ctx() ctx: Context): ViewerPermissions {
    const v = ctx.viewer;
    return {
      listUsers: can(v, userPolicy.list),
      createUsers: can(v, userPolicy.create, { role: Role.END_USER }),
      createStaff: can(v, userPolicy.create, { role: Role.AGENT }),
      readOrganizations: can(v, organizationPolicy.list),
      manageOrganizations: can(v, organizationPolicy.manage),
      readUserFields: can(v, userFieldPolicy.read),
      manageUserFields: can(v, userFieldPolicy.manage),
      manageApiTokens: can(v, apiTokenPolicy.manage),
      manageWebhooks: can(v, webhookPolicy.manage),
      shareCustomerLists: can(v, customerListPolicy.share),
      importUsers: can(v, importPolicy.manage),
      emailUsers: can(v, mailPolicy.send) && can(v, mailPolicy.readMessages),
      readOutbox: can(v, mailPolicy.outbox),
      changeOwnPassword: can(v, accountPolicy.changePassword),
      manageSettings: can(v, settingsPolicy.manage),
      restoreUsers: can(v, userPolicy.restore),
      eraseUsers: can(v, userPolicy.erase),
      manageTeam: can(v, teamPolicy.manage),
    };
  }
}
