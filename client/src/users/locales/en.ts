// English messages for the customer list's sort (spread into locales/en.ts).
const messages = {
  customerSort: {
    label: 'Sort customers',
    default: 'Best match, then newest',
    name: 'Name A–Z',
    '-name': 'Name Z–A',
    created: 'Oldest first',
    '-updated': 'Recently updated',
  },
};

export default messages;
