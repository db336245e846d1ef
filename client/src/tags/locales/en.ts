// English messages for tag and chip inputs (spread into locales/en.ts).
const messages = {
  tags: {
    label: 'Tags',
    hint: 'Press Enter or type a comma after each tag; pick an existing one with the arrow keys.',
    placeholder: 'Add a tag…',
    suggestions: 'Existing tags',
  },
  chips: {
    remove: 'Remove {value}',
  },
};

export default messages;
