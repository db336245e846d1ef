import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from './context.js';
import { can } from '../auth/policy.js';
import { userPolicy } from '../users/user.policy.js';
import { organizationPolicy } from '../organizations/organization.policy.js';
import { withText } from './errors.js';
import { msg } from '../i18n/message.js';

/**
 * Errors that name who else owns a value (EMAIL_TAKEN's existingUserId and
 * existingUserName, a duplicate external id's owner, a duplicate
 * organization name's id) tell it only to those who may list users
 * (organizations): staff, and tokens with USERS_READ. Everyone else learns
 * that the value cannot be used, not whose it is. Warnings follow the same
 * rule (UserWarningResolver).
 */
export function ownerRedactionPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors }) {
          const viewer = contextValue?.viewer ?? { kind: 'anonymous' as const };
          const seeUsers = can(viewer, userPolicy.list);
          const seeOrganizations = can(viewer, organizationPolicy.list);
          for (const error of errors) {
            const x = error.extensions as Record<string, unknown>;
            if (!seeUsers && (x.existingUserId !== undefined || x.existingUserName !== undefined)) {
              delete x.existingUserId;
              delete x.existingUserName;
              withText(error, x.code === 'EMAIL_TAKEN' ? msg('common.addressCannotBeAdded') : msg('common.valueUsedByAnother'));
            }
            if (!seeOrganizations && x.existingOrganizationId !== undefined) {
              delete x.existingOrganizationId;
              withText(error, msg('common.nameUsedByAnotherOrganization'));
            }
          }
        },
      };
    },
  };
}
