// English messages for the customer list's sort and the profile's required-field banner (spread into locales/en.ts).
const messages = {
  customerSort: {
    label: 'Sort customers',
    default: 'Best match, then newest',
    name: 'Name A–Z',
    '-name': 'Name Z–A',
    created: 'Oldest first',
    '-updated': 'Recently updated',
  },
  requiredFields: {
    title: 'Required fields are missing',
    intro: 'This profile has no value for:',
    hint: 'Saving other changes still works; fill these in when you know them.',
  },
};

export default messages;
