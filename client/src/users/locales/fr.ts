// Messages français du tri de la liste des clients et du bandeau des champs obligatoires (repris dans locales/fr.ts).
import type en from './en';

const messages: typeof en = {
  customerSort: {
    label: 'Trier les clients',
    default: 'Pertinence, puis les plus récents',
    name: 'Nom de A à Z',
    '-name': 'Nom de Z à A',
    created: 'Les plus anciens d’abord',
    '-updated': 'Modifiés récemment',
  },
  requiredFields: {
    title: 'Des champs obligatoires manquent',
    intro: 'Ce profil n’a pas de valeur pour :',
    hint: 'Les autres modifications s’enregistrent quand même ; complétez ces champs quand vous les connaissez.',
  },
};

export default messages;
