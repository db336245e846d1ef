// English messages of numbers typed, the time zone picker and the history's values (spread into locales/en.ts).
const messages = {
  format: {
    number: {
      invalid: 'Enter a number, e.g. 1,234.5.',
      invalidInteger: 'Enter a whole number, e.g. 1,234.',
      ambiguous: 'Write decimals with a point and thousands with commas or spaces, e.g. 1,234.5.',
      notInteger: 'Enter a whole number, without decimals.',
    },
  },
  timeZonePicker: {
    placeholder: 'City, region or offset (+05:30)',
    results: 'Time zones',
    noMatch: 'No time zone matches “{query}”. Try a city, a region or an offset such as +05:30.',
    clear: 'Clear the time zone',
    formerly: 'formerly {names}',
  },
  historyValue: {
    fields: {
      signIn: 'Sign-in',
      mergedFrom: 'Merged from',
      ticketsRequested: 'Tickets requested',
      ticketsCopied: "Tickets CC'd",
    },
    signIn: {
      locked: 'locked',
      notLocked: 'not locked',
      unlocked: 'unlocked',
    },
    field: '{field}:',
    gonePerson: 'a deleted person',
    goneOrganization: '{name} (deleted since)',
    goneUnnamedOrganization: 'a deleted organization',
    goneOption: '{value} (option removed since)',
    renamed: '{name} (then “{old}”)',
  },
};

export default messages;
