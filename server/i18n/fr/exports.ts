import type { Translation } from '../catalog.js';
import type { exports as en } from '../en/exports.js';

export const exports: Translation<typeof en> = {
  'exports.filterMustJsonUserfilterinput': () => `filter doit être un UserFilterInput en JSON.`,
  'exports.rolesAreEndUser': () => `roles vaut END_USER, AGENT ou ADMIN.`,
  'exports.trueFalse': (p) => `${p.k} vaut true ou false.`,
  'exports.iSO8601Time': (p) => `${p.k} est une date et heure ISO 8601.`,
  'exports.unknownParameter': (p) => `${p.name} n’est pas un paramètre de cet export. Ses paramètres : ${p.known}.`,
  'exports.parameterOnce': (p) => `Donnez ${p.name} une seule fois.`,
  'exports.parameterAndFilter': (p) => `${p.name} est donné à la fois en paramètre et dans filter : donnez-le une seule fois.`,
  'exports.listIdAlone': (p) => `listId exporte une liste enregistrée telle quelle : donnez-le sans ${p.name}.`,
  'exports.filterUnknownKey': (p) => `filter : ${p.key} n’est pas un champ de UserFilterInput.`,
  'exports.filterWrongType': (p) => `filter : ${p.key} doit être de type ${p.type}.`,
};
