import type { Translation } from '../catalog.js';
import type { auth as en } from '../en/auth.js';

export const auth: Translation<typeof en> = {
  'auth.badCredentials': () => `L’adresse e-mail ou le mot de passe est incorrect.`,
  'auth.passwordsAreChangedBy': () => `Un mot de passe se change par la personne elle-même, pas par un jeton d’API.`,
  'auth.tooManySignIn': () => `Trop de tentatives de connexion depuis cette adresse. Réessayez plus tard.`,
  'auth.currentPasswordNotRight': () => `Le mot de passe actuel n’est pas le bon.`,
  'auth.tooManyFailedSign': (p) => `Trop de connexions échouées. Réessayez dans ${p.value} minutes.`,
  'auth.tooManyWrongPasswords': (p) => `Trop de mots de passe erronés. Réessayez dans ${p.value} minutes.`,
};
