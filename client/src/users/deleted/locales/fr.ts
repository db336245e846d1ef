// Messages français des clients supprimés et de la suppression d’un client (repris dans locales/fr.ts).
const messages = {
  deletedCustomers: {
    title: 'Clients supprimés',
    subtitle:
      'Clients supprimés ces 30 derniers jours. Restaurez-en un avec tout ce qu’il avait ; après 30 jours, ses données personnelles sont effacées.',
    noAccess: 'Vous n’y avez pas accès',
    noAccessHint: 'Seuls les agents et les administrateurs voient les clients supprimés.',
    loadError: 'Impossible de charger les clients supprimés.',
    empty: 'Aucun client supprimé',
    emptyHint: 'Les clients que vous supprimez restent ici 30 jours et peuvent être restaurés.',
    columns: { name: 'Client', deleted: 'Suppression', erase: 'Effacement le', actions: 'Actions' },
    by: 'par {name}',
    restore: 'Restaurer',
    restored: '{name} est de retour, avec tout ce qu’il avait.',
    openProfile: 'Ouvrir son profil',
    erase: 'Supprimer définitivement',
    eraseTitle: 'Supprimer {name} définitivement ?',
    eraseIntro: 'C’est irréversible.',
    eraseData:
      'Son nom, ses adresses, ses téléphones, ses notes, ses détails, ses étiquettes, ses champs personnalisés et les valeurs de son historique sont effacés.',
    eraseKeeps: 'Seul un enregistrement anonyme reste, pour que ses tickets gardent un demandeur.',
    eraseFinal: 'Ses adresses e-mail redeviennent libres pour quelqu’un d’autre.',
    eraseConfirm: 'Supprimer définitivement',
    erasing: 'Suppression…',
    erased: '{name} a été supprimé définitivement.',
  },
  deletion: {
    title: 'Supprimer {name} ?',
    intro: 'Le client passe dans Clients supprimés pendant 30 jours.',
    leaves: 'Il disparaît des listes, des recherches, des totaux et des exports.',
    signIn: 'Il ne peut plus se connecter : ses sessions prennent fin et ses jetons d’API cessent de fonctionner.',
    keeps: 'Ses adresses lui restent réservées, et il peut être restauré avec tout ce qu’il avait jusqu’au {date}.',
    then: 'Ensuite, ses données personnelles sont effacées.',
    staffTitle: 'Supprimer {name} ?',
    staffIntro: 'Le compte d’un membre de l’équipe est supprimé tout de suite.',
    staffFree: 'Ses adresses e-mail redeviennent libres et il ne peut plus se connecter.',
    staffFinal: 'C’est irréversible.',
    confirm: 'Supprimer',
    deleting: 'Suppression…',
  },
};

export default messages;
