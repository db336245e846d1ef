import type { Translation } from '../catalog.js';
import type { tickets as en } from '../en/tickets.js';

export const tickets: Translation<typeof en> = {
  'tickets.giveEitherIdUser': () => `Donnez soit l’identifiant d’un utilisateur, soit une adresse e-mail.`,
  'tickets.thereNoUserWith': (p) => `Il n’y a pas d’utilisateur avec l’identifiant ${p.id}.`,
  'tickets.atMostPeople': (p, n) => `Au plus ${typeof p.max === 'number' ? n(p.max) : p.max} personnes.`,
  'tickets.agentsAdminsDo': () => `Seuls les agents et les administrateurs peuvent faire ceci.`,
  'tickets.agentsAdminsWorkTickets': () => `Seuls les agents et les administrateurs peuvent traiter les tickets.`,
  'tickets.statusEmpty': () => `Le statut ne peut pas être vide.`,
  'tickets.nameAtLeastOne': () => `Nommez au moins une personne.`,
  'tickets.requesterAlreadyFollowsTicket': () => `Le demandeur suit déjà ce ticket.`,
  'tickets.heldReleaseFirst': () =>
    `Ce ticket est retenu pour vérification : rien n’est envoyé à son demandeur. Libérez-le d’abord (Libérer sur le ticket, ou updateTicket avec release: true), puis envoyez la réponse publique. Une note interne peut être ajoutée en attendant.`,
};
