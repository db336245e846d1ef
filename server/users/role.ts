import { registerEnumType } from 'type-graphql';

/** What a person may do in Accueil. Kept apart from the entity so that policies can name roles without an import cycle. */
export enum Role {
  END_USER = 'END_USER',
  AGENT = 'AGENT',
  ADMIN = 'ADMIN',
}
registerEnumType(Role, {
  name: 'Role',
  description: 'What a person may do in Accueil (see the README for the whole table).',
  valuesConfig: {
    END_USER: { description: 'A customer: may read and change only their own name, phone, time zone and language.' },
    AGENT: {
      description: 'Support staff: reads everyone, adds and changes end users, and their own account (not its role, suspension or verification).',
    },
    ADMIN: { description: 'Manages everything: roles, organizations, custom fields, API tokens and passwords.' },
  },
});

export enum CreatedVia {
  AGENT = 'AGENT',
  ADMIN = 'ADMIN',
  API = 'API',
  IMPORT = 'IMPORT',
  TICKET = 'TICKET',
  SELF = 'SELF',
  SYSTEM = 'SYSTEM',
}
registerEnumType(CreatedVia, {
  name: 'CreatedVia',
  description: 'How an account came into being.',
  valuesConfig: {
    AGENT: { description: 'An agent added it, signed in.' },
    ADMIN: { description: 'An admin added it, signed in.' },
    API: { description: "A partner app's API token added it." },
    IMPORT: { description: 'A CSV import added it.' },
    TICKET: { description: "A ticket created on someone's behalf added it." },
    SELF: { description: 'The person signed up themself.' },
    SYSTEM: { description: 'Accueil made it, e.g. the first admin.' },
  },
});
