import type { OrganizationService } from '../organizations/organization.service.js';
import { listVerdict } from '../settings/access-lists.js';
import type { SettingsService } from '../settings/settings.service.js';
import { UserWarningCode, type UserWarning } from '../users/user.inputs.js';
import type { StaffCreateHook, TeamAddressCheck } from '../users/user-account.types.js';
import type { DoorMail } from './door-mail.js';
import { msg } from '../i18n/message.js';
import { CreatedVia, User } from '../users/user.entity.js';

/**
 * What the user service does when the team adds someone (createUser: the
 * dialog, the API), in the create's transaction: the welcome email when
 * welcomeOnAgentCreate is on (for an invitation, the invitation mail instead).
 */
export function staffCreateHook(deps: { mail: DoorMail }): StaffCreateHook {
  return async (m, { user, email }, actor) => {
    if (actor.via === CreatedVia.INVITATION) {
      const inviter = actor.userId === null ? null : await m.findOne(User, { where: { id: actor.userId }, select: { id: true, name: true } });
      await deps.mail.invitation(m, { user, address: email.address }, inviter?.name ?? null);
    } else await deps.mail.welcomeIfStaffCreate(m, { user, address: email.address }, actor);
  };
}

/**
 * A warning (never a refusal) when the team names an address that the block
 * list holds or refuses and nothing allows (the allow list, an organization's
 * domain): createUser, createUsers, upsertUsers and the CSV import (a new
 * primary email of an update too), and a requester, CC or side-conversation
 * participant named on a ticket. The person's own requests and sign-ups will be held or
 * refused (request-admission.ts); the team's work with them goes on.
 */
export function blockListCheck(deps: { settings: SettingsService; organizations: OrganizationService }): TeamAddressCheck {
  return async (m, email, created) => {
    const settings = await deps.settings.get(m);
    if (settings.block.length === 0) return [];
    // The lists first: an organization's domain is looked up only for an address they would hold or refuse (an
    // import asks for each row).
    const verdict = listVerdict(email, settings.allow, settings.block, false);
    if (verdict !== 'REJECT' && verdict !== 'SUSPEND') return [];
    if ((await deps.organizations.byDomain(email.domain, m)) !== null) return [];
    const refused = verdict === 'REJECT';
    const text = created
      ? msg(refused ? 'door.blockedRefused' : 'door.blockedHeld', { address: email.display })
      : msg(refused ? 'door.blockedRefusedKnown' : 'door.blockedHeldKnown', { address: email.display });
    const warning: UserWarning = { code: UserWarningCode.BLOCKED_ADDRESS, field: 'email', text };
    return [warning];
  };
}
