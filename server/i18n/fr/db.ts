import type { Translation } from '../catalog.js';
import type { db as en } from '../en/db.js';

export const db: Translation<typeof en> = {
  'db.firstNegative': () => `first ne peut pas être négatif.`,
  'db.cursorNotOnePaging': (p) => `Ce curseur n’a pas été renvoyé par la pagination de ${p.list}.`,
};
