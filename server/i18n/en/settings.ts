import type { ParamValue } from '../message.js';

export const settings = {
  'settings.placeholderUnclosed': () => `This placeholder is not closed with }}.`,
  'settings.placeholderEmpty': () => `This placeholder has no name.`,
  'settings.placeholderMalformed': (p: { example: ParamValue }) => `A placeholder is a name in double braces, such as ${p.example}.`,
  'settings.placeholderUnknownNear': (p: { name: ParamValue; near: ParamValue; available: ParamValue }) =>
    `${p.name} is not a placeholder: did you mean ${p.near}? Available: ${p.available}.`,
  'settings.placeholderUnknown': (p: { name: ParamValue; available: ParamValue }) => `${p.name} is not a placeholder. Available: ${p.available}.`,
  'settings.atMostEntries': (p: { maxListEntries: number }) => `At most ${p.maxListEntries} entries.`,
  'settings.allowListTakesDomains': (p: { value: ParamValue }) =>
    `${p.value}: the allow list takes domains and addresses, without reject: or suspend:.`,
  'settings.standsAloneInBlock': (p: { value: ParamValue }) =>
    `${p.value}: * stands alone, in the block list only (it holds everyone who is not allowed).`,
  'settings.neitherDomainAcmeCom': (p: { value: ParamValue }) => `${p.value} is neither a domain (acme.com) nor an email address.`,
  'settings.agentsAdminsReadSettings': () => `Only agents and admins can read the settings.`,
  'settings.adminsChangeSettings': () => `Only admins can change the settings.`,
  'settings.lineColumn': (p: { message: ParamValue; line: ParamValue; column: ParamValue }) => `${p.message} (line ${p.line}, column ${p.column})`,
  'settings.subjectRequired': () => `Subject is required.`,
  'settings.bodyRequired': () => `Body is required.`,
  'settings.deskNameRequired': () => `Desk name is required.`,
  'settings.someoneSavedSettingsSince': () => `Someone saved the settings since you loaded them: reload to see their change.`,
};
