import type { Translation } from '../catalog.js';
import type { lists as en } from '../en/lists.js';

export const lists: Translation<typeof en> = {
  'lists.agentsAdminsSeeCustomer': () => `Seuls les agents et les administrateurs peuvent voir les listes de clients.`,
  'lists.agentsAdminsSaveCustomer': () => `Seuls les agents et les administrateurs peuvent enregistrer des listes de clients.`,
  'lists.adminsShareListsWith': () => `Seuls les administrateurs partagent des listes avec l’équipe.`,
  'lists.listShowsAtLeast': () => `Une liste affiche au moins une colonne.`,
  'lists.listShowsAtMost': (p, n) => `Une liste affiche au plus ${n(p.maxColumns)} colonnes.`,
  'lists.thereNoColumn': (p) => `Il n’y a pas de colonne « ${p.value} ».`,
  'lists.nameEmpty': () => `Le nom ne peut pas être vide.`,
  'lists.listNeedsFilterEmpty': () => `Une liste a besoin d’un filtre (un filtre vide contient tous les utilisateurs).`,
};
