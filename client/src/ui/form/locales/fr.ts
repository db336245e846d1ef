// Messages français des parties communes des formulaires (répandus dans locales/fr.ts).
import type formMessages from './en';

const messages: typeof formMessages = {
  formSummary: {
    title: 'Un champ demande votre attention | {count} champs demandent votre attention',
    separator: ' : ',
  },
  emailSuggestion: {
    didYouMean: 'Vouliez-vous dire {address} ?',
  },
};

export default messages;
