// Messages français des nombres saisis, du choix du fuseau horaire et des valeurs de l’historique (repris dans locales/fr.ts).
const messages = {
  format: {
    number: {
      invalid: 'Saisissez un nombre, par ex. 1 234,5.',
      invalidInteger: 'Saisissez un nombre entier, par ex. 1 234.',
      ambiguous: 'Écrivez les décimales avec une virgule et les milliers avec des espaces, par ex. 1 234,5.',
      notInteger: 'Saisissez un nombre entier, sans décimales.',
    },
  },
  timeZonePicker: {
    placeholder: 'Ville, région ou décalage (+05:30)',
    results: 'Fuseaux horaires',
    noMatch: 'Aucun fuseau horaire ne correspond à « {query} ». Essayez une ville, une région ou un décalage comme +05:30.',
    clear: 'Effacer le fuseau horaire',
    formerly: 'anciennement {names}',
  },
  historyValue: {
    fields: {
      signIn: 'Connexion',
      mergedFrom: 'Fusionné depuis',
      ticketsRequested: 'Tickets demandés',
      ticketsCopied: 'Tickets en copie',
    },
    signIn: {
      locked: 'verrouillée',
      notLocked: 'non verrouillée',
      unlocked: 'déverrouillée',
    },
    field: '{field} :',
    gonePerson: 'une personne supprimée',
    goneOrganization: '{name} (supprimée depuis)',
    goneUnnamedOrganization: 'une organisation supprimée',
    goneOption: '{value} (option retirée depuis)',
    renamed: '{name} (alors « {old} »)',
  },
};

export default messages;
