import type { Translation } from '../catalog.js';
import type { common as en } from '../en/common.js';

export const common: Translation<typeof en> = {
  'common.unavailable': () => `Accueil ne peut pas joindre sa base de données pour le moment. Réessayez dans un instant.`,
  'common.signInFirst': () => `Connectez-vous d’abord.`,
  'common.notAllowed': () => `Vous n’avez pas le droit de faire ceci.`,
  'common.sessionOnly': () => `Seule une personne connectée à Accueil peut faire ceci, jamais un jeton d’API.`,
  'common.tokenLacksScope': (p) => `Ce jeton d’API n’a pas la portée ${p.scope}.`,
  'common.tooManyRequests': () => `Trop de requêtes. Réessayez plus tard.`,
  'common.emailTaken': (p) => `Cette adresse e-mail est déjà utilisée par ${p.name}.`,
  'common.requestBodyTooLarge': () => `Le corps de la requête est trop volumineux.`,
  'common.badRequest': () => `Requête invalide.`,
  'common.bodyNotUtf8': () => `Le corps de la requête n’est pas de l’UTF-8 valide : envoyez du texte encodé en UTF-8.`,
  'common.queryNotUtf8': () => `La chaîne de requête de l’adresse n’est pas de l’UTF-8 valide : encodez ses paramètres en UTF-8.`,
  'common.methodNotAllowed': (p) => `La méthode ${p.method} n’est pas permise ici : utilisez ${p.allow}.`,
  'common.noSuchApiPath': () => `Il n’y a rien à cette adresse de l’API.`,
  'common.bodyCharsetNotUtf8': () => `Envoyez du JSON encodé en UTF-8.`,
  'common.addressCannotBeAdded': () => `Cette adresse ne peut pas être ajoutée.`,
  'common.valueUsedByAnother': () => `Cette valeur est déjà utilisée par un autre compte.`,
  'common.nameUsedByAnotherOrganization': () => `Ce nom est déjà utilisé par une autre organisation.`,
  'common.tooManyForToken': () => `Trop de requêtes pour ce jeton d’API. Réessayez plus tard.`,
};
