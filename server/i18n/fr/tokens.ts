import type { Translation } from '../catalog.js';
import type { tokens as en } from '../en/tokens.js';

export const tokens: Translation<typeof en> = {
  'tokens.adminSignedInAccueil': () => `Seul un administrateur connecté à Accueil peut faire ceci.`,
  'tokens.giveTokenNameSuch': () => `Donnez un nom au jeton, par exemple celui de l’application partenaire à laquelle il est destiné.`,
  'tokens.chooseAtLeastOne': () => `Choisissez au moins une portée.`,
  'tokens.unknownScopeScopesAre': (p) => `Portée inconnue : ${p.unknown}. Les portées sont ${p.value}.`,
  'tokens.iNBOUNDScopeForMail': () => `La portée INBOUND est réservée à un fournisseur de courrier : créez-lui un jeton à part, sans autre portée.`,
};
