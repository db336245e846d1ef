import type { Translation } from '../catalog.js';
import type { versions as en } from '../en/versions.js';

export const versions: Translation<typeof en> = {
  'versions.recordAtVersionExpectedversion': (p) =>
    `Cet enregistrement est à la version ${p.currentVersion} ; expectedVersion doit aller de 1 à ${p.currentVersion2}.`,
  'versions.theSupportTeam': () => `l’équipe d’assistance`,
};
