// Messages français de la page Inscription et accès (répandus dans locales/fr.ts).
import type settingsMessages from './en';

const messages: typeof settingsMessages = {
  deskSettings: {
    nav: 'Inscription',
    title: 'Inscription et accès',
    subtitle: 'Qui peut s’inscrire, se connecter et demander de l’aide, et l’e-mail de bienvenue.',
    noAccess: 'Vous n’avez pas accès',
    noAccessHint: 'Seuls les administrateurs peuvent modifier ces réglages.',
    access: 'Qui peut envoyer des demandes',
    accessOptions: {
      ANYONE: 'Tout le monde',
      REGISTERED: 'Les personnes inscrites (un expéditeur inconnu confirme d’abord son adresse)',
      CLOSED: 'Seulement les personnes ajoutées par l’équipe',
      RESTRICTED: 'Seulement les domaines autorisés (et les personnes ajoutées par l’équipe)',
    },
    helpCenterSignUp: 'Les visiteurs peuvent s’inscrire dans le centre d’aide',
    requireVerification: 'Les personnes doivent confirmer leur adresse',
    requireVerificationHint: 'La demande d’un compte dont l’adresse n’est pas confirmée attend qu’elle le soit (un lien est envoyé).',
    requireVerificationOnlyRegistered: 'Ne s’applique qu’avec « Les personnes inscrites » ci-dessus ; avec ce choix, elle est sans effet.',
    welcomeOnAgentCreate: 'Envoyer l’e-mail de bienvenue quand l’équipe ajoute quelqu’un',
    acknowledgeRequests: 'Confirmer par e-mail la réception des demandes',
    acknowledgeRequestsHint:
      'Quand quelqu’un écrit (formulaire de demande, centre d’aide ou e-mail), il reçoit le numéro de sa demande ; son message aussi quand son adresse vérifiée est bien la sienne. Jamais pour une demande retenue.',
    agentsMayDeleteUsers: 'Les agents peuvent supprimer des clients',
    agentsMayDeleteUsersHint:
      'Un client supprimé peut être restauré depuis Clients supprimés jusqu’à son effacement. Les administrateurs peuvent toujours supprimer ; eux seuls suppriment définitivement.',
    deskName: 'Nom du service',
    lists: 'Listes autorisée et bloquée',
    listsHint: 'Une entrée par ligne : un domaine (acme.com) ou une adresse. La liste autorisée l’emporte sur la liste bloquée.',
    allowList: 'Liste autorisée',
    blockList: 'Liste bloquée',
    blockListHint: 'reject: refuse, suspend: retient pour examen, * retient tous ceux qui ne sont pas autorisés.',
    welcome: 'E-mail de bienvenue',
    welcomeHint: 'Variables : {placeholders}',
    welcomeLanguages:
      'Tant que vous ne les modifiez pas, l’objet et le texte fournis avec Accueil partent dans la langue de chaque personne (anglais ou français).',
    welcomeSubject: 'Objet',
    welcomeBody: 'Corps',
    preview: 'Aperçu',
    previewTo: 'À : {to}',
    previewFailed: 'Corrigez le modèle pour voir l’aperçu.',
    save: 'Enregistrer',
    saving: 'Enregistrement…',
    saved: 'Enregistré',
  },
  verificationLink: {
    title: 'Lien de confirmation',
    intro: 'Envoyer à {name} un nouveau lien pour confirmer {email} et choisir un mot de passe ; les liens envoyés avant ne fonctionneront plus.',
    submit: 'Envoyer le lien de confirmation',
    submitting: 'Envoi…',
    done: 'Un nouveau lien est en route vers {email}.',
  },
  ticketHold: {
    SUSPENDED: 'Retenu pour examen : l’expéditeur est sur la liste bloquée.',
    UNVERIFIED: 'En attente de la confirmation de son adresse par le demandeur.',
    release: 'Libérer',
  },
};

export default messages;
