import type { Translation } from '../catalog.js';
import type { team as en } from '../en/team.js';

export const team: Translation<typeof en> = {
  'team.adminSignedInAccueil': () => `Seul un administrateur connecté à Accueil peut inviter des membres de l’équipe.`,
  'team.inviteAgentAdminCustomers': () => `Invitez un agent ou un administrateur ; les clients s’ajoutent depuis la page Clients.`,
  'team.reservedAddressNeverReceives': (p) =>
    `${p.display} est une adresse réservée qui ne reçoit jamais de courrier : l’invitation ne pouvait pas l’atteindre.`,
  'team.personHasNoPending': () => `Cette personne n’a pas d’invitation en attente : elle a déjà choisi un mot de passe, ou n’a jamais été invitée.`,
};
