// English messages of the shared form parts (spread into locales/en.ts).
const messages = {
  formSummary: {
    title: 'One field needs attention | {count} fields need attention',
    separator: ': ',
  },
  emailSuggestion: {
    didYouMean: 'Did you mean {address}?',
  },
};

export default messages;
