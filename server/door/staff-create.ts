import type { OrganizationService } from '../organizations/organization.service.js';
import { listVerdict } from '../settings/access-lists.js';
import type { SettingsService } from '../settings/settings.service.js';
import { UserWarningCode, type UserWarning } from '../users/user.inputs.js';
import type { StaffCreateHook } from '../users/user-account.types.js';
import type { DoorMail } from './door-mail.js';
import { msg } from '../i18n/message.js';
import { CreatedVia, User } from '../users/user.entity.js';

/**
 * What the user service does when the team adds someone (createUser: the
 * dialog, the API), in the create's transaction: the welcome email when
 * welcomeOnAgentCreate is on (for an invitation, the invitation mail instead), and a warning (never a refusal) when the
 * address is on the block list and not allowed.
 */
export function staffCreateHook(deps: { settings: SettingsService; organizations: OrganizationService; mail: DoorMail }): StaffCreateHook {
  return async (m, { user, email }, actor) => {
    if (actor.via === CreatedVia.INVITATION) {
      const inviter = actor.userId === null ? null : await m.findOne(User, { where: { id: actor.userId }, select: { id: true, name: true } });
      await deps.mail.invitation(m, { user, address: email.address }, inviter?.name ?? null);
    } else await deps.mail.welcomeIfStaffCreate(m, { user, address: email.address }, actor);
    const settings = await deps.settings.get(m);
    if (settings.block.length === 0) return [];
    const orgDomain = (await deps.organizations.byDomain(email.domain, m)) !== null;
    const verdict = listVerdict(email, settings.allow, settings.block, orgDomain);
    if (verdict !== 'REJECT' && verdict !== 'SUSPEND') return [];
    const warning: UserWarning = {
      code: UserWarningCode.BLOCKED_ADDRESS,
      field: 'email',
      text: msg(verdict === 'REJECT' ? 'door.blockedRefused' : 'door.blockedHeld', { address: email.display }),
    };
    return [warning];
  };
}
