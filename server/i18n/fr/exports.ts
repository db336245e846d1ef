import type { Translation } from '../catalog.js';
import type { exports as en } from '../en/exports.js';

export const exports: Translation<typeof en> = {
  'exports.filterMustJsonUserfilterinput': () => `filter doit être un UserFilterInput en JSON.`,
  'exports.rolesAreEndUser': () => `roles vaut END_USER, AGENT ou ADMIN.`,
  'exports.trueFalse': (p) => `${p.k} vaut true ou false.`,
  'exports.iSO8601Time': (p) => `${p.k} est une date et heure ISO 8601.`,
};
