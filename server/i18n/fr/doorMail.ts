import type { Translation } from '../catalog.js';
import type { doorMail as en } from '../en/doorMail.js';

export const doorMail: Translation<typeof en> = {
  'doorMail.hello': (p) => `Bonjour ${p.name},`,
  'doorMail.welcomeSubjectTemplate': () => 'Bienvenue chez {{desk_name}}',
  'doorMail.welcomeBodyTemplate': () =>
    'Bonjour {{name}},\n\nBienvenue chez {{desk_name}}. Confirmez votre adresse et choisissez un mot de passe ici :\n{{verify_link}}\n\nLe lien est valable 3 jours.\n',
  'doorMail.verifySubject': (p) => `Confirmez votre adresse pour ${p.desk}`,
  'doorMail.verifyIntro': (p) => `Merci de confirmer que cette adresse est la vôtre et de choisir un mot de passe pour ${p.desk} :`,
  'doorMail.verifyFooter': () => `Le lien est valable 3 jours. Si vous ne l’avez pas demandé, ignorez ce message.`,
  'doorMail.resetSubject': (p) => `Choisissez un nouveau mot de passe pour ${p.desk}`,
  'doorMail.resetIntro': (p) => `Quelqu’un (sans doute vous) a demandé à se connecter à ${p.desk}. Choisissez un nouveau mot de passe ici :`,
  'doorMail.resetFooter': () => `Le lien est valable 2 heures. Si vous ne l’avez pas demandé, ignorez ce message : votre mot de passe ne change pas.`,
  'doorMail.replyAbove': () => `##- Veuillez écrire votre réponse au-dessus de cette ligne -##`,
  'doorMail.replyFooter': (p) => `Répondez à cet e-mail pour répondre à la demande n° ${p.id}.`,
  'doorMail.receivedIntro': (p) => `Votre demande n° ${p.id} a bien été reçue. Notre équipe vous répondra par e-mail.`,
  'doorMail.receivedQuote': () => `Votre demande, pour mémoire :`,
  'doorMail.receivedSubject': () => `Demande reçue`,
  'doorMail.anAdmin': () => `Un administrateur`,
  'doorMail.inviteSubject': (p) => `Vous êtes invité à rejoindre ${p.desk}`,
  'doorMail.inviteAsAdmin': (p) =>
    `${p.inviter} vous invite à rejoindre l’équipe de ${p.desk} comme administrateur. Choisissez votre mot de passe ici :`,
  'doorMail.inviteAsAgent': (p) => `${p.inviter} vous invite à rejoindre l’équipe de ${p.desk} comme agent. Choisissez votre mot de passe ici :`,
  'doorMail.inviteFooter': () => `Le lien est valable 7 jours, une seule fois. Si vous n’attendiez pas cette invitation, ignorez ce message.`,
};
