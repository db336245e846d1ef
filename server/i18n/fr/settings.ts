import type { Translation } from '../catalog.js';
import type { settings as en } from '../en/settings.js';

export const settings: Translation<typeof en> = {
  'settings.atMostEntries': (p, n) => `Au plus ${n(p.maxListEntries)} entrées.`,
  'settings.allowListTakesDomains': (p) => `${p.value} : la liste d’autorisation prend des domaines et des adresses, sans reject: ni suspend:.`,
  'settings.standsAloneInBlock': (p) =>
    `${p.value} : * s’emploie seul, et seulement dans la liste de blocage (il désigne toute personne qui n’est pas autorisée).`,
  'settings.neitherDomainAcmeCom': (p) => `${p.value} n’est ni un domaine (acme.com) ni une adresse e-mail.`,
  'settings.agentsAdminsReadSettings': () => `Seuls les agents et les administrateurs peuvent lire les réglages.`,
  'settings.adminsChangeSettings': () => `Seuls les administrateurs peuvent modifier les réglages.`,
  'settings.lineColumn': (p) => `${p.message} (ligne ${p.line}, colonne ${p.column})`,
  'settings.subjectRequired': () => `L’objet est obligatoire.`,
  'settings.bodyRequired': () => `Le corps du message est obligatoire.`,
  'settings.deskNameRequired': () => `Le nom du service est obligatoire.`,
  'settings.someoneSavedSettingsSince': () =>
    `Quelqu’un a enregistré les réglages depuis que vous les avez chargés : rechargez pour voir sa modification.`,
};
