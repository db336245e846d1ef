import type { Translation } from '../catalog.js';
import type { text as en } from '../en/text.js';

export const text: Translation<typeof en> = {
  'text.labelled': (p) => `${p.label} : ${p.reason}`,
  'text.containsInvalidCharacterHalf': () => `contient un caractère invalide (une moitié de paire de substitution UTF-16).`,
  'text.searchContainsInvalidCharacterHalf': () =>
    `Une recherche ne peut pas contenir de caractère invalide (une moitié de paire de substitution UTF-16).`,
  'text.containsControlCharacter': () => `contient un caractère de contrôle.`,
  'text.containLineBreaksTabs': () => `ne peut contenir ni saut de ligne, ni tabulation, ni caractère de contrôle.`,
  'text.containBidirectionalControlCharacter': (p) =>
    `ne peut pas contenir de caractère de contrôle bidirectionnel (${p.bidi}) : il affiche le texte dans un autre ordre que celui de l’écriture.`,
  'text.containInvisibleCharacter': (p) => `ne peut pas contenir le caractère invisible ${p.stray}.`,
  'text.needsAtLeastOne': () => `a besoin d’au moins un caractère visible.`,
};
