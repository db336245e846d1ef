import type { Translation } from '../catalog.js';
import type { door as en } from '../en/door.js';

export const door: Translation<typeof en> = {
  'door.blockedRefused': (p) => `${p.address} est sur la liste de blocage : le compte est créé, mais ses demandes et inscriptions sont refusées.`,
  'door.blockedHeld': (p) =>
    `${p.address} est sur la liste de blocage : le compte est créé, mais ses demandes et inscriptions sont mises en attente d’examen.`,
  'door.blockedRefusedKnown': (p) => `${p.address} est sur la liste de blocage : ses demandes et inscriptions sont refusées.`,
  'door.blockedHeldKnown': (p) => `${p.address} est sur la liste de blocage : ses demandes et inscriptions sont mises en attente d’examen.`,
  'door.linkExpired': () => `Ce lien a expiré. Demandez-en un nouveau.`,
  'door.linkUsed': () => `Ce lien a déjà servi. Demandez-en un nouveau, ou connectez-vous.`,
  'door.linkInvalid': () => `Ce lien n’est pas valide. Vérifiez qu’il a été copié en entier, ou demandez-en un nouveau.`,
  'door.repliesFromHelpCenter': () => `Les réponses depuis le centre d’aide sont écrites par la personne connectée.`,
  'door.tooManyRequestsFrom': () => `Trop de requêtes depuis ce réseau. Réessayez plus tard.`,
  'door.signUpClosedAsk': () => `Les inscriptions sont fermées : demandez à l’équipe de vous ajouter.`,
  'door.personHasNoEmail': () => `Cette personne n’a pas d’adresse e-mail.`,
};
