import { Field, ObjectType } from 'type-graphql';
import { can } from '../auth/policy.js';
import type { Viewer } from '../auth/viewer.js';
import type { User } from './user.entity.js';
import { userPolicy } from './user.policy.js';
import { Role } from './role.js';

/**
 * What the person asking may do to one account, computed by the rules of
 * user.policy.ts: the admin app shows a control only when the server would
 * accept what it sends.
 */
@ObjectType({ simpleResolvers: true, description: 'What the person asking may do to this account; the server applies the same rules.' })
export class UserPermissions {
  @Field(() => Boolean, { description: 'Change the profile (for an end user about themself: only name, phone, time zone and language).' })
  update: boolean;

  @Field(() => Boolean, { description: 'Change only name, phone, time zone and language (an end user about themself).' })
  updateOwnProfileOnly: boolean;

  @Field(() => Boolean, { description: 'Read internal fields: notes, details, tags, external id, suspended, history and custom fields.' })
  readPrivateFields: boolean;

  @Field(() => Boolean, { description: 'Delete the account.' })
  delete: boolean;

  @Field(() => Boolean, { description: 'Change the role.' })
  changeRole: boolean;

  @Field(() => Boolean, { description: 'Change the Verified flag.' })
  changeVerified: boolean;

  @Field(() => Boolean, { description: 'Suspend the account or let it back in.' })
  changeSuspended: boolean;

  @Field(() => Boolean, { description: "Set the account's password (setUserPassword)." })
  setPassword: boolean;

  @Field(() => Boolean, { description: 'Lift its sign-in locks (unlockUser).' })
  unlock: boolean;

  @Field(() => Boolean, { description: 'Add, remove and make primary emails and phone numbers.' })
  changeIdentities: boolean;

  @Field(() => Boolean, { description: 'Mark its addresses verified (verifyUserIdentity, or verified: true when adding one).' })
  verifyIdentities: boolean;

  @Field(() => Boolean, {
    description: 'Make an email primary that is not verified (otherwise only verified emails, and phone numbers, can become primary).',
  })
  makeUnverifiedEmailPrimary: boolean;

  @Field(() => Boolean, { description: "Fill in custom fields (with the account's other internal fields)." })
  changeFields: boolean;

  @Field(() => Boolean, {
    description: 'Merge this account into another end user, or another into it (mergeUsers, mergeUsersPreview): end users only, for staff.',
  })
  merge: boolean;
}

export function userPermissions(viewer: Viewer, user: User): UserPermissions {
  const update = can(viewer, userPolicy.update, { user, input: {} });
  const staffEdit = update && can(viewer, userPolicy.update, { user, input: { notes: null } });
  return {
    update,
    updateOwnProfileOnly: update && !staffEdit,
    readPrivateFields: can(viewer, userPolicy.readPrivate, user),
    delete: can(viewer, userPolicy.delete, user),
    changeRole: can(viewer, userPolicy.changeRole, user),
    changeVerified: can(viewer, userPolicy.changeVerified, user),
    changeSuspended: can(viewer, userPolicy.changeSuspended, user),
    setPassword: can(viewer, userPolicy.setPassword, user),
    unlock: can(viewer, userPolicy.unlock, user),
    changeIdentities: can(viewer, userPolicy.changeIdentities, user),
    verifyIdentities: can(viewer, userPolicy.verifyIdentity, user),
    makeUnverifiedEmailPrimary: can(viewer, userPolicy.makeUnverifiedEmailPrimary, user),
    changeFields: staffEdit,
    merge: user.role === Role.END_USER && can(viewer, userPolicy.merge),
  };
}
