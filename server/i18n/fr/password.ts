import type { Translation } from '../catalog.js';
import type { password as en } from '../en/password.js';

export const password: Translation<typeof en> = {
  'password.passwordAtMostCharacters': (p, n) => `Un mot de passe peut compter au plus ${n(p.maxPassword)} caractères.`,
  'password.passwordContainControlCharacters': () =>
    `Un mot de passe ne peut pas contenir de caractères de contrôle (comme un saut de ligne, une tabulation ou NUL).`,
  'password.passwordNeedsAtLeast': (p, n) =>
    `Un mot de passe a besoin d’au moins ${n(p.minPassword)} caractères, sans compter les espaces et les caractères invisibles.`,
  'password.passwordTooCommonOn': () =>
    `Ce mot de passe est trop courant : il figure sur les listes que les attaquants essaient en premier. Choisissez-en un autre.`,
};
