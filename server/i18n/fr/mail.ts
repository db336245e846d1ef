import type { Translation } from '../catalog.js';
import type { mail as en } from '../en/mail.js';

export const mail: Translation<typeof en> = {
  'mail.agentsAdminsEmailUsers': () => `Seuls les agents et les administrateurs peuvent écrire aux utilisateurs.`,
  'mail.agentsAdminsSeeMessages': () => `Seuls les agents et les administrateurs peuvent voir les messages envoyés à un utilisateur.`,
  'mail.adminsSeeOutbox': () => `Seuls les administrateurs peuvent voir la boîte d’envoi.`,
  'mail.required': (p) => `${p.label} : obligatoire.`,
  'mail.userHasNoEmail': () => `Cet utilisateur n’a pas d’adresse e-mail.`,
  'mail.userWasSentMany': () => `Cet utilisateur a reçu beaucoup d’e-mails dans la dernière heure. Réessayez plus tard.`,
};
