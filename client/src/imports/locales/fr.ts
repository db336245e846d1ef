// Messages français des imports CSV (ajoutés à locales/fr.ts).
const messages = {
  imports: {
    title: 'Imports',
    subtitle: 'Ajoutez ou mettez à jour de nombreux utilisateurs depuis un fichier CSV : vérifiez-le d’abord, puis lancez-le.',
    noAccess: 'Vous n’avez pas accès à cette page',
    noAccessHint: 'Seuls les administrateurs peuvent importer des utilisateurs.',
    upload: {
      title: 'Importer un fichier CSV',
      drop: 'Déposez un fichier CSV ici (les colonnes de l’export des utilisateurs, avec une ligne d’en-tête)',
      choose: 'Choisir un fichier',
      mode: 'Que faire',
      encoding: 'Encodage du texte',
      blankCellsClear: 'Les cellules vides effacent les champs',
      blankCellsClearHint: 'Lors d’une mise à jour, une cellule vide supprime la valeur. Sinon, le champ reste tel quel.',
      preview: 'Envoyer et vérifier',
      sending: 'Envoi…',
    },
    mode: {
      CREATE: 'Ajouter les nouveaux seulement',
      CREATE_OR_UPDATE: 'Ajouter et mettre à jour',
      UPDATE: 'Mettre à jour les existants',
    },
    modeHint: {
      CREATE: 'Une ligne pour une personne qui a déjà un compte échoue.',
      CREATE_OR_UPDATE:
        'Les lignes sont rapprochées par identifiant externe, puis par n’importe quelle adresse e-mail, puis par numéro de téléphone.',
      UPDATE: 'Une ligne qui ne correspond à personne échoue.',
    },
    status: {
      PREVIEWING: 'Vérification…',
      PREVIEWED: 'Vérifié : prêt à lancer',
      QUEUED: 'En attente',
      RUNNING: 'Import en cours…',
      DONE: 'Terminé',
      FAILED: 'Échec',
      CANCELLED: 'Annulé',
    },
    job: {
      title: 'Import de {name}',
      progress: 'Avancement',
      read: '{read} lignes sur {total} ({percent} %)',
      rate: '{rate} lignes/s',
      left: 'encore {seconds} s environ',
      run: 'Lancer l’import',
      cancel: 'Annuler',
      download: 'Télécharger les lignes en échec',
    },
    counts: {
      created: 'Créés',
      updated: 'Mis à jour',
      wouldCreate: 'Seraient créés',
      wouldUpdate: 'Seraient mis à jour',
      unchanged: 'Inchangés',
      failed: 'En échec',
    },
    errors: {
      caption: 'Lignes en échec',
      line: 'Ligne',
      column: 'Colonne',
      message: 'Problème',
    },
    list: {
      title: 'Imports précédents',
      loadError: 'Impossible de charger les imports.',
      empty: 'Aucun import pour l’instant',
      emptyHint: 'Les imports lancés apparaissent ici avec leur résumé.',
      file: 'Fichier',
      status: 'État',
      summary: 'Résumé',
      when: 'Envoyé le',
      counts: '{created} créés, {updated} mis à jour, {unchanged} inchangés, {failed} en échec',
    },
  },
};

export default messages;
