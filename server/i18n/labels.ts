import { msg, type Text } from './message.js';

/** The field names that rules receive in English ('Name', 'Notes'), as catalog messages; others (a custom field's title) stay as written. */
const KNOWN: Record<string, Text> = {
  Name: msg('labels.name'),
  Alias: msg('labels.alias'),
  Details: msg('labels.details'),
  Notes: msg('labels.notes'),
  'External ID': msg('labels.externalId'),
  Organization: msg('labels.organization'),
  Phone: msg('labels.phone'),
  Role: msg('labels.role'),
  Suspended: msg('labels.suspended'),
  Verified: msg('labels.verified'),
  'Time zone': msg('labels.timeZone'),
  Language: msg('labels.language'),
  'A tag': msg('labels.tag'),
  'A domain': msg('labels.domain'),
  Subject: msg('labels.subject'),
  Message: msg('labels.message'),
  Body: msg('labels.body'),
  Comment: msg('labels.comment'),
  Reply: msg('labels.reply'),
  Description: msg('labels.description'),
  'Desk name': msg('labels.deskName'),
  'The title': msg('labels.title'),
  'The description': msg('labels.fieldDescription'),
  'The pattern hint': msg('labels.patternHint'),
};

/** A field's name in a message: its catalog entry when it has one. */
export const labelText = (label: Text): Text => (typeof label === 'string' ? (KNOWN[label] ?? label) : label);
