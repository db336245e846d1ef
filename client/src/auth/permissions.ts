// What the signed-in person may do comes from the server, which answers its own
// rules as booleans: `viewerCan` on the query (auth.can) and on each user
// (UserProfileFragment.viewerCan). The client repeats none of them: these only
// read those answers.
import { inOrder } from '../graphql/enum-order';
import { Role, type IdentityDetailsFragment, type UserAbilitiesFragment } from '../graphql/generated/graphql';

/** The roles, in the order the role select lists them. */
export const ROLES = inOrder(Role, ['END_USER', 'AGENT', 'ADMIN']);

/**
 * Making an address primary: whoever may change the account's addresses; an
 * unverified email only for those the server lets (staff), as it says in
 * `makeUnverifiedEmailPrimary`.
 */
export function canMakeIdentityPrimary(can: UserAbilitiesFragment, identity: Pick<IdentityDetailsFragment, 'type' | 'verified'>): boolean {
  if (!can.changeIdentities) return false;
  return identity.type !== 'EMAIL' || identity.verified || can.makeUnverifiedEmailPrimary;
}
