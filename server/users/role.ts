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
  /** Stored as SIDE_CONV: users.created_via holds 16 characters. */
  CC = 'CC',
  SIDE_CONVERSATION = 'SIDE_CONV',
  SELF = 'SELF',
  SYSTEM = 'SYSTEM',
  INVITATION = 'INVITATION',
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
    CC: { description: "An agent typed the address in a ticket's CCs, or the address was copied on a mail to the desk." },
    SIDE_CONVERSATION: { description: 'An agent added the address to a side conversation of a ticket (tagged created_for_side_conversation).' },
    SELF: { description: 'The person wrote in themself (email or the web form) or signed up.' },
    SYSTEM: { description: 'Accueil made it, e.g. the first admin.' },
    INVITATION: { description: 'An admin invited a teammate (inviteTeamMember): an agent or admin who chooses a password through the mailed link.' },
  },
});
