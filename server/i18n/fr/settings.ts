import type { Translation } from '../catalog.js';
import type { settings as en } from '../en/settings.js';

export const settings: Translation<typeof en> = {
  'settings.placeholderUnclosed': () => `Ce champ de fusion n’est pas fermé par }}.`,
  'settings.placeholderEmpty': () => `Ce champ de fusion n’a pas de nom.`,
  'settings.placeholderMalformed': (p) => `Un champ de fusion est un nom entre doubles accolades, comme ${p.example}.`,
  'settings.placeholderUnknownNear': (p) => `${p.name} n’est pas un champ de fusion : vouliez-vous dire ${p.near} ? Disponibles : ${p.available}.`,
  'settings.placeholderUnknown': (p) => `${p.name} n’est pas un champ de fusion. Disponibles : ${p.available}.`,
  'settings.atMostEntries': (p, n) => `Au plus ${n(p.maxListEntries)} entrées.`,
  'settings.allowListTakesDomains': (p) => `${p.value} : la liste d’autorisation prend des domaines et des adresses, sans reject: ni suspend:.`,
  'settings.standsAloneInBlock': (p) =>
    `${p.value} : * s’emploie seul, et seulement dans la liste de blocage (il désigne toute personne qui n’est pas autorisée).`,
  'settings.neitherDomainAcmeCom': (p) => `${p.value} n’est ni un domaine (acme.com) ni une adresse e-mail.`,
  'settings.agentsAdminsReadSettings': () => `Seuls les agents et les administrateurs peuvent lire les réglages.`,
  'settings.adminsChangeSettings': () => `Seuls les administrateurs peuvent modifier les réglages.`,
  'settings.lineColumn': (p) => `${p.message} (ligne ${p.line}, colonne ${p.column})`,
  'settings.subjectRequired': () => `L’objet est obligatoire.`,
  'settings.bodyRequired': () => `Le corps du message est obligatoire.`,
  'settings.deskNameRequired': () => `Le nom du service est obligatoire.`,
  'settings.someoneSavedSettingsSince': () =>
    `Quelqu’un a enregistré les réglages depuis que vous les avez chargés : rechargez pour voir sa modification.`,
};
