import type { ParamValue } from '../message.js';

export const team = {
  'team.adminSignedInAccueil': () => `Only an admin signed in to Accueil can invite teammates.`,
  'team.inviteAgentAdminCustomers': () => `Invite an agent or an admin; customers are added on the Customers page.`,
  'team.reservedAddressNeverReceives': (p: { display: ParamValue }) =>
    `${p.display} is a reserved address that never receives mail: the invitation could not reach it.`,
  'team.personHasNoPending': () => `This person has no pending invitation: they already chose a password, or were never invited.`,
};
