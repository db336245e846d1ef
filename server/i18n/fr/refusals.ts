import type { Translation } from '../catalog.js';
import type { refusals as en } from '../en/refusals.js';

export const refusals: Translation<typeof en> = {
  'refusals.onlyAdminsChangeRoles': () => `Seuls les administrateurs peuvent changer les rôles.`,
  'refusals.cannotChangeSuspended': () => `Vous ne pouvez pas changer la suspension.`,
  'refusals.onlyStaffMarkVerified': () => `Seuls les agents et les administrateurs peuvent marquer une adresse comme confirmée.`,
  'refusals.cannotVerifyOwn': () => `Vous ne pouvez pas changer la confirmation de votre propre compte.`,
  'refusals.cannotDeleteOwn': () => `Vous ne pouvez pas supprimer votre propre compte.`,
  'refusals.agentsDeleteEndUsersOnly': () => `Les agents ne peuvent supprimer que des utilisateurs finaux.`,
  'refusals.onlyAdminsDeleteHere': () =>
    `Seuls les administrateurs peuvent supprimer des clients ici (un administrateur l’a désactivé pour les agents dans les réglages).`,
  'refusals.listPrivate': () => `Cette liste est privée : seule la personne qui l’a créée la voit.`,
  'refusals.onlyAdminsSharedLists': () => `Seuls les administrateurs gèrent les listes partagées.`,
  'refusals.onlyStaffSeeOrganizations': () => `Seuls les agents et les administrateurs peuvent voir les organisations.`,
  'refusals.onlyOwnOrCopiedTickets': () => `Vous ne pouvez voir que les tickets que vous avez demandés ou dont vous êtes en copie.`,
  'refusals.onlyOwnTickets': () => `Vous ne pouvez voir que vos propres tickets.`,
  'refusals.onlyStaffSeeNotes': () => `Seuls les agents et les administrateurs peuvent voir les notes internes.`,
  'refusals.onlyOwnAccount': () => `Vous ne pouvez modifier que votre propre compte.`,
  'refusals.adminsCannotChangeOwnRole': () => `Un administrateur ne peut pas changer son propre rôle ; demandez à un autre administrateur.`,
  'refusals.cannotSuspendYourself': () => `Vous ne pouvez pas vous suspendre vous-même.`,
  'refusals.cannotChangeOwnSuspended': () => `Vous ne pouvez pas changer la suspension de votre propre compte.`,
  'refusals.agentsCannotEditStaff': () => `Un agent ne peut pas modifier le compte d’un autre agent ou d’un administrateur.`,
  'refusals.onlyOwnAccountSeen': () => `Vous ne pouvez voir que votre propre compte.`,
  'refusals.onlyAdminsAddStaff': () => `Seuls les administrateurs peuvent ajouter des agents et des administrateurs.`,
  'refusals.ownPasswordWithChange': () => `Changez votre propre mot de passe avec changePassword.`,
  'refusals.onlyOwnAddresses': () => `Vous ne pouvez voir que vos propres adresses.`,
  'refusals.onlyVerifiedPrimary': () => `Seule une adresse e-mail confirmée peut devenir votre adresse principale.`,
};
