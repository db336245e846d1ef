// English messages for tag and chip inputs (spread into locales/en.ts).
const messages = {
  tags: {
    placeholder: 'Add a tag…',
    suggestions: 'Existing tags',
  },
  chips: {
    remove: 'Remove {value}',
  },
};

export default messages;
