// Messages français du tri de la liste des clients (repris dans locales/fr.ts).
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
};

export default messages;
