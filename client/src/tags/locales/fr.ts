// Messages en français pour les étiquettes et les listes de valeurs (mêmes clés que en.ts).
import type messagesEn from './en';

const messages: typeof messagesEn = {
  tags: {
    label: 'Étiquettes',
    hint: 'Appuyez sur Entrée ou tapez une virgule après chaque étiquette ; choisissez-en une existante avec les flèches.',
    placeholder: 'Ajouter une étiquette…',
    suggestions: 'Étiquettes existantes',
  },
  chips: {
    remove: 'Retirer {value}',
  },
};

export default messages;
