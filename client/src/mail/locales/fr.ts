// Messages français du courrier sortant (ajoutés à locales/fr.ts).
const messages = {
  mail: {
    status: {
      QUEUED: 'En attente',
      SENDING: 'En cours d’envoi',
      SENT: 'Envoyé',
      FAILED: 'Échec',
      SKIPPED: 'Non envoyé',
    },
    kind: {
      FOLLOW_UP: 'Suivi',
      TICKET_COMMENT: 'Réponse à un ticket',
      TICKET_RECEIVED: 'Demande reçue',
      WELCOME: 'Bienvenue',
      VERIFICATION: 'Vérification',
      INVITATION: 'Invitation',
      PASSWORD_RESET: 'Réinitialisation du mot de passe',
      TEST: 'Test',
    },
    columns: {
      subject: 'Objet',
      to: 'Destinataire',
      status: 'État',
      attempts: 'Essais',
      created: 'Mis en file',
    },
    send: {
      open: 'Envoyer un e-mail',
      title: 'Envoyer un e-mail',
      intro: 'À {to}. Il est mis en file aussitôt ; son état s’affiche sous Messages.',
      introNoAddress: 'Cette personne n’a pas d’adresse e-mail.',
      subject: 'Objet',
      body: 'Message',
      submit: 'Envoyer',
      sending: 'Envoi…',
      subjectRequired: 'Saisissez un objet.',
      subjectTooLong: 'Un objet compte au plus {max} caractères.',
      bodyRequired: 'Écrivez un message.',
    },
    messages: {
      title: 'Messages',
      none: 'Aucun e-mail n’a encore été envoyé à cette personne.',
      loadError: 'Les messages n’ont pas pu être chargés.',
      pagination: 'Pages des messages',
    },
    outbox: {
      title: 'Boîte d’envoi',
      subtitle:
        'Tous les e-mails que le service envoie : ceux qui attendent, ceux qui sont partis, et pourquoi certains n’ont pas été envoyés ou ont échoué.',
      noAccess: 'Vous n’avez pas accès à cette page',
      noAccessHint: 'Seuls les administrateurs peuvent voir la boîte d’envoi.',
      status: 'État',
      allStatuses: 'Tous',
      none: 'Aucun e-mail n’a encore été mis en file.',
      noneWithStatus: 'Aucun e-mail dans cet état.',
      loadError: 'La boîte d’envoi n’a pas pu être chargée.',
      pagination: 'Pages de la boîte d’envoi',
    },
  },
};

export default messages;
