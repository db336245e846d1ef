// Messages en français pour les organisations et le sélecteur d’organisation (mêmes clés que en.ts).
import type messagesEn from './en';

const messages: typeof messagesEn = {
  organizations: {
    title: 'Organisations',
    subtitle: 'Les entreprises et les groupes auxquels vos clients appartiennent.',
    count: 'Aucune organisation | {count} organisation | {count} organisations',
    add: 'Ajouter une organisation',
    addIntro: 'Sa page s’ouvre ensuite, pour les détails, les notes et les étiquettes.',
    create: 'Ajouter',
    creating: 'Ajout…',
    search: 'Rechercher des organisations',
    searchPlaceholder: 'Rechercher par nom',
    clearSearch: 'Effacer la recherche',
    tableCaption: 'Organisations',
    columns: {
      name: 'Nom',
      domains: 'Domaines',
      users: 'Utilisateurs',
      created: 'Créée le',
    },
    empty: 'Aucune organisation pour l’instant',
    emptyHint: 'Ajoutez les entreprises pour lesquelles travaillent vos clients ; les nouveaux venus les rejoignent selon le domaine de leur e-mail.',
    emptyHintAgent: 'Les administrateurs ajoutent les organisations ; elles apparaîtront ici.',
    noMatch: 'Aucune organisation ne correspond à « {query} »',
    noMatchHint: 'La recherche trouve les organisations par le début de leur nom.',
    loadError: 'Les organisations n’ont pas pu être chargées.',
    loadOneError: 'Cette organisation n’a pas pu être chargée.',
    back: 'Toutes les organisations',
    notFound: 'Cette organisation n’existe pas',
    notFoundHint: 'Elle a peut-être été supprimée, ou le lien est erroné.',
    created: 'Organisation ajoutée.',
    deleted: 'Organisation supprimée.',
    deleteLabel: 'Supprimer {name}',
    confirmDelete: 'Supprimer {name} ? Ses utilisateurs restent, sans organisation. Cette action est définitive.',
    readOnly: 'Vous pouvez consulter cette organisation mais pas la modifier : seuls les administrateurs modifient les organisations.',
    userCount: 'Aucun utilisateur | {count} utilisateur | {count} utilisateurs',
    openExisting: 'Ouvrir cette organisation',
    sections: {
      organization: 'Organisation',
    },
    fields: {
      name: 'Nom',
      domains: 'Domaines',
      domainsHint:
        'Les nouveaux utilisateurs dont l’adresse e-mail est sur l’un de ces domaines rejoignent cette organisation. Appuyez sur Entrée, Espace ou tapez une virgule après chacun.',
      domainsPlaceholder: 'acme.fr',
      externalId: 'ID externe',
      externalIdHint: 'L’identifiant de cette organisation dans un autre système.',
    },
    users: {
      title: 'Utilisateurs',
      empty: 'Aucun utilisateur n’appartient encore à cette organisation.',
      loadError: 'Les utilisateurs n’ont pas pu être chargés.',
      openInCustomers: 'Voir dans Clients',
      pagination: 'Pages d’utilisateurs',
    },
  },
  orgPicker: {
    placeholder: 'Tapez pour trouver une organisation',
    hint: 'Tapez le début d’un nom, puis choisissez.',
    clear: 'Effacer l’organisation',
    suggestions: 'Organisations',
    noMatch: 'Aucune organisation ne commence par « {query} »',
    none: 'Aucune organisation pour l’instant',
    failed: 'Les organisations n’ont pas pu être chargées.',
    open: 'Ouvrir {name}',
  },
};

export default messages;
