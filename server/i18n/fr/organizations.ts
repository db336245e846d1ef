import type { Translation } from '../catalog.js';
import type { organizations as en } from '../en/organizations.js';

export const organizations: Translation<typeof en> = {
  'organizations.agentsAdminsSeeOrganizations': () => `Seuls les agents et les administrateurs peuvent voir les organisations.`,
  'organizations.adminsAddChangeDelete': () => `Seuls les administrateurs peuvent ajouter, modifier ou supprimer des organisations.`,
  'organizations.notDomainName': (p) => `${p.raw} n’est pas un nom de domaine : ${p.reason}`,
  'organizations.organizationHaveAtMost': (p, n) => `Une organisation peut avoir au plus ${n(p.domains)} domaines.`,
  'organizations.nameRequired': () => `Le nom est obligatoire.`,
  'organizations.organizationNamedAlreadyExists': (p) => `Une organisation nommée ${p.value} existe déjà.`,
  'organizations.externalIdAlreadyUsed': () => `Cet ID externe est déjà utilisé par une autre organisation.`,
  'organizations.alreadyBelongs': (p) => `${p.domain} appartient déjà à ${p.name}.`,
  'organizations.searchContainControlCharacters': () => `Une recherche ne peut pas contenir de caractères de contrôle.`,
  'organizations.searchAtMost255': () => `Une recherche peut compter au plus 255 caractères.`,
};
