// Messages en français pour les Contacts du profil (mêmes clés que en.ts).
import type messagesEn from './en';

const messages: typeof messagesEn = {
  contacts: {
    title: 'Moyens de contact',
    emails: 'Adresses e-mail',
    phones: 'Numéros de téléphone',
    noEmail: 'Aucune adresse e-mail.',
    noPhone: 'Aucun numéro de téléphone.',
    primary: 'Principal',
    verified: 'Vérifié',
    unverified: 'Non vérifié',
    shared: 'Numéro partagé',
    sharedWith: 'Aussi le numéro de',
    deliverability: {
      UNDELIVERABLE_RESERVED: 'Aucun envoi',
      NO_MAIL_DOMAIN: 'Domaine sans messagerie',
    },
    addEmail: 'Ajouter un e-mail',
    addPhone: 'Ajouter un téléphone',
    newEmail: 'Nouvelle adresse e-mail',
    newPhone: 'Nouveau numéro de téléphone',
    addVerified: 'Déjà vérifié',
    add: 'Ajouter',
    adding: 'Ajout…',
    phoneRequired: 'Saisissez un numéro de téléphone.',
    makePrimary: 'Rendre principal',
    makePrimaryLabel: 'Rendre principal : {value}',
    markVerified: 'Marquer vérifié',
    markVerifiedLabel: 'Marquer vérifié : {value}',
    remove: 'Retirer',
    removeLabel: 'Retirer : {value}',
    confirmRemove: 'Retirer {value} de ce profil ?',
    emailAdded: 'Ajouté : {value}.',
    phoneAdded: 'Ajouté : {value}.',
    removed: 'Retiré : {value}.',
    madePrimary: 'Principal désormais : {value}.',
    verifiedDone: 'Vérifié : {value}.',
    sharedPhoneNotice: '{number} est aussi le numéro de {user}. Il est conservé ici comme numéro partagé : les deux profils l’ont.',
    primaryEmail: 'E-mail principal',
    primaryPhone: 'Téléphone principal',
    none: 'Aucun',
    changeInContacts: 'Modifier dans Contacts',
  },
};

export default messages;
