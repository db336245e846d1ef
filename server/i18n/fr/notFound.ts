import type { Translation } from '../catalog.js';
import type { notFound as en } from '../en/notFound.js';

export const notFound: Translation<typeof en> = {
  'notFound.user': (p) => `L’utilisateur ${p.id} est introuvable.`,
  'notFound.ticket': (p) => `Le ticket ${p.ticketId} est introuvable.`,
  'notFound.sideConversation': (p) => `La conversation annexe ${p.id} est introuvable.`,
  'notFound.customerList': (p) => `La liste de clients ${p.listId} est introuvable.`,
  'notFound.userField': (p) => `Le champ utilisateur ${p.id} est introuvable.`,
  'notFound.import': (p) => `L’import ${p.id} est introuvable.`,
  'notFound.organization': (p) => `L’organisation ${p.id} est introuvable.`,
  'notFound.aPIToken': (p) => `Le jeton d’API ${p.id} est introuvable.`,
  'notFound.identity': (p) => `L’identité ${p.id} est introuvable.`,
  'notFound.deletedUser': (p) => `L’utilisateur supprimé ${p.id} est introuvable.`,
  'notFound.user2': (p) => `L’utilisateur ${p.id} (${p.field}) est introuvable.`,
  'notFound.webhook': (p) => `Le webhook ${p.webhookId} est introuvable.`,
};
